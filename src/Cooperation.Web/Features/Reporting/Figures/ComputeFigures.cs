using Cooperation.Web.Features.Network;

namespace Cooperation.Web.Features.Reporting.Figures;

/// <summary>
/// The directorate's key figures, counted from the data, then served from <see cref="FigureCache"/> until a write
/// (or at most <c>Figures:MaxAgeSeconds</c>). The training figures are
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
    /// <summary>IHEDN international sessions of last year (<see cref="LastYear"/>) the user sees: three a year.</summary>
    public int InternationalSessionsLastYear { get; init; }
    /// <summary>Participants who attended those sessions.</summary>
    public int InternationalParticipantsLastYear { get; init; }
    /// <summary>Expertise missions carried out last year (<see cref="Missions.MissionKeyFigures"/>).</summary>
    public int MissionsLastYear { get; init; }
    /// <summary>Expert-days of last year's missions.</summary>
    public int ExpertDaysLastYear { get; init; }
    /// <summary>Implemented share of the recommendations due over the last three years, between 0 and 1.</summary>
    public double RecommendationsImplementedShare { get; init; }
    /// <summary>
    /// Share of last year's planned programme lines, weighted by budget, that were done (<see cref="Programmes.FollowUp.ProgrammeFigures"/>),
    /// between 0 and 1; null when no approved programme of last year plans anything the user reads.
    /// </summary>
    public double? ProgrammeCompletionLastYear { get; init; }
    /// <summary>Donations handed over last year (<see cref="LastYear"/>).</summary>
    public int DonationsLastYear { get; init; }
    /// <summary>The euro value of what was handed over last year (shortfalls left out).</summary>
    public decimal DonatedValueLastYear { get; init; }
    /// <summary>That value by equipment category (surveillance, civilProtection, trainingCentres, trainingMeans).</summary>
    public IReadOnlyDictionary<string, decimal> DonatedByCategoryLastYear { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>
/// The dashboard's figures, within the user's scope: the same numbers as the lists he can open. Coopérants, destinations
/// and vacancies of the countries he sees (<see cref="Access.VisibleCountryIds"/>), schools of the countries whose schools
/// he sees, sessions he sees (their seats and accepted candidates, as the sessions list shows them) and trainees of the
/// enrolments he sees (<see cref="Access.VisibleNominationsAsync"/>), projects he reads (<see cref="Access.VisibleProjects"/>).
/// </summary>
public class ComputeFigures(CooperationDbContext db, Access access, TimeProvider clock, Missions.MissionFigures missionFigures,
    Programmes.FollowUp.ProgrammeFigures programmeFigures, FigureCache cache) : IUseCase
{
    public Task<KeyFigures> HandleAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        return cache.GetOrRecountAsync("figures", access, "", today, this, (figures, token) => figures.CountAsync(today, token), ct);
    }

    /// <summary>Every figure counted afresh from the data.</summary>
    public async Task<KeyFigures> CountAsync(DateOnly today, CancellationToken ct = default)
    {
        var active = db.Postings.AsNoTracking().VisibleTo(access).ActiveOn(today);

        var cooperants = await active.Select(p => p.CooperantId).CountDistinctAsync(ct);
        var administrations = await active.Select(p => p.Cooperant!.AdministrationId).CountDistinctAsync(ct);
        var countries = await active.Where(p => p.OrganisationId == null).Select(p => p.CountryId).CountDistinctAsync(ct);
        var organisations = await active.Where(p => p.OrganisationId != null).Select(p => p.OrganisationId).CountDistinctAsync(ct);
        var envr = db.RegionalSchools.AsNoTracking().Where(s => s.Kind == TrainingPlaceKind.RegionalSchool);
        if (access.SchoolCountryIds is { } schoolCountries) envr = envr.Where(s => schoolCountries.Contains(s.CountryId));
        var schools = await envr.CountAsync(ct);
        var schoolCountryCount = await envr.Select(s => s.CountryId).CountDistinctAsync(ct);
        var vacancies = await db.Vacancies.AsNoTracking().VisibleTo(access).CountAsync(v => v.FilledByPostingId == null, ct);

        var lastYear = today.Year - 1;
        var sessions = await access.VisibleSessionsAsync(TrainingFigureQueries.Sessions(db, lastYear, lastYear), ct);
        var sessionCount = await sessions.CountAsync(ct);
        var capacity = await sessions.SumAsync(s => s.Capacity, ct);
        var accepted = await TrainingFigureQueries.Enrolments(db, lastYear, lastYear).CountAsync(n => sessions.Any(s => s.Id == n.SessionId), ct);
        var enrolments = await access.VisibleNominationsAsync(TrainingFigureQueries.Enrolments(db, lastYear, lastYear), ct);
        var trainees = await enrolments.Select(n => n.TraineeId).CountDistinctAsync(ct);
        var women = await enrolments.Where(n => n.Trainee!.Gender == Gender.Female).Select(n => n.TraineeId).CountDistinctAsync(ct);
        var projects = access.VisibleProjects(db.Projects.AsNoTracking());
        var international = access.VisibleInternationalSessions(db.InternationalSessions.AsNoTracking()).Where(s => s.Year == lastYear);
        var missions = await missionFigures.HandleAsync(lastYear, ct);
        var donated = await DonatedAsync(lastYear, ct);
        return new KeyFigures(cooperants, administrations, countries + organisations, countries, organisations, schools, schoolCountryCount,
            vacancies, today, lastYear, trainees, Shares.Of(women, trainees), sessionCount, Shares.Of(accepted, capacity))
        {
            ProjectsRunning = await projects.CountAsync(p => p.Status == ProjectStatus.Running, ct),
            EuFundedProjects = await projects.CountAsync(p => p.EuFunded && p.Status != ProjectStatus.Abandoned, ct),
            DisbursedLastYear = await db.ProjectTransactions.AsNoTracking().Where(t => projects.Any(p => p.Id == t.ProjectId)
                && t.Kind == TransactionKind.Disbursement
                && t.Date >= new DateOnly(lastYear, 1, 1) && t.Date <= new DateOnly(lastYear, 12, 31)).SumAsync(t => t.EuroValue, ct),
            InternationalSessionsLastYear = await international.CountAsync(ct),
            InternationalParticipantsLastYear = await international.SelectMany(s => s.Participants).CountAsync(p => p.Status == ParticipantStatus.Attended, ct),
            MissionsLastYear = missions.MissionsLastYear,
            ExpertDaysLastYear = missions.ExpertDaysLastYear,
            RecommendationsImplementedShare = missions.RecommendationsImplementedShare,
            ProgrammeCompletionLastYear = await programmeFigures.CompletionAsync(lastYear, ct),
            DonationsLastYear = donated.Select(i => i.DonationId).Distinct().Count(),
            DonatedValueLastYear = donated.Sum(i => i.Value),
            DonatedByCategoryLastYear = Enum.GetValues<EquipmentCategory>().ToDictionary(c => Projects.ProjectCodes.Of(c),
                c => donated.Where(i => i.Category == c).Sum(i => i.Value)),
        };
    }

    /// <summary>The items of the donations the user reads that were handed over in that year, valued at what was handed over.</summary>
    private async Task<List<(int DonationId, EquipmentCategory Category, decimal Value)>> DonatedAsync(int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var items = await access.VisibleDonations(db.Donations.AsNoTracking())
            .Where(d => d.HandedOverOn >= first && d.HandedOverOn <= last && d.Status != DonationStatus.Cancelled)
            .SelectMany(d => d.Items.Select(i => new { i.DonationId, i.Category, i.EuroValue, i.Quantity, i.QuantityHandedOver }))
            .ToListAsync(ct);
        return items.Select(i => (i.DonationId, i.Category,
            i.Quantity == 0 ? 0m : Math.Round(i.EuroValue * (i.QuantityHandedOver ?? 0) / i.Quantity, 2, MidpointRounding.AwayFromZero))).ToList();
    }
}
