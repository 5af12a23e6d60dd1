using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// A nomination as lists and the API show it. The candidate's name is <see cref="PersonalData.Redacted"/> for those
/// who may not read it (<see cref="Access.ReadsVisibleTraineeNames"/>: the auditor); session, country and status are not personal.
/// </summary>
public record NominationRow(
    int Id, int SessionId, string CourseCode, string CourseTitle, string School, string SchoolName,
    DateOnly SessionStart, DateOnly SessionEnd, string Place, string SessionStatus, int TraineeId, string TraineeName,
    string Gender, string Rank, string Administration, string AdministrationName, string Country, string CountryName,
    string Status, string StatusName, string Screening, string ScreeningName, DateTime SubmittedAt, DateTime? DecidedAt,
    long Version)
{
    [JsonIgnore] public int CountryId { get; init; }
    [JsonIgnore] public int SchoolId { get; init; }
    [JsonIgnore] public int SchoolCountryId { get; init; }
    [JsonIgnore] public NominationStatus StatusValue { get; init; }
    [JsonIgnore] public ScreeningStatus ScreeningValue { get; init; }
    [JsonIgnore] public bool Redacted => TraineeName == PersonalData.Redacted;
    /// <summary>"Awaiting decision": the desk officer's queue.</summary>
    [JsonIgnore] public bool Awaiting => StatusValue is NominationStatus.Submitted or NominationStatus.UnderReview;
}

/// <summary>Nominations the user may see, filtered, sorted and paged; or all of them for an export.</summary>
public class ListNominations(CooperationDbContext db, Access access, FigureCache cache, IStringLocalizer<ListNominations> text) : IListUseCase<ListNominations.Query, NominationRow>
{
    public record Query
    {
        /// <summary>Id of a session.</summary>
        public int? Session { get; init; }
        /// <summary>Acronym of the school (or training place).</summary>
        public string? School { get; init; }
        /// <summary>ISO2 code of the nominating country.</summary>
        public string? Country { get; init; }
        /// <summary>Submitted, UnderReview, Accepted, Waitlisted, Refused or Withdrawn.</summary>
        public string? Status { get; init; }
        /// <summary>Pending, Cleared or Refused.</summary>
        public string? Screening { get; init; }
        /// <summary>true: only nominations awaiting a decision (submitted or under review).</summary>
        public bool? Awaiting { get; init; }
        /// <summary>true: a liaison officer's country's nominations; for anyone else those he submitted.</summary>
        public bool? Mine { get; init; }
        /// <summary>Part of the candidate's name.</summary>
        public string? Search { get; init; }
        /// <summary>submitted, session, name, country or status; a leading "-" sorts descending (default -submitted).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>Code of the zone of the nominating country.</summary>
        public string? Zone { get; init; }
        /// <summary>Nominations to the sessions that started in that calendar year, cancelled sessions left out (the training figures' year).</summary>
        public int? Year { get; init; }
    }

    public static readonly string[] Sorts = ["submitted", "session", "name", "country", "status"];

