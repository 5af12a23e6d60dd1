using System.Linq.Expressions;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// Filters of the trainees list. <see cref="Nationality"/> is an ISO2 code, <see cref="Administration"/> a code
/// (ARM, INT, ECO, JUS, DOU), <see cref="Gender"/> female or male (or F, M…), <see cref="School"/> an acronym and
/// <see cref="Year"/> a year in which the trainee began an accepted session (of that school when both are given);
/// <see cref="Prominent"/> keeps the alumni (at least one session passed) who hold or held a prominent position;
/// <see cref="Q"/> searches names; <see cref="Sort"/>: name, nationality, administration or last (latest session),
/// prefixed with "-" for descending order.
/// </summary>
public record TraineeFilter
{
    public string? Q { get; init; }
    public string? Nationality { get; init; }
    public string? Administration { get; init; }
    public string? Gender { get; init; }
    public string? School { get; init; }
    public int? Year { get; init; }
    public bool? Prominent { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>
/// A line of the list. <see cref="Sessions"/> counts the accepted enrolments the user may see; names are
/// <see cref="PersonalData.Redacted"/> for those who may not read them (the auditor).
/// </summary>
public record TraineeListItem(
    int Id, string FirstName, string LastName, string Gender, string Nationality, string NationalityName,
    string Administration, string AdministrationName, string Rank, string Position, int Sessions,
    DateOnly? LastSessionDate, bool Alumnus, bool Prominent, bool Redacted);

public class ListTrainees(CooperationDbContext db, Access access, FigureCache cache, ReferenceCodes codes, IStringLocalizer<ListTrainees> text) : IListUseCase<TraineeFilter, TraineeListItem>
{
    public static readonly string[] SortKeys = ["name", "nationality", "administration", "last"];

    /// <summary>
    /// The sorts whose order is read once and kept like the figures (<see cref="FigureCache.OrderAsync"/>), a page's rows
    /// then read by id: the latest session of every trainee is worked out before the first page (298,000 at scale 10:
    /// 430 ms on SQLite, 850 ms on PostgreSQL), and the administrations, five for 298,000 trainees, leave every
    /// administration's trainees to be sorted by name before the first page (78 ms on SQLite, 131 ms on PostgreSQL). By
    /// nationality, a column of another table, when the list is filtered or the page deep: unfiltered, the databases walk
    /// the countries by name and sort each one's trainees (2-5 ms), but a filter made them sort all it kept (SQLite: the
    /// women 130 ms, the prominent alumni 640 ms; PostgreSQL: a year's trainees 79 ms).
    /// </summary>
    private static bool KeepsOrder(TraineeFilter filter, int page, int pageSize) =>
        filter.Sort?.Trim().TrimStart('-').ToLowerInvariant() switch
        {
            "last" or "administration" => true,
            "nationality" => Paging.IsDeep(page, pageSize) || filter with { Sort = null, Page = null, PageSize = null } != new TraineeFilter(),
            _ => false,
        };

    public async Task<Paged<TraineeListItem>> HandleAsync(TraineeFilter filter, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(filter.Page, filter.PageSize);
        var (filtered, query) = await QueryAsync(filter, ct);
        if (KeepsOrder(filter, page, pageSize))
        {
            var order = await cache.OrderAsync(nameof(ListTrainees), access, filter with { Page = null, PageSize = null }, query.Select(t => t.Id), ct);
            var read = await Paging.KeptPageAsync(order, page, pageSize,
                async ids => await (await ProjectAsync(query.Where(t => ids.Contains(t.Id)), countsSessions: true, ct)).ToListAsync(ct), r => r.Id);
            return new Paged<TraineeListItem>(read.Select(Show).ToList(), order.Count, page, pageSize);
        }
        // Counted unsorted: up to a bound, a sorted count would sort every trainee found (Mba on PostgreSQL: 39 ms).
        var total = await cache.CountUpToAsync(nameof(ListTrainees), access, filter with { Page = null, PageSize = null, Sort = null }, filtered,
            Paging.CountLimit(filter.Q), ct);
        var rows = await (await ProjectAsync(query.DeepPageOf(page, pageSize, t => t.Id), countsSessions: true, ct)).ToPageAsync(total, page, pageSize, ct);
        return new Paged<TraineeListItem>(rows.Select(Show).ToList(), total, page, pageSize);
    }

    /// <summary>The whole filtered list, for an export.</summary>
    public async Task<IReadOnlyList<TraineeListItem>> AllAsync(TraineeFilter filter, CancellationToken ct = default)
    {
        var rows = await (await ProjectAsync((await QueryAsync(filter, ct)).Sorted, countsSessions: false, ct)).ToListAsync(ct);
        var sessions = await SessionsAsync(ct);
        return rows.Select(r => Show(sessions.TryGetValue(r.Id, out var s) ? r with { Sessions = s.Count, LastSession = s.Last } : r)).ToList();
    }

    /// <summary>The nationalities of the trainees the user sees, for the list's nationality filter.</summary>
    /// <remarks>One look-up a country (by the nationality index), not a pass over every trainee.</remarks>
    public async Task<IReadOnlyCollection<int>> NationalitiesInUseAsync(CancellationToken ct = default)
    {
        var trainees = await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct);
        return await db.Countries.AsNoTracking().Where(c => trainees.Any(t => t.NationalityId == c.Id)).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The schools of the school filter: a school director's own, every one for the others.</summary>
    public async Task<List<SelectListItem>> SchoolsAsync(CancellationToken ct = default)
    {
        var schools = db.RegionalSchools.AsNoTracking();
        if (access.IsSchoolDirector) schools = schools.Where(s => s.Id == access.SchoolId);
        return (await schools.Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
    }

    /// <summary>
    /// The accepted enrolments the user may see (a school director does not learn of other schools' sessions), counted by
    /// trainee with the latest start, for an export of the whole list: one grouped query, which the database runs far
    /// faster than a subquery for each of its rows. A page of 25 counts them in its own statement.
    /// </summary>
    private async Task<Dictionary<int, (int Count, DateOnly? Last)>> SessionsAsync(CancellationToken ct)
    {
        var enrolments = (await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct))
            .Where(n => n.Status == NominationStatus.Accepted);
        // The session is joined before grouping: a navigation inside the group makes EF read it again per trainee.
        return (await enrolments.Join(db.CourseSessions, n => n.SessionId, s => s.Id, (n, s) => new { n.TraineeId, s.StartDate }).GroupBy(n => n.TraineeId)
                .Select(g => new { TraineeId = g.Key, Count = g.Count(), Last = g.Max(n => n.StartDate) })
                .ToListAsync(ct))
            .ToDictionary(g => g.TraineeId, g => (g.Count, (DateOnly?)g.Last));
    }

    /// <summary>The trainees the user sees, filtered, and sorted; a filter or a sort that names nothing known is refused.</summary>
    private async Task<(IQueryable<Trainee> Filtered, IQueryable<Trainee> Sorted)> QueryAsync(TraineeFilter f, CancellationToken ct)
    {
        var errors = new FieldErrors(text);
        var nationalityId = await codes.CountryAsync(f.Nationality, errors, "nationality", "Nationalité", required: false, ct: ct);
        var administrationId = await codes.AdministrationAsync(f.Administration, errors, required: false, ct: ct);
        var gender = Genders.Parse(f.Gender);
        if (gender is null && !string.IsNullOrWhiteSpace(f.Gender)) errors.Add("gender", "common.unknown", errors.Label("Sexe"), f.Gender.Trim());
        var school = await codes.SchoolAsync(f.School, errors, required: false, ct: ct);
        var key = string.IsNullOrWhiteSpace(f.Sort) ? "name" : f.Sort.Trim().ToLowerInvariant();
        var descending = key.StartsWith('-');
        key = key.TrimStart('-');
        if (!SortKeys.Contains(key)) errors.Add("sort", "common.unknown", errors.Label("Tri"), f.Sort!.Trim());
        errors.ThrowIfAny();

        var query = await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct);
        // Enrolments count only among those the user sees: a school director learns nothing of other schools'.
        var seen = await access.NominationRuleAsync(ct);
        if (nationalityId is { } nationality) query = query.Where(t => t.NationalityId == nationality);
        if (administrationId is { } administration) query = query.Where(t => t.AdministrationId == administration);
        if (gender is { } g) query = query.Where(t => t.Gender == g);

        var from = f.Year is { } y ? new DateOnly(Math.Clamp(y, 1, 9999), 1, 1) : DateOnly.MinValue;
        var to = f.Year is { } z ? new DateOnly(Math.Clamp(z, 1, 9999), 12, 31) : DateOnly.MaxValue;
        var byYear = f.Year is not null;
        if (school is not null)
        {
            // A school's trainees are looked for among its accepted nominations (IN), the school written into the SQL
            // (EF.Constant): walking the trainees in the order of their names and testing each (EXISTS), SQLite took
            // 250 ms for CPPT's women at scale 10, and PostgreSQL's generic plan, which did the same, 194 ms. Its
            // nominations first: 9-16 ms and 4 ms. One statement a school, and they are few.
            var ofSchool = db.Nominations.Where(seen)
                .Where(n => n.Status == NominationStatus.Accepted && n.Session!.Course!.SchoolId == EF.Constant(school.Id));
            if (byYear) ofSchool = ofSchool.Where(n => n.Session!.StartDate >= from && n.Session.StartDate <= to);
            query = query.Where(t => ofSchool.Select(n => n.TraineeId).Contains(t.Id));
        }
        else if (byYear)
            // A year's trainees are many: walking them in the order of their names finds a page at once.
            query = query.Where(t => t.Nominations.AsQueryable().Where(seen).Any(n => n.Status == NominationStatus.Accepted
                && n.Session!.StartDate >= from && n.Session.StartDate <= to));

        if (f.Prominent == true)
            query = query.Where(TraineeRules.ProminentAlumnus(seen));

        if (Access.NameWords(f.Q) is { Length: > 0 } words)
            query = await access.VisibleTraineesNamedAsync(query, words, ct);
        return (query, Sort(query, access.ReadsVisibleTraineeNames, seen, key, descending));
    }

    /// <summary>Sorted; names count only where the user reads them (the auditor must not learn names from their order).</summary>
    private static IQueryable<Trainee> Sort(IQueryable<Trainee> query, bool reads, Expression<Func<Nomination, bool>> seen,
        string key, bool descending)
    {
        var english = Names.English;
        // Chosen here, not in SQL: a condition on a parameter would keep the database from reading the names' index in order.
        Expression<Func<Trainee, string?>> name = reads ? t => t.NormalizedName : t => null;
        var ordered = key switch
        {
            "nationality" => english ? By(query, t => t.Nationality!.NameEn, descending) : By(query, t => t.Nationality!.NameFr, descending),
            "administration" => english ? By(query, t => t.Administration!.NameEn, descending) : By(query, t => t.Administration!.NameFr, descending),
            "last" => By(query, t => t.Nominations.AsQueryable().Where(seen).Where(n => n.Status == NominationStatus.Accepted)
                .Max(n => (DateOnly?)n.Session!.StartDate), descending),
            _ => By(query, name, descending),
        };
        // By name, the id follows the name's direction: the index of the two is then read in order both ways.
        if (key == "name") return descending ? ordered.ThenByDescending(t => t.Id) : ordered.ThenBy(t => t.Id);
        return ordered.ThenBy(name).ThenBy(t => t.Id);
    }

    private static IOrderedQueryable<Trainee> By<TKey>(IQueryable<Trainee> query, Expression<Func<Trainee, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private sealed record Row(
        int Id, string? FirstName, string? LastName, Gender Gender, string Iso2, string NationalityFr, string NationalityEn,
        string AdministrationCode, string AdministrationFr, string AdministrationEn, string Rank, string Position,
        bool Alumnus, bool ProminentCareer, int Sessions, DateOnly? LastSession);

    /// <summary>
    /// The trainees as read: names where the user reads them, alumni by the sessions he sees; with
    /// <paramref name="countsSessions"/>, his accepted enrolments that the user sees counted and the latest start, in the
    /// same statement (a page's: a second statement, grouped, cost a round trip and a query's preparation a request).
    /// </summary>
    private async Task<IQueryable<Row>> ProjectAsync(IQueryable<Trainee> query, bool countsSessions, CancellationToken ct)
    {
        var reads = access.ReadsVisibleTraineeNames;
        var seen = await access.NominationRuleAsync(ct);
        return query.Select(t => new Row(
            t.Id, reads ? t.FirstName : null, reads ? t.LastName : null, t.Gender,
            t.Nationality!.Iso2, t.Nationality.NameFr, t.Nationality.NameEn,
            t.Administration!.Code, t.Administration.NameFr, t.Administration.NameEn, t.Rank, t.Position,
            t.Nominations.AsQueryable().Where(seen).Any(n => n.Result == TrainingResult.Passed),
            // Prominent: an alumnus with a prominent career (TraineeRules.ProminentAlumnus), joined in Show to the alumnus test
            // read once (in SQL, each row read its nominations twice).
            t.Career.Any(c => c.Prominent),
            countsSessions ? t.Nominations.AsQueryable().Where(seen).Count(n => n.Status == NominationStatus.Accepted) : 0,
            countsSessions
                ? t.Nominations.AsQueryable().Where(seen).Where(n => n.Status == NominationStatus.Accepted).Max(n => (DateOnly?)n.Session!.StartDate)
                : null));
    }

    private TraineeListItem Show(Row r)
    {
        var visible = r.LastName is not null;
        return new TraineeListItem(
            r.Id, PersonalData.Show(visible, r.FirstName)!, PersonalData.Show(visible, r.LastName)!,
            TraineeRules.GenderCode(r.Gender), r.Iso2, Names.Pick(r.NationalityFr, r.NationalityEn),
            r.AdministrationCode, Names.Pick(r.AdministrationFr, r.AdministrationEn), r.Rank, r.Position, r.Sessions, r.LastSession,
            r.Alumnus, r.Alumnus && r.ProminentCareer, !visible);
    }
}
