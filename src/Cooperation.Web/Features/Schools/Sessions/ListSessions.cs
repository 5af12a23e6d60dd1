using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// A session as lists and the API show it: how full it is (accepted candidates out of its capacity) and how many
/// nominations await a decision among those the user may see. <see cref="MyCountrySeats"/> is the quota of the user's
/// own country (a liaison officer's), null for others.
/// </summary>
public record SessionRow(
    int Id, int CourseId, string CourseCode, string CourseTitle, string School, string SchoolName, string Domain,
    string DomainName, DateOnly StartDate, DateOnly EndDate, string Place, int Capacity, string Status,
    string StatusName, int Accepted, int FillRate, int PendingNominations, int? MyCountrySeats, long Version)
{
    [JsonIgnore] public int SchoolId { get; init; }
    [JsonIgnore] public int SchoolCountryId { get; init; }
    [JsonIgnore] public string SchoolCity { get; init; } = "";

    /// <summary>The project the session serves (the one chain), if any.</summary>
    public int? ProjectId { get; init; }
    public string? ProjectTitle { get; init; }

    /// <summary>The multilateral partnership the session serves, if any (its organisation and agreement).</summary>
    public int? PartnershipId { get; init; }
    public string? PartnershipTitle { get; init; }
}

/// <summary>The sessions the user may see (<see cref="Access.VisibleSessionsAsync"/>), filtered, sorted and paged.</summary>
public class ListSessions(CooperationDbContext db, Access access, FigureCache cache, IStringLocalizer<ListSessions> text) : IListUseCase<ListSessions.Query, SessionRow>
{
    public sealed record Query
    {
        /// <summary>Acronym of the school.</summary>
        public string? School { get; init; }
        /// <summary>Id of the course.</summary>
        public int? CourseId { get; init; }
        /// <summary>Code of the course (within the school, when several schools use it).</summary>
        public string? Course { get; init; }
        /// <summary>Domain code of the course.</summary>
        public string? Domain { get; init; }
        /// <summary>Planned, Open, Closed, Completed or Cancelled.</summary>
        public string? Status { get; init; }
        /// <summary>Sessions still running on or after this day (end date ≥ from).</summary>
        public DateOnly? From { get; init; }
        /// <summary>Sessions started on or before this day (start date ≤ to).</summary>
        public DateOnly? To { get; init; }
        /// <summary>ISO2 of an invited country: sessions with seats for it.</summary>
        public string? Country { get; init; }
        /// <summary>true: sessions open to nominations with seats for the user's country (a liaison officer's).</summary>
        public bool? OpenToMyCountry { get; init; }
        /// <summary>start, end, course, school, fill or status; a leading "-" sorts descending (default -start).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>Code of the zone of the school's country.</summary>
        public string? Zone { get; init; }
    }

    public static readonly string[] Sorts = ["start", "end", "course", "school", "fill", "status"];

    public async Task<Paged<SessionRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = await FilterAsync(query, ct);
        if (query.Sort?.TrimStart('-').Equals("fill", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The fill rate counts every session's accepted candidates before the first page: that order is read once and
            // kept like the figures (FigureCache.OrderAsync), a page's rows read by id (PostgreSQL at scale 10: 31–37 ms a
            // request, 5–7 ms now; bench/PLANS.md).
            var order = await cache.OrderAsync(nameof(ListSessions), access, query with { Page = null, PageSize = null },
                Sort(filtered, query.Sort).Select(s => s.Id), ct);
            var projection = await ProjectionAsync(ct);
            var read = await Paging.KeptPageAsync(order, page, size, ids => filtered.Where(s => ids.Contains(s.Id)).Select(projection).ToListAsync(ct), r => r.Id);
            return new Paged<SessionRow>(Rows(read), order.Count, page, size);
        }
        var total = await cache.CountAsync(nameof(ListSessions), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct);
        var data = await Sort(filtered, query.Sort).PageOf(page, size).Select(await ProjectionAsync(ct)).ToPageAsync(total, page, size, ct);
        return new Paged<SessionRow>(Rows(data), total, page, size);
    }

