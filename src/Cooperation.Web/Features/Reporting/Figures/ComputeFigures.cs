namespace Cooperation.Web.Features.Reporting.Figures;

/// <summary>
/// The directorate's key figures, computed from the data on every call (never stored). The training figures are
/// those of the previous calendar year (<see cref="LastYear"/>): sessions that started in it, not cancelled, and the
/// trainees accepted to them.
/// </summary>
public record KeyFigures(
    int ActiveCooperants, int Administrations, int PostingDestinations, int PostingCountries, int PostingOrganisations,
    int RegionalSchools, int RegionalSchoolCountries, int OpenVacancies, DateOnly AsOf, int LastYear,
    int TraineesLastYear, double WomenShareLastYear, int SessionsLastYear, double FillRateLastYear)
{
    /// <summary>Projects running today (status running).</summary>
    public int ProjectsRunning { get; init; }
    /// <summary>EU-funded projects, abandoned ones left out.</summary>
    public int EuFundedProjects { get; init; }
    /// <summary>Disbursements of last year (<see cref="LastYear"/>), in euros.</summary>
    public decimal DisbursedLastYear { get; init; }
}

/// <summary>The dashboard's figures: aggregates without personal data, which every signed-in user reads.</summary>
public class ComputeFigures(CooperationDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<KeyFigures> HandleAsync(CancellationToken ct = default)
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
        return new KeyFigures(cooperants, administrations, countries + organisations, countries, organisations, schools, schoolCountries,
            vacancies, today, lastYear, trainees, Shares.Of(women, trainees), sessionCount, Shares.Of(accepted, capacity))
        {
            ProjectsRunning = await db.Projects.CountAsync(p => p.Status == ProjectStatus.Running, ct),
            EuFundedProjects = await db.Projects.CountAsync(p => p.EuFunded && p.Status != ProjectStatus.Abandoned, ct),
            DisbursedLastYear = await db.ProjectTransactions.Where(t => t.Kind == TransactionKind.Disbursement
                && t.Date >= new DateOnly(lastYear, 1, 1) && t.Date <= new DateOnly(lastYear, 12, 31)).SumAsync(t => t.EuroValue, ct),
        };
    }
}