    public async Task<Paged<NominationRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var reads = access.ReadsVisibleTraineeNames;
        var keepsOrder = KeepsOrder(query, reads, page, pageSize);
        var filtered = await FilterAsync(query, ct, paged: !keepsOrder);
        if (keepsOrder)
        {
            var order = await cache.OrderAsync(nameof(ListNominations), access, query with { Page = null, PageSize = null },
                Sort(filtered, query.Sort, reads).Select(n => n.Id), ct);
            var read = await Paging.KeptPageAsync(order, page, pageSize,
                async ids => await filtered.Where(n => ids.Contains(n.Id)).Select(Projection(reads)).ToListAsync(ct), d => d.Id);
            return new Paged<NominationRow>(read.Select(Row).ToList(), order.Count, page, pageSize);
        }
        var total = await cache.CountUpToAsync(nameof(ListNominations), access, query with { Page = null, PageSize = null, Sort = null }, filtered,
            Paging.CountLimit(query.Search), ct);
        var data = await Sort(filtered, query.Sort, reads).DeepPageOf(page, pageSize, n => n.Id).Select(Projection(reads)).ToPageAsync(total, page, pageSize, ct);
        return new Paged<NominationRow>(data.Select(Row).ToList(), total, page, pageSize);
    }

    /// <summary>
    /// The lists whose order is read once and kept like the figures (<see cref="FigureCache.OrderAsync"/>), a page's rows
    /// then read by id (bench/PLANS.md), where no index gives the order:
    /// <list type="bullet">
    /// <item>a year's nominations, the year being their sessions': PostgreSQL walked the submissions from the latest
    /// until it had a page, through every later year's (156 ms for 2016); kept, the year's are sorted once;</item>
    /// <item>those awaiting a decision, of two statuses, which one index walk cannot give in the order of their
    /// submission: PostgreSQL walked every older nomination for the first page by submission (138 ms). They are few;</item>
    /// <item>by the candidate's name or by the country's, columns of other tables, whenever the list is filtered or the
    /// page deep, and always on SQLite. Unfiltered, PostgreSQL walks the index of the names, or of the countries' names,
    /// and sorts each one's few nominations (3 ms); filtered, it sorted all the filter kept (the accepted by country:
    /// 247 ms on SQLite; a school's by name: 63 ms on PostgreSQL), and a deep page joined every row it skipped
    /// (page 500 by name: 255 ms on PostgreSQL). SQLite joined every nomination to its trainee and sorted them all for
    /// each page (233 ms at scale 10). Kept unfiltered on PostgreSQL, the first page would sort every nomination after
    /// each write.</item>
    /// </list>
    /// </summary>
    private bool KeepsOrder(Query query, bool reads, int page, int pageSize)
    {
        if (query.Year is not null || query.Awaiting == true) return true;
        var key = query.Sort?.Trim().TrimStart('-').ToLowerInvariant();
        if (key != "country" && !(key == "name" && reads)) return false;
        return Paging.IsDeep(page, pageSize)
            || query with { Page = null, PageSize = null, Sort = null } != new Query()
            || db.Database.IsSqlite();
    }

    /// <summary>The whole filtered list, in the same order, for an export.</summary>
    public async Task<IReadOnlyList<NominationRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var reads = access.ReadsVisibleTraineeNames;
        var data = await Sort(await FilterAsync(query, ct), query.Sort, reads).Select(Projection(reads)).ToListAsync(ct);
        return data.Select(Row).ToList();
    }

    /// <summary>
    /// One nomination, or null when it does not exist or lies outside the user's scope: a nomination that may be out of
    /// sight, such as the one a withdrawal moved up from the waiting list (another country's). <see cref="GetNomination"/>
    /// answers not found.
    /// </summary>
    public async Task<NominationRow?> FindAsync(int id, CancellationToken ct = default)
    {
        var visible = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var data = await visible.Where(n => n.Id == id).Select(Projection(access.ReadsVisibleTraineeNames)).SingleOrDefaultAsync(ct);
        return data is null ? null : Row(data);
    }

    /// <summary>How many of the filtered nominations are in each status (the liaison officer's summary).</summary>
    public async Task<Dictionary<NominationStatus, int>> CountByStatusAsync(Query query, CancellationToken ct = default)
    {
        var counts = await (await FilterAsync(query with { Status = null, Awaiting = null }, ct))
            .GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<NominationStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>
    /// The nominations the list shows for these filters, unsorted: what the annual report counts. <paramref name="paged"/>:
    /// read a page at a time along the list's order, and counted up to a bound, not whole (a name searched is tested
    /// the way that suits, <see cref="Access.NominationsOfCandidatesNamedAsync"/>).
    /// </summary>
    internal async Task<IQueryable<Nomination>> FilterAsync(Query query, CancellationToken ct, bool paged = false)
    {
        var errors = new FieldErrors(text);
        if (!NominationLabels.TryParse<NominationStatus>(query.Status, out var status))
            errors.Add("status", "common.unknown", errors.Label("Statut"), query.Status!);
        if (!NominationLabels.TryParse<ScreeningStatus>(query.Screening, out var screening))
            errors.Add("screening", "common.unknown", errors.Label("Criblage"), query.Screening!);
        errors.ThrowIfAny();

        var q = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        if (query.Session is { } session) q = q.Where(n => n.SessionId == session);
        if (Code(query.School) is { } school) q = q.Where(n => n.Session!.Course!.School!.Acronym == school);
        if (ListFilters.Codes(query.Country) is { } country) q = q.OfCountries(country, db.Countries, n => n.CountryId);
        // The zone's countries tested for each nomination (EXISTS), not joined to it: joined, SQLite read the nominations
        // of each of the zone's countries and sorted them all, 420-480 ms for Africa's 300,000 at scale 10, whatever the
        // order; tested, it walks the list's order and stops at its page (0.2 ms; 5 ms for a zone of 2,400).
        if (Code(query.Zone) is { } zone) q = q.Where(n => db.Countries.Any(c => c.Id == n.CountryId && c.Zone!.Code == zone));
        if (query.Year is { } year) q = Reporting.TrainingFigureQueries.InSessionsOf(q, year, year);
        if (status is { } s) q = q.Where(n => n.Status == s);
        if (screening is { } sc) q = q.Where(n => n.Screening == sc);
        if (query.Awaiting == true) q = q.Where(n => n.Status == NominationStatus.Submitted || n.Status == NominationStatus.UnderReview);
        if (query.Mine == true)
        {
            if (access.IsLiaisonOfficer) q = q.Where(n => n.CountryId == access.CountryId);
            else q = q.Where(n => n.SubmittedByUserId == access.UserId);
        }
        if (Access.NameWords(query.Search) is { Length: > 0 } words) q = await access.NominationsOfCandidatesNamedAsync(q, words, ct, paged: paged);
        return q;
    }

    /// <summary>Sorted; by name, only names the user reads count (the others come last, by submission), so that their order tells nothing.</summary>
    private static IQueryable<Nomination> Sort(IQueryable<Nomination> q, string? sort, bool reads)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("submitted", true);
        // Chosen here, not in SQL: a condition on a parameter would keep the database from reading an index in order.
        Expression<Func<Nomination, string?>> name = reads ? n => n.Trainee!.NormalizedName : n => null;
        IOrderedQueryable<Nomination> ordered = key switch
        {
            "session" => descending ? q.OrderByDescending(n => n.Session!.StartDate) : q.OrderBy(n => n.Session!.StartDate),
            "name" => descending
                ? q.OrderByDescending(name).ThenByDescending(n => n.SubmittedAt)
                : q.OrderBy(name).ThenBy(n => n.SubmittedAt),
            "country" when Names.English => descending ? q.OrderByDescending(n => n.Country!.NameEn) : q.OrderBy(n => n.Country!.NameEn),
            "country" => descending ? q.OrderByDescending(n => n.Country!.NameFr) : q.OrderBy(n => n.Country!.NameFr),
            // Within a status, by submission, the same way: the index on the three is read in order both ways.
            "status" => descending
                ? q.OrderByDescending(n => n.Status).ThenByDescending(n => n.SubmittedAt)
                : q.OrderBy(n => n.Status).ThenBy(n => n.SubmittedAt),
            _ => descending ? q.OrderByDescending(n => n.SubmittedAt) : q.OrderBy(n => n.SubmittedAt),
        };
        return descending ? ordered.ThenByDescending(n => n.Id) : ordered.ThenBy(n => n.Id);
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    internal NominationRow Row(NominationData d) => new(
        d.Id, d.SessionId, d.CourseCode, Names.Pick(d.CourseFr, d.CourseEn), d.School, d.SchoolName,
        d.SessionStart, d.SessionEnd, d.Place, d.SessionStatus.ToString(),
        d.TraineeId, PersonalData.Show(d.LastName is not null, $"{d.FirstName} {d.LastName?.ToUpperInvariant()}")!,
        d.Gender.ToString(), d.Rank, d.AdministrationCode, Names.Pick(d.AdministrationFr, d.AdministrationEn),
        d.Iso2, Names.Pick(d.CountryFr, d.CountryEn),
        d.Status.ToString(), NominationLabels.Status(text, d.Status), d.Screening.ToString(), NominationLabels.Screening(text, d.Screening),
        DateTime.SpecifyKind(d.SubmittedAt, DateTimeKind.Utc), d.DecidedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        d.Version)
    {
        CountryId = d.CountryId, SchoolId = d.SchoolId, SchoolCountryId = d.SchoolCountryId,
        StatusValue = d.Status, ScreeningValue = d.Screening,
    };

    internal sealed record NominationData(
        int Id, int SessionId, string CourseCode, string CourseFr, string CourseEn, int SchoolId, string School, string SchoolName,
        int SchoolCountryId, DateOnly SessionStart, DateOnly SessionEnd, string Place, SessionStatus SessionStatus,
        int TraineeId, string? FirstName, string? LastName, Gender Gender, string Rank,
        string AdministrationCode, string AdministrationFr, string AdministrationEn,
        int CountryId, string Iso2, string CountryFr, string CountryEn,
        NominationStatus Status, ScreeningStatus Screening, DateTime SubmittedAt, DateTime? DecidedAt, long Version);

    /// <summary>
    /// The nomination as read; the candidate's names only where the user reads them. Both trees are built once: a
    /// tree's every member access looks its property up by reflection, and the list would pay that on every request.
    /// </summary>
    internal static Expression<Func<Nomination, NominationData>> Projection(bool reads) => reads ? NamedProjection : UnnamedProjection;

    private static readonly Expression<Func<Nomination, NominationData>> NamedProjection = BuildProjection(true);
    private static readonly Expression<Func<Nomination, NominationData>> UnnamedProjection = BuildProjection(false);

    private static Expression<Func<Nomination, NominationData>> BuildProjection(bool reads) => n => new NominationData(
        n.Id, n.SessionId, n.Session!.Course!.Code, n.Session.Course.TitleFr, n.Session.Course.TitleEn,
        n.Session.Course.SchoolId, n.Session.Course.School!.Acronym, n.Session.Course.School.Name, n.Session.Course.School.CountryId,
        n.Session.StartDate, n.Session.EndDate, n.Session.Place, n.Session.Status,
        n.TraineeId,
        reads ? n.Trainee!.FirstName : null,
        reads ? n.Trainee!.LastName : null,
        n.Trainee!.Gender, n.Trainee.Rank, n.Trainee.Administration!.Code, n.Trainee.Administration.NameFr, n.Trainee.Administration.NameEn,
        n.CountryId, n.Country!.Iso2, n.Country.NameFr, n.Country.NameEn,
        n.Status, n.Screening, n.SubmittedAt, n.DecidedAt, n.Version);
}
