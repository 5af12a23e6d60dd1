using System.Linq.Expressions;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// Filters of the trainees list. <paramref name="Nationality"/> is an ISO2 code, <paramref name="Administration"/> a code
/// (ARM, INT, ECO, JUS, DOU), <paramref name="Gender"/> female or male, <paramref name="School"/> an acronym and
/// <paramref name="Year"/> a year in which the trainee began an accepted session (of that school when both are given);
/// <paramref name="Prominent"/> keeps the alumni (at least one session passed) who hold or held a prominent position;
/// <paramref name="Q"/> searches names; <paramref name="Sort"/>: name, nationality, administration or last (latest session),
/// prefixed with "-" for descending order.
/// </summary>
public record TraineeFilter(
    string? Q = null,
    string? Nationality = null,
    string? Administration = null,
    string? Gender = null,
    string? School = null,
    int? Year = null,
    bool? Prominent = null,
    string? Sort = null,
    int? Page = null,
    int? PageSize = null);

/// <summary>
/// A line of the list. <see cref="Sessions"/> counts the accepted enrolments the user may see; names are
/// <see cref="PersonalData.Redacted"/> for those who may not read them (the auditor).
/// </summary>
public record TraineeListItem(
    int Id,
    string FirstName,
    string LastName,
    string Gender,
    string Nationality,
    string NationalityName,
    string Administration,
    string AdministrationName,
    string Rank,
    string Position,
    int Sessions,
    DateOnly? LastSessionDate,
    bool Alumnus,
    bool Prominent,
    bool Redacted);

public class ListTrainees(CooperationDbContext db, Access access, IStringLocalizer<ListTrainees> text) : IUseCase
{
    public static readonly string[] SortKeys = ["name", "nationality", "administration", "last"];

    public async Task<Paged<TraineeListItem>> HandleAsync(TraineeFilter filter, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = await QueryAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await Project(Sort(query, filter.Sort)).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var sessions = await SessionsAsync(n => ids.Contains(n.TraineeId), ct);
        return new Paged<TraineeListItem>(rows.Select(r => Show(r, sessions)).ToList(), total, page, pageSize);
    }

    /// <summary>The whole filtered list, for an export.</summary>
    public async Task<IReadOnlyList<TraineeListItem>> AllAsync(TraineeFilter filter, CancellationToken ct = default)
    {
        var rows = await Project(Sort(await QueryAsync(filter, ct), filter.Sort)).ToListAsync(ct);
        var sessions = await SessionsAsync(_ => true, ct);
        return rows.Select(r => Show(r, sessions)).ToList();
    }

