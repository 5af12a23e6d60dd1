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
        var rows = await Sort(filtered, query.Sort).PageOf(page, size).Select(Projection(access.CountryId)).ToListAsync(ct);
        return new Paged<InternationalSessionRow>(rows.Select(Row).ToList(), total, page, size);
    }

    public async Task<IReadOnlyList<InternationalSessionRow>> AllAsync(Query query, CancellationToken ct = default) =>
        (await Sort(await FilterAsync(query, ct), query.Sort).Select(Projection(access.CountryId)).ToListAsync(ct)).Select(Row).ToList();

    /// <summary>One session; not found out of sight.</summary>
    public async Task<InternationalSessionRow> GetAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesInternationalSessions);
        var data = await access.VisibleInternationalSessions(db.InternationalSessions.AsNoTracking()).Where(s => s.Id == id)
            .Select(Projection(access.CountryId)).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return Row(data);
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
        string Place, int Invited, int Participants, int Confirmed, int Attended, int? Mine, long Version);

    /// <summary>
    /// The invited countries are counted in their join table: counted through <see cref="InternationalSession.InvitedCountries"/>,
    /// each row joined the countries' table too, which PostgreSQL hashed anew for every session of the page (1.5 of
    /// the list's 1.9 ms in the database at scale 10).
    /// </summary>
    private Expression<Func<InternationalSession, Data>> Projection(int? myCountry) => s => new Data(
        s.Id, s.Year, s.Number, s.Theme, s.Zone!.Code, s.Zone.NameFr, s.Zone.NameEn, s.WithFica, s.StartDate, s.EndDate, s.Place,
        db.Set<Dictionary<string, object>>(InvitedCountriesTable).Count(i => EF.Property<int>(i, "InternationalSessionId") == s.Id),
        s.Participants.Count(p => p.Status != ParticipantStatus.Declined),
        s.Participants.Count(p => p.Status == ParticipantStatus.Confirmed), s.Participants.Count(p => p.Status == ParticipantStatus.Attended),
        myCountry == null ? null : s.Participants.Count(p => p.CountryId == myCountry), s.Version);

    private static InternationalSessionRow Row(Data d) => new(
        d.Id, d.Year, d.Number, d.Theme, d.Zone, Names.Pick(d.ZoneFr, d.ZoneEn), d.WithFica, d.Start, d.End, d.Place, d.Invited,
        d.Participants, d.Confirmed, d.Attended, d.Mine, d.Version);
}
