using System.Linq.Expressions;

namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// An international session as lists show it: participants counted by status (counts only, whoever they are); of the
/// user's country for a liaison officer (<see cref="MyCountryParticipants"/>).
/// </summary>
public record InternationalSessionRow(
    int Id, int Year, int Number, string Theme, string Zone, string ZoneName, bool WithFica, DateOnly StartDate, DateOnly EndDate,
    string Place, int InvitedCountries, int Participants, int Confirmed, int Attended, int? MyCountryParticipants, long Version);

/// <summary>The international sessions the user may read (<see cref="Access.VisibleInternationalSessions"/>), filtered, sorted and paged.</summary>
public class ListInternationalSessions(CooperationDbContext db, Access access, ReferenceCodes codes, FigureCache cache, IStringLocalizer<ListInternationalSessions> text)
    : IListUseCase<ListInternationalSessions.Query, InternationalSessionRow>
{
    public record Query
    {
        /// <summary>The sessions of a year.</summary>
        public int? Year { get; init; }
        /// <summary>Code of the zone they are devoted to.</summary>
        public string? Zone { get; init; }
        /// <summary>ISO2 of invited countries, comma-separated (sessions to which one of them is invited).</summary>
        public string? Country { get; init; }
        /// <summary>start, zone or theme; "-" first for descending (default -start).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["start", "zone", "theme"];

    public async Task<Paged<InternationalSessionRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = await FilterAsync(query, ct);
        var total = await cache.CountAsync(nameof(ListInternationalSessions), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct);
        var rows = await Sort(filtered, query.Sort).PageOf(page, size).Select(Projection).ToPageAsync(total, page, size, ct);
        var tallies = await TalliesAsync(ct);
        return new Paged<InternationalSessionRow>(rows.Select(d => Row(d, tallies)).ToList(), total, page, size);
    }

    public async Task<IReadOnlyList<InternationalSessionRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var rows = await Sort(await FilterAsync(query, ct), query.Sort).Select(Projection).ToListAsync(ct);
        var tallies = await TalliesAsync(ct);
        return rows.Select(d => Row(d, tallies)).ToList();
    }

    /// <summary>One session; not found out of sight.</summary>
    public async Task<InternationalSessionRow> GetAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesInternationalSessions);
        var data = await access.VisibleInternationalSessions(db.InternationalSessions.AsNoTracking()).Where(s => s.Id == id)
            .Select(Projection).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return Row(data, await TalliesAsync(ct));
    }

    /// <summary>What the list shows for these filters, unsorted: what the annual report counts.</summary>
    internal async Task<IQueryable<InternationalSession>> FilterAsync(Query query, CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesInternationalSessions);
        var errors = new FieldErrors(text);
        var zoneId = await codes.ZoneAsync(query.Zone, errors, required: false, ct: ct);
        var countryIds = await codes.CountriesAsync(query.Country, errors, ct: ct);
        errors.ThrowIfAny();
        var q = access.VisibleInternationalSessions(db.InternationalSessions.AsNoTracking());
        if (query.Year is { } year) q = q.Where(s => s.Year == year);
        if (zoneId is { } zone) q = q.Where(s => s.ZoneId == zone);
        if (countryIds is { } countries) q = q.Where(s => s.InvitedCountries.Any(c => countries.Contains(c.Id)));
        return q;
    }

    private static IQueryable<InternationalSession> Sort(IQueryable<InternationalSession> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("start", true);
        IOrderedQueryable<InternationalSession> ordered = key switch
        {
            "zone" => descending ? q.OrderByDescending(s => s.Zone!.Code) : q.OrderBy(s => s.Zone!.Code),
            "theme" => descending ? q.OrderByDescending(s => s.Theme) : q.OrderBy(s => s.Theme),
            _ => descending ? q.OrderByDescending(s => s.Year).ThenByDescending(s => s.Number) : q.OrderBy(s => s.Year).ThenBy(s => s.Number),
        };
        return ordered.ThenBy(s => s.Id);
    }

    private const string InvitedCountriesTable = "InternationalSessionCountries";

    private sealed record Data(
        int Id, int Year, int Number, string Theme, string Zone, string ZoneFr, string ZoneEn, bool WithFica, DateOnly Start, DateOnly End,
        string Place, long Version);

    private static readonly Expression<Func<InternationalSession, Data>> Projection = s => new Data(
        s.Id, s.Year, s.Number, s.Theme, s.Zone!.Code, s.Zone.NameFr, s.Zone.NameEn, s.WithFica, s.StartDate, s.EndDate, s.Place, s.Version);

    /// <summary>A session's invited countries and participants counted, the latter also by the country they represent.</summary>
    private sealed record Tally(int Invited, int Participants, int Confirmed, int Attended, IReadOnlyDictionary<int, int> ByCountry)
    {
        public static readonly Tally None = new(0, 0, 0, 0, new Dictionary<int, int>());
    }

    /// <summary>
    /// Every session's invited countries and participants counted once and kept like the figures
    /// (<see cref="FigureCache.GetOrComputeSharedAsync{T}"/>, counted again after any write): a page's rows take theirs
    /// from it. Counted in the page's statement, four correlated counts a row took 0.9 ms of PostgreSQL's time a
    /// request at scale 10. The invited countries are counted in their join table, without joining the countries.
    /// </summary>
    private Task<Dictionary<int, Tally>> TalliesAsync(CancellationToken ct) =>
        cache.GetOrComputeSharedAsync("international-sessions:tallies", async () =>
        {
            var invited = await db.Set<Dictionary<string, object>>(InvitedCountriesTable)
                .CountByAsync(i => EF.Property<int>(i, "InternationalSessionId"), ct);
            var participants = (await db.SessionParticipants.AsNoTracking()
                    .GroupBy(p => new { p.SessionId, p.CountryId, p.Status })
                    .Select(g => new { g.Key.SessionId, g.Key.CountryId, g.Key.Status, Count = g.Count() })
                    .ToListAsync(ct))
                .ToLookup(g => g.SessionId);
            return invited.Keys.Union(participants.Select(g => g.Key)).ToDictionary(id => id, id =>
            {
                var of = participants[id].ToList();
                int Count(Func<ParticipantStatus, bool> status) => of.Where(g => status(g.Status)).Sum(g => g.Count);
                return new Tally(invited.GetValueOrDefault(id), Count(s => s != ParticipantStatus.Declined),
                    Count(s => s == ParticipantStatus.Confirmed), Count(s => s == ParticipantStatus.Attended),
                    of.GroupBy(g => g.CountryId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
            });
        }, byLanguage: false);

    private InternationalSessionRow Row(Data d, Dictionary<int, Tally> tallies)
    {
        var tally = tallies.GetValueOrDefault(d.Id) ?? Tally.None;
        return new(d.Id, d.Year, d.Number, d.Theme, d.Zone, Names.Pick(d.ZoneFr, d.ZoneEn), d.WithFica, d.Start, d.End, d.Place,
            tally.Invited, tally.Participants, tally.Confirmed, tally.Attended,
            access.CountryId is { } mine ? tally.ByCountry.GetValueOrDefault(mine) : null, d.Version);
    }
}
