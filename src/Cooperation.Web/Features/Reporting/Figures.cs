namespace Cooperation.Web.Features.Reporting;

/// <summary>
/// The directorate's key figures, computed from the data on every call (never stored). The training figures are
/// those of the previous calendar year (<see cref="LastYear"/>): sessions that started in it, not cancelled, and the
/// trainees accepted to them.
/// </summary>
public record Figures(
    int ActiveCooperants,
    int Administrations,
    int PostingDestinations,
    int PostingCountries,
    int PostingOrganisations,
    int RegionalSchools,
    int RegionalSchoolCountries,
    int OpenVacancies,
    DateOnly AsOf,
    int LastYear,
    int TraineesLastYear,
    double WomenShareLastYear,
    int SessionsLastYear,
    double FillRateLastYear);

public class ComputeFigures(CooperationDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Figures> HandleAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var active = db.Postings.AsNoTracking().ActiveOn(today);

        var cooperants = await active.Select(p => p.CooperantId).Distinct().CountAsync(ct);
        var administrations = await active.Select(p => p.Cooperant!.AdministrationId).Distinct().CountAsync(ct);
        var countries = await active.Where(p => p.OrganisationId == null).Select(p => p.CountryId).Distinct().CountAsync(ct);
        var organisations = await active.Where(p => p.OrganisationId != null).Select(p => p.OrganisationId).Distinct().CountAsync(ct);
        var envr = db.RegionalSchools.Where(s => s.Kind == TrainingPlaceKind.RegionalSchool);
        var schools = await envr.CountAsync(ct);
        var schoolCountries = await envr.Select(s => s.CountryId).Distinct().CountAsync(ct);
        var vacancies = await db.Vacancies.CountAsync(v => v.FilledByPostingId == null, ct);

        var lastYear = today.Year - 1;
        var sessions = TrainingFigureQueries.Sessions(db, lastYear, lastYear);
        var sessionCount = await sessions.CountAsync(ct);
        var capacity = await sessions.SumAsync(s => s.Capacity, ct);
        var enrolments = TrainingFigureQueries.Enrolments(db, lastYear, lastYear);
        var accepted = await enrolments.CountAsync(ct);
        var trainees = await enrolments.Select(n => n.TraineeId).Distinct().CountAsync(ct);
        var women = await enrolments.Where(n => n.Trainee!.Gender == Gender.Female).Select(n => n.TraineeId).Distinct().CountAsync(ct);
        return new Figures(cooperants, administrations, countries + organisations, countries, organisations, schools, schoolCountries, vacancies, today,
            lastYear, trainees, TrainingFigureQueries.Share(women, trainees), sessionCount, TrainingFigureQueries.Share(accepted, capacity));
    }
}

public static class FiguresApi
{
    public static void MapFiguresApi(this RouteGroupBuilder api) =>
        api.MapGet("/figures", (ComputeFigures figures, CancellationToken ct) => figures.HandleAsync(ct))
            .WithTags("Reporting").WithSummary("Key figures of the directorate, computed from the data. The training figures "
                + "(traineesLastYear, womenShareLastYear, sessionsLastYear, fillRateLastYear) cover the previous calendar year (lastYear): "
                + "sessions that started between 1 January and 31 December of that year, cancelled ones left out; trainees are distinct persons "
                + "with an accepted enrolment in them; shares and rates are between 0 and 1, rounded to 3 decimals "
                + "(fill rate = accepted enrolments / capacity of those sessions).");
}

/// <summary>What the training figures count, in one place: a year is a calendar year of session start dates.</summary>
public static class TrainingFigureQueries
{
    /// <summary>The sessions that started in the years given (inclusive), cancelled ones left out.</summary>
    public static IQueryable<CourseSession> Sessions(CooperationDbContext db, int fromYear, int toYear)
    {
        var (from, to) = (new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
        return db.CourseSessions.AsNoTracking()
            .Where(s => s.StartDate >= from && s.StartDate <= to && s.Status != SessionStatus.Cancelled);
    }

    /// <summary>The accepted enrolments (nominations accepted and not withdrawn) in those sessions.</summary>
    public static IQueryable<Nomination> Enrolments(CooperationDbContext db, int fromYear, int toYear)
    {
        var (from, to) = (new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
        return db.Nominations.AsNoTracking()
            .Where(n => n.Status == NominationStatus.Accepted && n.Session!.StartDate >= from && n.Session.StartDate <= to
                        && n.Session.Status != SessionStatus.Cancelled);
    }

    /// <summary>A share between 0 and 1, rounded to 3 decimals; 0 when there is nothing to share.</summary>
    public static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 3);
}
