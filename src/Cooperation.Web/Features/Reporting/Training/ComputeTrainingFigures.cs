namespace Cooperation.Web.Features.Reporting.Training;

/// <summary>
/// One line of a training table: sessions that started in the period and their seats, accepted enrolments, distinct
/// trainees and among them women. Sessions and seats are left at zero where they do not apply (by nationality,
/// by administration: the fill rate is a session's, not a country's).
/// </summary>
public sealed record TrainingLine(string Code, string Name, int Sessions, int Capacity, int Enrolments, int Trainees, int Women)
{
    public double WomenShare => Shares.Of(Women, Trainees);
    public double? FillRate => Capacity == 0 ? null : Shares.Of(Enrolments, Capacity);
}

public sealed record TrainingFigures(
    int Year, int FirstYear, TrainingLine Total, IReadOnlyList<TrainingLine> ByYear,
    IReadOnlyList<TrainingLine> BySchool, IReadOnlyList<TrainingLine> ByNationality,
    IReadOnlyList<TrainingLine> ByAdministration, IReadOnlyList<TrainingLine> ByDomain);

/// <summary>
/// The training figures for steering, counted from the data and served from <see cref="FigureCache"/> until a write: ten years of trainees, women's share and
/// fill rate, and the chosen year (by default the previous calendar year) by school, nationality, administration and
/// domain. Two projected queries; the grouping is done in memory (some 24,000 enrolments over ten years).
/// </summary>
public class ComputeTrainingFigures(CooperationDbContext db, Access access, TimeProvider clock, FigureCache cache, ReferenceLists references) : IUseCase
{
    /// <summary>Filters of the training figures: the zone and the school are those of the training place; the year is a calendar year.</summary>
    /// <param name="Zone">Code of the zone of the training place.</param>
    /// <param name="School">Acronym of the training place.</param>
    /// <param name="Year">The year of the tables by school, nationality, administration and domain (by default the previous one).</param>
    public sealed record Query(string? Zone, string? School, int? Year);

    public const int Years = 10;

    /// <summary>How many years back the filter offers, this one included.</summary>
    public const int YearChoices = 15;

    public Task<TrainingFigures> HandleAsync(Query query, CancellationToken ct = default)
    {
        Authorize();
        return cache.GetOrRecountAsync("training", access, $"{query.Zone?.Trim().ToUpperInvariant()};{query.School?.Trim().ToUpperInvariant()};{query.Year}",
            clock.Today(), this, (figures, token) => figures.CountAsync(query, token), ct);
    }

