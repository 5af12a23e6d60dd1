namespace Cooperation.Web.Features.Reporting;

/// <summary>What the training figures count, in one place: a year is a calendar year of session start dates.</summary>
public static class TrainingFigureQueries
{
    /// <summary>The sessions that started in the years given (inclusive), cancelled ones left out.</summary>
    public static IQueryable<CourseSession> Sessions(CooperationDbContext db, int fromYear, int toYear)
    {
        var (from, to) = (Calendar.YearBounds(fromYear).First, Calendar.YearBounds(toYear).Last);
        return db.CourseSessions.AsNoTracking()
            .Where(s => s.StartDate >= from && s.StartDate <= to && s.Status != SessionStatus.Cancelled);
    }

    /// <summary>The accepted enrolments (nominations accepted and not withdrawn) in those sessions.</summary>
    public static IQueryable<Nomination> Enrolments(CooperationDbContext db, int fromYear, int toYear) =>
        InSessionsOf(db.Nominations.AsNoTracking().Where(n => n.Status == NominationStatus.Accepted), fromYear, toYear);

    /// <summary>
    /// The labels of the training tables' keys by id, in the user's language: a school (its acronym, and "acronym — name"),
    /// a country (ISO2, name), an administration and a domain (code, name). The last three are the reference lists, kept
    /// a language until a write (<see cref="ReferenceLists"/>); the schools, a small table, are read whole.
    /// </summary>
    public static async Task<TrainingLabels> LabelsAsync(CooperationDbContext db, ReferenceLists references, CancellationToken ct)
    {
        var schools = (await db.RegionalSchools.AsNoTracking().Select(s => new { s.Id, s.Acronym, s.Name }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => (s.Acronym, $"{s.Acronym} — {s.Name}"));
        return new TrainingLabels(schools, await references.CountryNamesAsync(), await references.AdministrationNamesAsync(),
            await references.DomainNamesAsync());
    }

    /// <summary>
    /// The nominations to the sessions of those years. Written as a join on the session, not as a subquery: SQLite then
    /// reads the year's sessions by their start date and their nominations by session, where a subquery made it read
    /// every nomination (124 ms against 48 ms a grouped count of a year at scale 10).
    /// </summary>
    public static IQueryable<Nomination> InSessionsOf(IQueryable<Nomination> nominations, int fromYear, int toYear)
    {
        var (from, to) = (Calendar.YearBounds(fromYear).First, Calendar.YearBounds(toYear).Last);
        return nominations.Where(n => n.Session!.StartDate >= from && n.Session.StartDate <= to && n.Session.Status != SessionStatus.Cancelled);
    }
}

/// <summary>The labels (code, name) of the training tables' keys, by id (<see cref="TrainingFigureQueries.LabelsAsync"/>).</summary>
public sealed record TrainingLabels(
    IReadOnlyDictionary<int, (string Code, string Name)> Schools, IReadOnlyDictionary<int, (string Code, string Name)> Countries,
    IReadOnlyDictionary<int, (string Code, string Name)> Administrations, IReadOnlyDictionary<int, (string Code, string Name)> Domains);
