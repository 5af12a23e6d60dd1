using System.Text.Json.Serialization;
using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools.Courses;

public sealed record AudienceRef(string Code, string Name);

/// <summary>A catalogue entry as lists and the API show it: titles in both languages, and the one of the user's.</summary>
public record CourseRow(
    int Id, string School, string SchoolName, string Code, string Title, string TitleFr, string TitleEn, string Domain,
    string DomainName, string Level, string LevelName, int DurationDays, IReadOnlyList<string> Languages, bool Active,
    IReadOnlyList<AudienceRef> Audience, int UpcomingSessions, long Version)
{
    [JsonIgnore] public int SchoolId { get; init; }
    [JsonIgnore] public int SchoolCountryId { get; init; }
}

/// <summary>The catalogues of the schools the user sees (every school, a coopérant's country only), filtered, sorted and paged.</summary>
public class ListCourses(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock, IStringLocalizer<ListCourses> text) : IListUseCase<ListCourses.Query, CourseRow>
{
    public record Query
    {
        /// <summary>Acronym of the school.</summary>
        public string? School { get; init; }
        /// <summary>Code of the domain (PEACEKEEPING, DEMINING…).</summary>
        public string? Domain { get; init; }
        /// <summary>Initial, Intermediate, Advanced or Senior.</summary>
        public string? Level { get; init; }
        /// <summary>Code of an administration of the audience (ARM, INT, JUS, DOU…).</summary>
        public string? Administration { get; init; }
        /// <summary>Part of the code or title, accents and case aside.</summary>
        public string? Q { get; init; }
        /// <summary>true: courses still taught; false: withdrawn ones; none: both.</summary>
        public bool? Active { get; init; }
        /// <summary>school, code, title, domain, level or duration; a leading "-" sorts descending (default school).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["school", "code", "title", "domain", "level", "duration"];

    public async Task<Paged<CourseRow>> HandleAsync(Query query, CancellationToken ct = default) =>
        Paging.Page(await AllAsync(query, ct), query.Page, query.PageSize);

    /// <summary>
    /// The whole filtered list in order. A catalogue is a few hundred courses: the user's (his scope's, in his language,
    /// with the sessions to come as of today) is read once, then kept like the figures until a write
    /// (<see cref="FigureCache"/>), and every filter, search, sort and page is made on it in memory, rather than the
    /// catalogue and its audiences being read again for every page of it.
    /// </summary>
    public async Task<IReadOnlyList<CourseRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        IEnumerable<CourseRow> rows = await cache.GetOrComputeAsync("courses:catalogue", access, "", clock.Today(),
            async () => (IReadOnlyList<CourseRow>)await RowsAsync(Visible(), ct));
        if (Code(query.School) is { } school) rows = rows.Where(c => c.School == school);
        if (Code(query.Domain) is { } domain) rows = rows.Where(c => c.Domain == domain);
        if (!string.IsNullOrWhiteSpace(query.Level))
            rows = CourseRules.ParseLevel(query.Level) is { } level ? rows.Where(c => c.Level == level.ToString()) : [];
        if (Code(query.Administration) is { } administration) rows = rows.Where(c => c.Audience.Any(a => a.Code == administration));
        if (query.Active is { } active) rows = rows.Where(c => c.Active == active);
        rows = rows.Where(r => PartnerQueries.Matches(query.Q, r.Code, r.TitleFr, r.TitleEn));
        return Sort(rows, query.Sort).ToList();
    }

    /// <summary>One course; not found when it does not exist or its school lies outside the user's scope.</summary>
    public async Task<CourseRow> GetAsync(int id, CancellationToken ct = default) =>
        (await RowsAsync(Visible().Where(c => c.Id == id), ct)).SingleOrDefault() ?? throw new RecordNotFoundException();

    private IQueryable<Course> Visible()
    {
        var q = db.Courses.AsNoTracking();
        if (access.SchoolCountryIds is { } countries) q = q.Where(c => countries.Contains(c.School!.CountryId));
        return q;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static IEnumerable<CourseRow> Sort(IEnumerable<CourseRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("school", false);
        var byName = PartnerQueries.NameOrder;
        IOrderedEnumerable<CourseRow> ordered = key switch
        {
            "code" => descending ? rows.OrderByDescending(r => r.Code, StringComparer.Ordinal) : rows.OrderBy(r => r.Code, StringComparer.Ordinal),
            "title" => descending ? rows.OrderByDescending(r => r.Title, byName) : rows.OrderBy(r => r.Title, byName),
            "domain" => descending ? rows.OrderByDescending(r => r.DomainName, byName) : rows.OrderBy(r => r.DomainName, byName),
            "level" => descending ? rows.OrderByDescending(r => Enum.Parse<CourseLevel>(r.Level)) : rows.OrderBy(r => Enum.Parse<CourseLevel>(r.Level)),
            "duration" => descending ? rows.OrderByDescending(r => r.DurationDays) : rows.OrderBy(r => r.DurationDays),
            _ => descending ? rows.OrderByDescending(r => r.School, StringComparer.Ordinal) : rows.OrderBy(r => r.School, StringComparer.Ordinal),
        };
        return ordered.ThenBy(r => r.Title, byName).ThenBy(r => r.Id);
    }

    private async Task<List<CourseRow>> RowsAsync(IQueryable<Course> courses, CancellationToken ct)
    {
        var today = clock.Today();
        var data = await courses.Select(c => new
        {
            c.Id, c.SchoolId, School = c.School!.Acronym, SchoolName = c.School.Name, SchoolCountryId = c.School.CountryId,
            c.Code, c.TitleFr, c.TitleEn, Domain = c.Domain!.Code, DomainFr = c.Domain.NameFr, DomainEn = c.Domain.NameEn,
            c.Level, c.DurationDays, c.Languages, c.Active, c.Version,
            Audience = c.Audience.Select(a => new { a.Code, a.NameFr, a.NameEn }).ToList(),
        }).AsSplitQuery().ToListAsync(ct);
        // The sessions to come of every course, counted once and kept like the figures, not once a course and request.
        var upcoming = await cache.GetOrComputeAsync("courses:upcoming-sessions", access, "", today, () =>
            db.CourseSessions.AsNoTracking().Where(s => s.StartDate >= today && s.Status != SessionStatus.Cancelled)
                .CountByAsync(s => s.CourseId, ct));
        return data.Select(c => new CourseRow(
            c.Id, c.School, c.SchoolName, c.Code, Names.Pick(c.TitleFr, c.TitleEn), c.TitleFr, c.TitleEn,
            c.Domain, Names.Pick(c.DomainFr, c.DomainEn), c.Level.ToString(), c.Level.LevelName(text), c.DurationDays,
            c.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), c.Active,
            c.Audience.Select(a => new AudienceRef(a.Code, Names.Pick(a.NameFr, a.NameEn))).OrderBy(a => a.Name, PartnerQueries.NameOrder).ToList(),
            upcoming.GetValueOrDefault(c.Id), c.Version) { SchoolId = c.SchoolId, SchoolCountryId = c.SchoolCountryId }).ToList();
    }
}