    /// <summary>The figures counted afresh from the data.</summary>
    public async Task<TrainingFigures> CountAsync(Query query, CancellationToken ct = default)
    {
        Authorize();
        var year = query.Year is >= 1950 and <= 2100 ? query.Year.Value : clock.Today().Year - 1;
        var firstYear = year - Years + 1;
        var zone = query.Zone?.Trim().ToUpperInvariant();
        var school = query.School?.Trim().ToUpperInvariant();

        var sessionQuery = TrainingFigureQueries.Sessions(db, firstYear, year);
        var enrolmentQuery = TrainingFigureQueries.Enrolments(db, firstYear, year);
        if (!string.IsNullOrEmpty(zone))
        {
            sessionQuery = sessionQuery.Where(s => s.Course!.School!.Country!.Zone!.Code == zone);
            enrolmentQuery = enrolmentQuery.Where(n => n.Session!.Course!.School!.Country!.Zone!.Code == zone);
        }
        if (!string.IsNullOrEmpty(school))
        {
            sessionQuery = sessionQuery.Where(s => s.Course!.School!.Acronym.ToUpper() == school);
            enrolmentQuery = enrolmentQuery.Where(n => n.Session!.Course!.School!.Acronym.ToUpper() == school);
        }
        var sessions = (await sessionQuery.Select(s => new { s.Id, s.StartDate, s.Capacity, s.Course!.SchoolId, s.Course.DomainId }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => new SessionFacts(s.StartDate.Year, s.Capacity, s.SchoolId, s.DomainId));
        var enrolments = (await enrolmentQuery
                .Select(n => new { n.SessionId, n.TraineeId, n.Trainee!.Gender, n.Trainee.NationalityId, n.Trainee.AdministrationId }).ToListAsync(ct))
            .Where(n => sessions.ContainsKey(n.SessionId))
            .Select(n => new EnrolmentFacts(sessions[n.SessionId], n.TraineeId, n.Gender == Gender.Female, n.NationalityId, n.AdministrationId))
            .ToList();

        var labels = await TrainingFigureQueries.LabelsAsync(db, references, ct);

        var ofYear = enrolments.Where(e => e.Session.Year == year).ToList();
        var sessionsOfYear = sessions.Values.Where(s => s.Year == year).ToList();

        var byYear = Enumerable.Range(firstYear, Years)
            .Select(y => Line(y.ToString(), y.ToString(), sessions.Values.Where(s => s.Year == y), enrolments.Where(e => e.Session.Year == y)))
            .ToList();
        var bySchool = Group(ofYear, e => e.Session.SchoolId, sessionsOfYear.GroupBy(s => s.SchoolId).ToDictionary(g => g.Key, g => g.ToList()),
            id => labels.Schools.GetValueOrDefault(id, ("?", "?")));
        var byNationality = Group(ofYear, e => e.NationalityId, null, id => labels.Countries.GetValueOrDefault(id, ("?", "?")));
        var byAdministration = Group(ofYear, e => e.AdministrationId, null, id => labels.Administrations.GetValueOrDefault(id, ("?", "?")));
        var byDomain = Group(ofYear, e => e.Session.DomainId, sessionsOfYear.GroupBy(s => s.DomainId).ToDictionary(g => g.Key, g => g.ToList()),
            id => labels.Domains.GetValueOrDefault(id, ("?", "?")));

        return new TrainingFigures(year, firstYear, Line("", "", sessionsOfYear, ofYear), byYear, bySchool, byNationality, byAdministration, byDomain);
    }

    /// <summary>The training places, for the filter: acronym and name.</summary>
    public async Task<List<SelectListItem>> SchoolsAsync(CancellationToken ct = default)
    {
        Authorize();
        return (await db.RegionalSchools.AsNoTracking().OrderBy(s => s.Acronym).Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
    }

    /// <summary>The years the filter offers, this one first.</summary>
    public IReadOnlyList<int> YearsOffered() => Enumerable.Range(0, YearChoices).Select(i => clock.Today().Year - i).ToList();

    /// <summary>The figures are aggregates without personal data, for headquarters (<see cref="Access.SeesTrainingFigures"/>).</summary>
    private void Authorize()
    {
        ForbiddenException.ThrowUnless(access.SeesTrainingFigures);
    }

    private sealed record SessionFacts(int Year, int Capacity, int SchoolId, int DomainId);
    private sealed record EnrolmentFacts(SessionFacts Session, int TraineeId, bool Woman, int NationalityId, int AdministrationId);

    private static TrainingLine Line(string code, string name, IEnumerable<SessionFacts> sessions, IEnumerable<EnrolmentFacts> enrolments)
    {
        var list = enrolments as IReadOnlyCollection<EnrolmentFacts> ?? enrolments.ToList();
        var sessionList = sessions as IReadOnlyCollection<SessionFacts> ?? sessions.ToList();
        return new TrainingLine(code, name, sessionList.Count, sessionList.Sum(s => s.Capacity), list.Count,
            list.Select(e => e.TraineeId).Distinct().Count(), list.Where(e => e.Woman).Select(e => e.TraineeId).Distinct().Count());
    }

    /// <summary>A table by one key, largest first; with the sessions of each key where the fill rate makes sense.</summary>
    private static List<TrainingLine> Group(List<EnrolmentFacts> enrolments, Func<EnrolmentFacts, int> key,
        Dictionary<int, List<SessionFacts>>? sessions, Func<int, (string Code, string Name)> label)
    {
        var keys = enrolments.Select(key).Concat(sessions?.Keys ?? Enumerable.Empty<int>()).Distinct();
        return keys.Select(k =>
            {
                var (code, name) = label(k);
                return Line(code, name, sessions?.GetValueOrDefault(k) ?? [], enrolments.Where(e => key(e) == k));
            })
            .OrderByDescending(l => l.Trainees).ThenBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