    /// <summary>The whole filtered list, in the same order, for an export or a calendar.</summary>
    public async Task<IReadOnlyList<SessionRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var data = await Sort(await FilterAsync(query, ct), query.Sort).Select(await ProjectionAsync(ct)).ToListAsync(ct);
        return Rows(data);
    }

    /// <summary>One session; not found when it does not exist or the user may not see it.</summary>
    public async Task<SessionRow> GetAsync(int id, CancellationToken ct = default)
    {
        var visible = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var data = await visible.Where(s => s.Id == id).Select(await ProjectionAsync(ct)).SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        return Rows([data])[0];
    }

    private async Task<IQueryable<CourseSession>> FilterAsync(Query query, CancellationToken ct)
    {
        var q = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        if (Code(query.School) is { } school) q = q.Where(s => s.Course!.School!.Acronym == school);
        if (query.CourseId is { } courseId) q = q.Where(s => s.CourseId == courseId);
        if (Code(query.Course) is { } course) q = q.Where(s => s.Course!.Code == course);
        if (Code(query.Domain) is { } domain) q = q.Where(s => s.Course!.Domain!.Code == domain);
        if (!string.IsNullOrWhiteSpace(query.Status))
            q = SessionLabels.Parse(query.Status) is { } status ? q.Where(s => s.Status == status) : q.Where(_ => false);
        if (query.From is { } from)
        {
            // A session that ends on or after that day starts at most the longest session's length before it: said to
            // the database too, it reads the start dates' index from there instead of from the first session held (a
            // school's coming sessions read 119,000 index entries at scale 100 on PostgreSQL: 104 ms, 0.7 ms with it).
            var earliest = from.AddDays(-await LongestSessionDaysAsync());
            q = q.Where(s => s.EndDate >= from && s.StartDate >= earliest);
        }
        if (query.To is { } to) q = q.Where(s => s.StartDate <= to);
        if (ListFilters.Codes(query.Country) is { } iso2)
        {
            // The quotas' own key of their country, the code looked up apart: through a join on the code, PostgreSQL
            // probed every quota's country too and took 94–128 ms a statement at scale 10 for a country no session invites
            // (12–24 ms now, bench/PLANS.md).
            var chosen = ListFilters.CountryIdOf(iso2, db.Countries);
            q = q.Where(s => s.Quotas.AsQueryable().Where(x => x.Seats > 0).Select(x => x.CountryId).Any(chosen));
        }
        if (Code(query.Zone) is { } zone) q = q.Where(s => s.Course!.School!.Country!.Zone!.Code == zone);
        if (query.OpenToMyCountry == true)
        {
            var mine = access.CountryId;
            q = mine is null
                ? q.Where(_ => false)
                : q.Where(s => s.Status == SessionStatus.Open && s.Quotas.Any(x => x.CountryId == mine && x.Seats > 0));
        }
        return q;
    }

    /// <summary>The days from the start to the end of the longest session, read again after any write.</summary>
    private Task<int> LongestSessionDaysAsync() =>
        cache.GetOrComputeSharedAsync("sessions:longest-days", async () =>
            Math.Max(0, await db.CourseSessions.MaxAsync(s => (int?)(s.EndDate.DayNumber - s.StartDate.DayNumber)) ?? 0), byLanguage: false);

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static IQueryable<CourseSession> Sort(IQueryable<CourseSession> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("start", true);
        IOrderedQueryable<CourseSession> ordered = key switch
        {
            "end" => descending ? q.OrderByDescending(s => s.EndDate) : q.OrderBy(s => s.EndDate),
            "course" when Names.English => descending ? q.OrderByDescending(s => s.Course!.TitleEn) : q.OrderBy(s => s.Course!.TitleEn),
            "course" => descending ? q.OrderByDescending(s => s.Course!.TitleFr) : q.OrderBy(s => s.Course!.TitleFr),
            "school" => descending ? q.OrderByDescending(s => s.Course!.School!.Acronym) : q.OrderBy(s => s.Course!.School!.Acronym),
            "fill" => descending
                ? q.OrderByDescending(s => s.Nominations.Count(n => n.Status == NominationStatus.Accepted) * 100 / s.Capacity)
                : q.OrderBy(s => s.Nominations.Count(n => n.Status == NominationStatus.Accepted) * 100 / s.Capacity),
            "status" => descending ? q.OrderByDescending(s => s.Status) : q.OrderBy(s => s.Status),
            _ => descending ? q.OrderByDescending(s => s.StartDate) : q.OrderBy(s => s.StartDate),
        };
        // Sessions of the same day come in a stable order, whichever way the list runs.
        return (descending ? ordered.ThenByDescending(s => s.StartDate) : ordered.ThenBy(s => s.StartDate)).ThenBy(s => s.Id);
    }

    private IReadOnlyList<SessionRow> Rows(List<SessionData> data) =>
        data.Select(d => new SessionRow(
            d.Id, d.CourseId, d.CourseCode, Names.Pick(d.TitleFr, d.TitleEn), d.School, d.SchoolName,
            d.Domain, Names.Pick(d.DomainFr, d.DomainEn), d.StartDate, d.EndDate, d.Place, d.Capacity,
            d.Status.ToString(), d.Status.Name(text), d.Accepted, SessionLabels.FillRate(d.Accepted, d.Capacity),
            d.Pending, d.MyCountrySeats, d.Version)
        {
            SchoolId = d.SchoolId, SchoolCountryId = d.SchoolCountryId, SchoolCity = d.SchoolCity, ProjectId = d.ProjectId, ProjectTitle = d.ProjectTitle,
            PartnershipId = d.PartnershipId, PartnershipTitle = d.PartnershipTitle,
        }).ToList();

    private sealed record SessionData(
        int Id, int CourseId, string CourseCode, string TitleFr, string TitleEn,
        int SchoolId, int SchoolCountryId, string School, string SchoolName, string SchoolCity,
        string Domain, string DomainFr, string DomainEn, DateOnly StartDate, DateOnly EndDate, string Place, int Capacity,
        SessionStatus Status, int Accepted, int Pending, int? MyCountrySeats, long Version, int? ProjectId, string? ProjectTitle,
        int? PartnershipId, string? PartnershipTitle);

    /// <summary>
    /// A session as the list reads it, in the same query: its candidatures awaiting a decision are those of the user's
    /// sight (<see cref="Access.NominationRuleAsync"/>), counted by a subquery a row rather than by a second round trip.
    /// </summary>
    private async Task<Expression<Func<CourseSession, SessionData>>> ProjectionAsync(CancellationToken ct)
    {
        var seen = await access.NominationRuleAsync(ct);
        var myCountry = access.CountryId;
        return s => new SessionData(
            s.Id, s.CourseId, s.Course!.Code, s.Course.TitleFr, s.Course.TitleEn,
            s.Course.SchoolId, s.Course.School!.CountryId, s.Course.School.Acronym, s.Course.School.Name, s.Course.School.City,
            s.Course.Domain!.Code, s.Course.Domain.NameFr, s.Course.Domain.NameEn, s.StartDate, s.EndDate, s.Place, s.Capacity,
            s.Status, s.Nominations.Count(n => n.Status == NominationStatus.Accepted),
            s.Nominations.AsQueryable().Where(seen).Count(n => n.Status == NominationStatus.Submitted || n.Status == NominationStatus.UnderReview),
            myCountry == null ? null : s.Quotas.Where(x => x.CountryId == myCountry).Select(x => (int?)x.Seats).FirstOrDefault(),
            s.Version, s.ProjectId, s.Project!.Title, s.PartnershipId,
            s.Partnership == null ? null : s.Partnership.Organisation!.Acronym + " — " + s.Partnership.AgreementTitle);
    }
}

/// <summary>How a session's status reads, and its fill rate.</summary>
public static class SessionLabels
{
    public static SessionStatus? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<SessionStatus>(value.Trim(), true, out var s) ? s : null;

    public static string Name(this SessionStatus status, IStringLocalizer text) => status switch
    {
        SessionStatus.Planned => text["Session planifiée"],
        SessionStatus.Open => text["Candidatures ouvertes"],
        SessionStatus.Closed => text["Candidatures closes"],
        SessionStatus.Completed => text["Session terminée"],
        _ => text["Session annulée"],
    };

    /// <summary>The DSFR badge colour of a status.</summary>
    public static string Badge(string status) => status switch
    {
        nameof(SessionStatus.Open) => "fr-badge--success",
        nameof(SessionStatus.Closed) => "fr-badge--warning",
        nameof(SessionStatus.Planned) => "fr-badge--info",
        nameof(SessionStatus.Cancelled) => "fr-badge--error",
        _ => "",
    };

    /// <summary>Accepted candidates as a whole percentage of the capacity.</summary>
    public static int FillRate(int accepted, int capacity) => capacity <= 0 ? 0 : (int)Math.Round(accepted * 100.0 / capacity);
}
