using System.Linq.Expressions;
using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Alumni;

/// <summary>
/// Filters of the influence network report: <see cref="Zone"/> (code) and <see cref="Country"/> (ISO2, several separated by commas) apply
/// to the alumnus's nationality, <see cref="Domain"/> (code) to the courses he passed.
/// </summary>
public sealed record AlumniFilter
{
    public string? Zone { get; init; }
    public string? Country { get; init; }
    public string? Domain { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public record ProminentPosition(string Position, string Organisation, DateOnly StartDate, DateOnly? EndDate, bool Current);

/// <summary>An alumnus of the influence network: his prominent positions, and the last course he passed.</summary>
public record ProminentAlumnus(
    int Id, string FirstName, string LastName, string Country, string CountryName, string Administration,
    string AdministrationName, int SessionsPassed, string? LastCourse, string? LastSchool, int? LastYear,
    IReadOnlyList<ProminentPosition> Positions, bool Redacted)
{
    /// <summary>The last IHEDN international session he attended ("2025-2"), if any.</summary>
    public string? InternationalSession { get; init; }
}

public record AlumniByCountry(string Country, string CountryName, int Count);

/// <summary>
/// The report: the alumni in the user's scope who hold or held a prominent position, by country (nationality) with
/// counts, and a page of them ordered by country. Answers <c>{items, total, page, pageSize, countries}</c>.
/// </summary>
public record ProminentAlumniReport(
    IReadOnlyList<ProminentAlumnus> Items, int Total, int Page, int PageSize, IReadOnlyList<AlumniByCountry> Countries);

public class ListProminentAlumni(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, FigureCache cache, IStringLocalizer<ListProminentAlumni> text)
    : IUseCase
{
    public async Task<ProminentAlumniReport> HandleAsync(AlumniFilter filter, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = await QueryAsync(filter, ct);

        // Who is in the report, in its order, and the counts by country are aggregates of the whole network's history:
        // counted once, then served until a write (FigureCache); a page then reads its own alumni by key, and is kept
        // the same way: a report read again and again, whose every page joins the alumni's courses and positions.
        var arguments = $"{filter.Zone};{filter.Country};{filter.Domain}".ToUpperInvariant();
        return await cache.GetOrComputeAsync("alumni-page", access, $"{arguments};{page};{pageSize}", clock.Today(), async () =>
        {
            var countries = await cache.GetOrComputeAsync("alumni", access, arguments, clock.Today(), () => CountByCountryAsync(query, ct));
            var reads = access.ReadsVisibleTraineeNames;
            var order = await cache.GetOrComputeAsync("alumni-order", access, arguments, clock.Today(),
                async () => (IReadOnlyList<int>)await Order(query, reads).Select(t => t.Id).ToListAsync(ct));

            var seen = await access.NominationRuleAsync(ct);
            var ids = order.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            var place = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var rows = (await Project(db.Trainees.AsNoTracking().Where(t => ids.Contains(t.Id)), reads, seen).ToListAsync(ct))
                .OrderBy(r => place[r.Id]).ToList();
            var details = await DetailsAsync(db.Trainees.Where(t => ids.Contains(t.Id)).Select(t => t.Id), seen, ct);
            return new ProminentAlumniReport(rows.Select(r => Show(r, details)).ToList(), countries.Sum(c => c.Count), page, pageSize, countries);
        });
    }

    /// <summary>The alumni of the report by nationality, most first.</summary>
    private async Task<IReadOnlyList<AlumniByCountry>> CountByCountryAsync(IQueryable<Trainee> query, CancellationToken ct)
    {
        var counts = await query.GroupBy(t => t.NationalityId).Select(g => new { CountryId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.CountryId).ToList();
        var names = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Iso2, Name = Names.Pick(c.NameFr, c.NameEn) }, ct);
        return counts
            .Select(c => new AlumniByCountry(names[c.CountryId].Iso2, names[c.CountryId].Name, c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.CountryName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Every alumnus of the report, for an export.</summary>
    public async Task<IReadOnlyList<ProminentAlumnus>> AllAsync(AlumniFilter filter, CancellationToken ct = default)
    {
        var reads = access.ReadsVisibleTraineeNames;
        var seen = await access.NominationRuleAsync(ct);
        var query = await QueryAsync(filter, ct);
        var rows = await Project(Order(query, reads), reads, seen).ToListAsync(ct);
        var details = await DetailsAsync(query.Select(t => t.Id), seen, ct);
        return rows.Select(r => Show(r, details)).ToList();
    }

    /// <summary>The prominent alumni the user sees, filtered; a filter that names nothing known is refused.</summary>
    private async Task<IQueryable<Trainee>> QueryAsync(AlumniFilter f, CancellationToken ct)
    {
        var errors = new FieldErrors(text);
        var zoneId = await codes.ZoneAsync(f.Zone, errors, required: false, ct: ct);
        var countryIds = await codes.CountriesAsync(f.Country, errors, ct: ct);
        var domainId = await codes.DomainAsync(f.Domain, errors, required: false, ct: ct);
        errors.ThrowIfAny();

        // The few persons who could be in it (a prominent position, or an IHEDN session attended) first, by key: the
        // database then checks the rule on them alone, not on every trainee ever nominated.
        var candidates = access.SeesInternationalSessions
            ? db.CareerEntries.Where(c => c.Prominent).Select(c => c.TraineeId)
                .Concat(db.SessionParticipants.Where(p => p.Status == ParticipantStatus.Attended).Select(p => p.PersonId))
            : db.CareerEntries.Where(c => c.Prominent).Select(c => c.TraineeId);
        var query = (await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct))
            .Where(t => candidates.Contains(t.Id))
            .Where(TraineeRules.ProminentAlumnus(await access.NominationRuleAsync(ct), access.SeesInternationalSessions));
        if (zoneId is { } zone) query = query.Where(t => t.Nationality!.ZoneId == zone);
        if (countryIds is { } country) query = query.Where(t => country.Contains(t.NationalityId));
        if (domainId is { } domain)
        {
            var seen = await access.NominationRuleAsync(ct);
            query = query.Where(t => t.Nominations.AsQueryable().Where(seen).Any(n => n.Result == TrainingResult.Passed && n.Session!.Course!.DomainId == domain));
        }
        return query;
    }

    /// <summary>By country, then by the names the user reads (the auditor must not learn names from their order).</summary>
    private static IQueryable<Trainee> Order(IQueryable<Trainee> query, bool reads)
    {
        var byCountry = Names.English ? query.OrderBy(t => t.Nationality!.NameEn) : query.OrderBy(t => t.Nationality!.NameFr);
        return byCountry.ThenBy(t => reads ? t.NormalizedName : null).ThenBy(t => t.Id);
    }

    private sealed record LastPass(int TraineeId, string TitleFr, string TitleEn, string School, DateOnly StartDate, int NominationId);

    private sealed record Row(
        int Id, string? FirstName, string? LastName, string Iso2, string CountryFr, string CountryEn,
        string AdministrationCode, string AdministrationFr, string AdministrationEn, int Passed, int? IhednYear, int? IhednNumber);

    /// <summary>The last course passed and the prominent positions of the alumni listed.</summary>
    private sealed record Details(Dictionary<int, LastPass> Last, ILookup<int, ProminentPosition> Positions);

    /// <summary>The alumni as read: names where the user reads them, sessions among those he sees (<paramref name="seen"/>).</summary>
    private static IQueryable<Row> Project(IQueryable<Trainee> query, bool reads, Expression<Func<Nomination, bool>> seen) =>
        query.Select(t => new Row(
            t.Id, reads ? t.FirstName : null, reads ? t.LastName : null,
            t.Nationality!.Iso2, t.Nationality.NameFr, t.Nationality.NameEn,
            t.Administration!.Code, t.Administration.NameFr, t.Administration.NameEn,
            t.Nominations.AsQueryable().Where(seen).Count(n => n.Result == TrainingResult.Passed),
            t.Participations.Where(p => p.Status == ParticipantStatus.Attended).OrderByDescending(p => p.Session!.StartDate).Select(p => (int?)p.Session!.Year).FirstOrDefault(),
            t.Participations.Where(p => p.Status == ParticipantStatus.Attended).OrderByDescending(p => p.Session!.StartDate).Select(p => (int?)p.Session!.Number).FirstOrDefault()));

    /// <summary>
    /// The passed sessions (among those seen) and the prominent positions of the trainees listed, two queries for the
    /// whole list: the latest of each is picked here, not by the database over every enrolment ever passed.
    /// </summary>
    private async Task<Details> DetailsAsync(IQueryable<int> listed, Expression<Func<Nomination, bool>> seen, CancellationToken ct)
    {
        var passes = await db.Nominations.AsNoTracking().Where(seen).Where(n => n.Result == TrainingResult.Passed)
            .Where(n => listed.Contains(n.TraineeId))
            .Select(n => new LastPass(n.TraineeId, n.Session!.Course!.TitleFr, n.Session.Course.TitleEn, n.Session.Course.School!.Acronym, n.Session.StartDate, n.Id))
            .ToListAsync(ct);
        var positions = await db.CareerEntries.AsNoTracking().Where(c => c.Prominent && listed.Contains(c.TraineeId))
            .OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new { c.TraineeId, Position = new ProminentPosition(c.Position, c.Organisation, c.StartDate, c.EndDate, false) })
            .ToListAsync(ct);
        return new Details(
            passes.GroupBy(p => p.TraineeId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.NominationId).First()),
            positions.ToLookup(p => p.TraineeId, p => p.Position));
    }

    private ProminentAlumnus Show(Row r, Details details)
    {
        var last = details.Last.GetValueOrDefault(r.Id);
        var today = clock.Today();
        var visible = r.LastName is not null;
        return new ProminentAlumnus(
            r.Id, PersonalData.Show(visible, r.FirstName)!, PersonalData.Show(visible, r.LastName)!, r.Iso2,
            Names.Pick(r.CountryFr, r.CountryEn), r.AdministrationCode,
            Names.Pick(r.AdministrationFr, r.AdministrationEn), r.Passed,
            last is null ? null : Names.Pick(last.TitleFr, last.TitleEn), last?.School, last?.StartDate.Year,
            details.Positions[r.Id].Select(p => p with { Current = p.StartDate <= today && (p.EndDate is null || p.EndDate > today) }).ToList(),
            !visible)
        {
            InternationalSession = access.SeesInternationalSessions && r.IhednYear is { } year ? $"{year}-{r.IhednNumber}" : null,
        };
    }
}
