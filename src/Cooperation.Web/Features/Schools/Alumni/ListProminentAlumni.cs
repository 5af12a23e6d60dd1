using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Alumni;

/// <summary>
/// Filters of the influence network report: <paramref name="Zone"/> (code) and <paramref name="Country"/> (ISO2) apply
/// to the alumnus's nationality, <paramref name="Domain"/> (code) to the courses he passed.
/// </summary>
public record AlumniFilter(string? Zone = null, string? Country = null, string? Domain = null, int? Page = null, int? PageSize = null);

public record ProminentPosition(string Position, string Organisation, DateOnly StartDate, DateOnly? EndDate, bool Current);

/// <summary>An alumnus of the influence network: his prominent positions, and the last course he passed.</summary>
public record ProminentAlumnus(
    int Id, string FirstName, string LastName, string Country, string CountryName, string Administration,
    string AdministrationName, int SessionsPassed, string? LastCourse, string? LastSchool, int? LastYear,
    IReadOnlyList<ProminentPosition> Positions, bool Redacted);

public record AlumniByCountry(string Country, string CountryName, int Count);

/// <summary>
/// The report: the alumni in the user's scope who hold or held a prominent position, by country (nationality) with
/// counts, and a page of them ordered by country. Answers <c>{items, total, page, pageSize, countries}</c>.
/// </summary>
public record ProminentAlumniReport(
    IReadOnlyList<ProminentAlumnus> Items, int Total, int Page, int PageSize, IReadOnlyList<AlumniByCountry> Countries);

public class ListProminentAlumni(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, IStringLocalizer<ListProminentAlumni> text)
    : IUseCase
{
    public async Task<ProminentAlumniReport> HandleAsync(AlumniFilter filter, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = await QueryAsync(filter, ct);

        var counts = await query.GroupBy(t => t.NationalityId).Select(g => new { CountryId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.CountryId).ToList();
        var names = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Iso2, Name = Names.Pick(c.NameFr, c.NameEn) }, ct);
        var countries = counts
            .Select(c => new AlumniByCountry(names[c.CountryId].Iso2, names[c.CountryId].Name, c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.CountryName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var rows = await Project(Order(query).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new ProminentAlumniReport(rows.Select(Show).ToList(), counts.Sum(c => c.Count), page, pageSize, countries);
    }

    /// <summary>Every alumnus of the report, for an export.</summary>
    public async Task<IReadOnlyList<ProminentAlumnus>> AllAsync(AlumniFilter filter, CancellationToken ct = default) =>
        (await Project(Order(await QueryAsync(filter, ct))).ToListAsync(ct)).Select(Show).ToList();

    /// <summary>The prominent alumni the user sees, filtered; a filter that names nothing known is refused.</summary>
    private async Task<IQueryable<Trainee>> QueryAsync(AlumniFilter f, CancellationToken ct)
    {
        var errors = new FieldErrors(text);
        var zoneId = await codes.ZoneAsync(f.Zone, errors, required: false, ct: ct);
        var countryId = await codes.CountryAsync(f.Country, errors, required: false, ct: ct);
        var domainId = await codes.DomainAsync(f.Domain, errors, required: false, ct: ct);
        errors.ThrowIfAny();

        var query = (await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct)).Where(TraineeRules.ProminentAlumnus);
        if (zoneId is { } zone) query = query.Where(t => t.Nationality!.ZoneId == zone);
        if (countryId is { } country) query = query.Where(t => t.NationalityId == country);
        if (domainId is { } domain)
            query = query.Where(t => t.Nominations.Any(n => n.Result == TrainingResult.Passed && n.Session!.Course!.DomainId == domain));
        return query;
    }

    private IQueryable<Trainee> Order(IQueryable<Trainee> query)
    {
        var byCountry = Names.English ? query.OrderBy(t => t.Nationality!.NameEn) : query.OrderBy(t => t.Nationality!.NameFr);
        // The auditor must not learn names from their order.
        return access.SeesTraineePersonalData ? byCountry.ThenBy(t => t.NormalizedName).ThenBy(t => t.Id) : byCountry.ThenBy(t => t.Id);
    }

    private sealed record LastPass(string TitleFr, string TitleEn, string School, DateOnly StartDate);

    private sealed record Row(
        int Id, string FirstName, string LastName, string Iso2, string CountryFr, string CountryEn,
        string AdministrationCode, string AdministrationFr, string AdministrationEn, int Passed, LastPass? Last,
        List<ProminentPosition> Positions);

    private static IQueryable<Row> Project(IQueryable<Trainee> query) =>
        query.Select(t => new Row(
            t.Id, t.FirstName, t.LastName, t.Nationality!.Iso2, t.Nationality.NameFr, t.Nationality.NameEn,
            t.Administration!.Code, t.Administration.NameFr, t.Administration.NameEn,
            t.Nominations.Count(n => n.Result == TrainingResult.Passed),
            t.Nominations.Where(n => n.Result == TrainingResult.Passed).OrderByDescending(n => n.Session!.StartDate)
                .Select(n => new LastPass(n.Session!.Course!.TitleFr, n.Session.Course.TitleEn, n.Session.Course.School!.Acronym, n.Session.StartDate))
                .FirstOrDefault(),
            t.Career.Where(c => c.Prominent).OrderByDescending(c => c.StartDate)
                .Select(c => new ProminentPosition(c.Position, c.Organisation, c.StartDate, c.EndDate, false)).ToList()));

    private ProminentAlumnus Show(Row r)
    {
        var today = clock.Today();
        var visible = access.SeesTraineePersonalData;
        return new ProminentAlumnus(
            r.Id, PersonalData.Show(visible, r.FirstName)!, PersonalData.Show(visible, r.LastName)!, r.Iso2,
            Names.Pick(r.CountryFr, r.CountryEn), r.AdministrationCode,
            Names.Pick(r.AdministrationFr, r.AdministrationEn), r.Passed,
            r.Last is null ? null : Names.Pick(r.Last.TitleFr, r.Last.TitleEn), r.Last?.School, r.Last?.StartDate.Year,
            r.Positions.Select(p => p with { Current = p.StartDate <= today && (p.EndDate is null || p.EndDate > today) }).ToList(),
            !visible);
    }
}