    /// <summary>
    /// The accepted enrolments the user may see (a school director does not learn of other schools' sessions), counted by
    /// trainee with the latest start: one grouped query, which the database runs far faster than a subquery per row.
    /// </summary>
    private async Task<Dictionary<int, (int Count, DateOnly? Last)>> SessionsAsync(Expression<Func<Nomination, bool>> which, CancellationToken ct)
    {
        var enrolments = (await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct))
            .Where(n => n.Status == NominationStatus.Accepted).Where(which);
        return (await enrolments.GroupBy(n => n.TraineeId)
                .Select(g => new { TraineeId = g.Key, Count = g.Count(), Last = g.Max(n => n.Session!.StartDate) })
                .ToListAsync(ct))
            .ToDictionary(g => g.TraineeId, g => (g.Count, (DateOnly?)g.Last));
    }

    private async Task<IQueryable<Trainee>> QueryAsync(TraineeFilter f, CancellationToken ct)
    {
        var query = await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct);

        if (!string.IsNullOrWhiteSpace(f.Nationality))
        {
            var iso2 = f.Nationality.Trim().ToUpperInvariant();
            var id = await db.Countries.AsNoTracking().Where(c => c.Iso2 == iso2).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
                ?? throw Unknown("nationality", "Nationalité", f.Nationality);
            query = query.Where(t => t.NationalityId == id);
        }

        if (!string.IsNullOrWhiteSpace(f.Administration))
        {
            var code = f.Administration.Trim().ToUpperInvariant();
            var id = await db.Administrations.AsNoTracking().Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                ?? throw Unknown("administration", "Administration d'origine", f.Administration);
            query = query.Where(t => t.AdministrationId == id);
        }

        if (!string.IsNullOrWhiteSpace(f.Gender))
        {
            if (!Enum.TryParse<Gender>(f.Gender.Trim(), ignoreCase: true, out var gender) || !Enum.IsDefined(gender))
                throw Unknown("gender", "Genre", f.Gender);
            query = query.Where(t => t.Gender == gender);
        }

        int? schoolId = null;
        if (!string.IsNullOrWhiteSpace(f.School))
        {
            var acronym = f.School.Trim().ToUpperInvariant();
            schoolId = await db.RegionalSchools.AsNoTracking().Where(s => s.Acronym.ToUpper() == acronym).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
                ?? throw Unknown("school", "École", f.School);
        }
        if (schoolId is not null || f.Year is not null)
        {
            var from = f.Year is { } y ? new DateOnly(Math.Clamp(y, 1, 9999), 1, 1) : DateOnly.MinValue;
            var to = f.Year is { } z ? new DateOnly(Math.Clamp(z, 1, 9999), 12, 31) : DateOnly.MaxValue;
            var byYear = f.Year is not null;
            query = query.Where(t => t.Nominations.Any(n => n.Status == NominationStatus.Accepted
                && (schoolId == null || n.Session!.Course!.SchoolId == schoolId)
                && (!byYear || (n.Session!.StartDate >= from && n.Session.StartDate <= to))));
        }

        if (f.Prominent == true)
            query = query.Where(TraineeRules.ProminentAlumnus);

        if (Text.NormalizeName(f.Q ?? "") is { Length: > 0 } q)
        {
            // Searching hidden names would reveal them one guess at a time.
            if (!access.SeesTraineePersonalData) return query.Where(_ => false);
            foreach (var word in q.Split(' '))
                query = query.Where(t => t.NormalizedName.Contains(word));
        }
        return query;
    }

    private IQueryable<Trainee> Sort(IQueryable<Trainee> query, string? sort)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "name" : sort.Trim().ToLowerInvariant();
        var descending = key.StartsWith('-');
        key = key.TrimStart('-');
        var english = Names.English;
        var ordered = key switch
        {
            // The auditor must not learn names from their order either.
            "name" when !access.SeesTraineePersonalData => By(query, t => t.Id, descending),
            "name" => By(query, t => t.NormalizedName, descending),
            "nationality" => english ? By(query, t => t.Nationality!.NameEn, descending) : By(query, t => t.Nationality!.NameFr, descending),
            "administration" => english ? By(query, t => t.Administration!.NameEn, descending) : By(query, t => t.Administration!.NameFr, descending),
            "last" => By(query, t => t.Nominations.Where(n => n.Status == NominationStatus.Accepted).Max(n => (DateOnly?)n.Session!.StartDate), descending),
            _ => throw Unknown("sort", "Tri", sort!),
        };
        return access.SeesTraineePersonalData ? ordered.ThenBy(t => t.NormalizedName).ThenBy(t => t.Id) : ordered.ThenBy(t => t.Id);
    }

    private static IOrderedQueryable<Trainee> By<TKey>(IQueryable<Trainee> query, Expression<Func<Trainee, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private DomainException Unknown(string field, string label, string value) =>
        new(field, "common.unknown", text[label].Value, value.Trim());

    private sealed record Row(
        int Id, string FirstName, string LastName, Gender Gender, string Iso2, string NationalityFr, string NationalityEn,
        string AdministrationCode, string AdministrationFr, string AdministrationEn, string Rank, string Position,
        bool Alumnus, bool Prominent);

    private static IQueryable<Row> Project(IQueryable<Trainee> query) =>
        query.Select(t => new Row(
            t.Id, t.FirstName, t.LastName, t.Gender, t.Nationality!.Iso2, t.Nationality.NameFr, t.Nationality.NameEn,
            t.Administration!.Code, t.Administration.NameFr, t.Administration.NameEn, t.Rank, t.Position,
            t.Nominations.Any(n => n.Result == TrainingResult.Passed),
            t.Career.Any(c => c.Prominent) && t.Nominations.Any(n => n.Result == TrainingResult.Passed)));

    private TraineeListItem Show(Row r, Dictionary<int, (int Count, DateOnly? Last)> sessions)
    {
        var (count, last) = sessions.GetValueOrDefault(r.Id);
        var visible = access.SeesTraineePersonalData;
        return new TraineeListItem(
            r.Id,
            PersonalData.Show(visible, r.FirstName)!,
            PersonalData.Show(visible, r.LastName)!,
            TraineeRules.GenderCode(r.Gender),
            r.Iso2,
            Names.Pick(r.NationalityFr, r.NationalityEn),
            r.AdministrationCode,
            Names.Pick(r.AdministrationFr, r.AdministrationEn),
            r.Rank,
            r.Position,
            count,
            last,
            r.Alumnus,
            r.Prominent,
            !visible);
    }
}
