using CultureInfo = System.Globalization.CultureInfo;
using Cooperation.Web.Features.Donations;
using Cooperation.Web.Features.Donations.Donations;
using Cooperation.Web.Features.Missions;
using Cooperation.Web.Features.Missions.Missions;
using Cooperation.Web.Features.Network.Postings;
using Cooperation.Web.Features.Partners.Partnerships;
using Cooperation.Web.Features.Projects;
using Cooperation.Web.Features.Projects.Projects;
using Cooperation.Web.Features.Schools.Nominations;
using Cooperation.Web.Features.Sessions.International;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>
/// The annual activity report of a year, for the world or one zone, computed from the data and served from
/// <see cref="FigureCache"/> until a write. Every figure counts what a list shows: the list use case's own filter
/// (<see cref="ListPostings"/>, <see cref="ListNominations"/>, <see cref="ListMissions"/>, <see cref="ListDonations"/>,
/// <see cref="ListProjects"/>, <see cref="ListPartnerships"/>, <see cref="ListInternationalSessions"/>) with the year
/// and zone as that list's filters, grouped and summed in SQL (the training section's enrolments read once and counted in
/// memory); each figure carries the address of that list.
/// The network is the one in post at the end of the year (today for the current year).
/// </summary>
public class ComputeAnnualReport(
    CooperationDbContext db, Access access, TimeProvider clock, ReferenceCodes codes, FigureCache cache, ReferenceLists references,
    IStringLocalizer<ComputeAnnualReport> text,
    ListPostings postings, ListNominations nominations, ListMissions missions, ListDonations donations,
    ListProjects projects, ListPartnerships partnerships, ListInternationalSessions internationalSessions,
    Oda.ListOda oda,
    Programmes.FollowUp.ProgrammeFigures programmeFigures) : IUseCase
{
    /// <summary>The first year a report may be asked for.</summary>
    public const int FirstYear = 2000;

    /// <param name="Year">The calendar year, from <see cref="FirstYear"/> to this one.</param>
    /// <param name="Zone">Code of a zone (AFS, AFN, MOY...); none for the whole world (a desk officer: her first zone).</param>
    public sealed record Query(int Year, string? Zone);

    public async Task<AnnualReport> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (zone, scopeName, language, today) = await ScopeAsync(query, ct);
        return await cache.GetOrRecountAsync("annual", access, $"{query.Year};{zone};{language}", today, this,
            (report, token) => report.CountAsync(query.Year, zone, scopeName, language, today, token), ct, ofYear: query.Year);
    }

    /// <summary>
    /// The same report counted afresh, section after section, telling <paramref name="progress"/> each section counted
    /// (a background job's progress): the same checks of the user's access and of the query as <see cref="HandleAsync(Query, CancellationToken)"/>.
    /// </summary>
    public async Task<AnnualReport> HandleAsync(Query query, ReportProgress progress, CancellationToken ct = default)
    {
        var (zone, scopeName, language, today) = await ScopeAsync(query, ct);
        return await CountAsync(query.Year, zone, scopeName, language, today, ct, progress);
    }

    /// <summary>Checks the year and the zone the user asks for against what he may read: the zone's code and name, the report's language, today.</summary>
    private async Task<(string? Zone, string ScopeName, string Language, DateOnly Today)> ScopeAsync(Query query, CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesAnnualReport);
        var today = clock.Today();
        var errors = new FieldErrors(text);
        if (query.Year < FirstYear || query.Year > today.Year)
            errors.Add("year", "report.year", FirstYear, today.Year);
        var zoneId = string.IsNullOrWhiteSpace(query.Zone) ? access.DefaultAnnualReportZoneId
            : await codes.ZoneAsync(query.Zone, errors, required: false, ct: ct);
        errors.ThrowIfAny();
        ForbiddenException.ThrowUnless(access.MayReadAnnualReport(zoneId));
        var zone = zoneId is { } id
            ? await db.Zones.AsNoTracking().Where(z => z.Id == id).Select(z => new { z.Code, z.NameFr, z.NameEn }).SingleAsync(ct)
            : null;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
        return (zone?.Code, zone is null ? text["Monde"].Value : Names.Pick(zone.NameFr, zone.NameEn), language, today);
    }

    /// <summary>
    /// Of one year and zone (null: everything the user's lists show), the sections the dashboard shows — the network
    /// (when asked: only the key figures read it), training, missions, donations, projects — counted as the report
    /// counts them, without the rest of the report, and cached as the report is. For callers that have already
    /// decided the user may read them.
    /// </summary>
    /// <remarks>A year takes seconds to count at scale 100: after a write, it is counted again in the background (<see cref="FigureCache.GetOrRecountAsync"/>).</remarks>
    internal Task<IReadOnlyList<ReportSection>> DashboardSectionsAsync(int year, string? zone, bool network, CancellationToken ct)
    {
        var today = clock.Today();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
        return cache.GetOrRecountAsync("annual-sections", access, $"{year};{zone};{language};{network}", today, this,
            (report, token) => report.CountDashboardSectionsAsync(year, zone, network, today, token), ct, ofYear: year);
    }

    private async Task<IReadOnlyList<ReportSection>> CountDashboardSectionsAsync(int year, string? zone, bool network, DateOnly today, CancellationToken ct)
    {
        var scope = new Scope(year, zone, year < today.Year ? new DateOnly(year, 12, 31) : today);
        var sections = new List<ReportSection>();
        if (network) sections.Add(await NetworkAsync(scope, ct));
        sections.Add(await TrainingAsync(scope, await EnrolmentRowsAsync(scope, ct), ct));
        sections.Add(await MissionsAsync(scope, ct));
        sections.Add(await DonationsAsync(scope, ct));
        sections.Add(await ProjectsAsync(scope, ct));
        return sections;
    }

    /// <summary>The report counted afresh from the data.</summary>
    public async Task<AnnualReport> CountAsync(int year, string? zone, string scopeName, string language, DateOnly today, CancellationToken ct,
        ReportProgress? progress = null)
    {
        var asOf = year < today.Year ? new DateOnly(year, 12, 31) : today;
        var scope = new Scope(year, zone, asOf);
        var previous = new Scope(year - 1, zone, new DateOnly(year - 1, 12, 31));
        var counted = 0;
        async Task<ReportSection> Counted(ReportSection section)
        {
            if (progress is not null) await progress(++counted, SectionCount, section.Title);
            return section;
        }

        var network = await Counted(await NetworkAsync(scope, ct));
        var rows = await EnrolmentRowsAsync(scope, ct);
        var training = await Counted(await TrainingAsync(scope, rows, ct));
        var missionSection = await Counted(await MissionsAsync(scope, ct));
        var donationSection = await Counted(await DonationsAsync(scope, ct));
        var projectSection = await Counted(await ProjectsAsync(scope, ct));
        var odaSection = await Counted(await OdaAsync(scope, ct));
        var partnershipSection = await Counted(await PartnershipsAsync(scope, ct));
        var sessionSection = await Counted(await InternationalSessionsAsync(scope, ct));
        var gender = await Counted(await GenderAsync(scope, training, sessionSection, ct));
        var planning = await Counted(await PlanningAsync(scope, ct));

        var previousRows = await EnrolmentRowsAsync(previous, ct);
        var previousTrainees = Trainees(previousRows);
        var keyFigures = new List<ReportFigure>
        {
            With(Find(network, "activeCooperants"), (await ActiveCooperants(previous).CountAsync(ct))),
            With(Find(training, "trainees"), previousTrainees),
            With(Find(training, "womenShare"), (decimal)Shares.Of(Women(previousRows), previousTrainees)),
            With(Find(missionSection, "missions"), await Missions(previous).CountAsync(ct)),
            With(Find(donationSection, "donatedValue"), await DonatedValueAsync(HandedOver(previous), ct)),
            With(Find(projectSection, "disbursed"), await TransactionsAsync(Projects(previous), TransactionKind.Disbursement, previous.Year, ct)),
        };
        var map = await MapAsync(scope, rows, ct);
        List<ReportSection> sections =
            [network, training, missionSection, donationSection, projectSection, odaSection, partnershipSection, sessionSection, gender, planning];
        if (await LockedYearAsync(year, ct) is { } locked) sections.Insert(0, locked);
        return new AnnualReport(year, zone, scopeName, asOf, language, keyFigures, sections, map);
    }

    private sealed record Scope(int Year, string? Zone, DateOnly AsOf);

    /// <summary>How many sections <see cref="CountAsync"/> counts, one after the other (what a job's progress is measured in).</summary>
    public const int SectionCount = 10;

    // ---------------------------------------------------------------- planned and done

    /// <summary>The year's approved programmes and how far each was done, from their follow-up (<see cref="Programmes.FollowUp.ProgrammeFigures"/>).</summary>
    private async Task<ReportSection> PlanningAsync(Scope s, CancellationToken ct)
    {
        var planned = await programmeFigures.PlannedAndDoneAsync(s.Year, s.Zone, ct);
        string Link() => $"/Programmes?Year={s.Year}" + (s.Zone is null ? "" : $"&Zone={s.Zone}");
        var figures = new List<ReportFigure>
        {
            new("programmes", text["Programmes approuvés"], planned.Programmes.Count, FigureKind.Count, Link()),
            new("plannedLines", text["Actions planifiées"], planned.Programmes.Sum(p => p.Lines), FigureKind.Count, Link()),
            new("plannedBudget", text["Budget programmé"], planned.Programmes.Sum(p => p.Budget), FigureKind.Euros, Link()),
            new("completion", text["Réalisation pondérée par le budget"], planned.Completion ?? 0, FigureKind.Share, Link()),
            new("offCourse", text["Actions hors trajectoire"], planned.Programmes.Sum(p => p.OffCourse), FigureKind.Count, Link()),
        };
        var table = new ReportTable("programmes", text["Programmes de l'année par pays"], text["Pays"],
            [new(text["Budget programmé"], FigureKind.Euros), new(text["Réalisation"], FigureKind.Share), new(text["Actions hors trajectoire"], FigureKind.Count)],
            planned.Programmes.Select(p => new ReportLine(p.Iso2, p.Name, [p.Budget, p.Completion ?? 0, p.OffCourse], $"/Programmes/{p.Id}")).ToList());
        return new ReportSection("planning", text["Prévu et réalisé"],
            text["Programmes annuels approuvés de l'année ; pour chaque action planifiée, ce que les enregistrements montrent réalisé (places utilisées, missions conduites, dons remis, décaissements), chaque action comptée jusqu'à son plan et pondérée par son budget."],
            figures, [table]);
    }

    private static ReportFigure Find(ReportSection section, string code) => section.Figures.Single(f => f.Code == code);

    private static ReportFigure With(ReportFigure figure, decimal previous) => figure with { Previous = previous };

    // ---------------------------------------------------------------- network

    private IQueryable<Posting> ActiveCooperants(Scope s) => postings.Filter(new ListPostings.Query { Zone = s.Zone, ActiveOn = s.AsOf });

    private async Task<ReportSection> NetworkAsync(Scope s, CancellationToken ct)
    {
        var active = ActiveCooperants(s);
        var activeOn = Calendar.Iso(s.AsOf);
        string PostingsLink(params (string, object?)[] more) =>
            Link("/Network/Postings", [("ActiveOn", activeOn), ("Zone", s.Zone), .. more]);

        var cooperants = await active.Select(p => p.CooperantId).CountDistinctAsync(ct);
        var countries = await active.Select(p => p.CountryId).CountDistinctAsync(ct);
        var started = await postings.Filter(new ListPostings.Query { Zone = s.Zone, StartedIn = s.Year }).CountAsync(ct);
        var ended = await postings.Filter(new ListPostings.Query { Zone = s.Zone, EndedIn = s.Year }).CountAsync(ct);

        var byAdministration = (await active
                .GroupBy(p => new { p.Cooperant!.Administration!.Code, p.Cooperant.Administration.NameFr, p.Cooperant.Administration.NameEn })
                .Select(g => new { g.Key.Code, g.Key.NameFr, g.Key.NameEn, Count = g.Select(p => p.CooperantId).Distinct().Count() })
                .ToListAsync(ct))
            .Select(g => Line(g.Code, Names.Pick(g.NameFr, g.NameEn), PostingsLink(("Administration", g.Code)), g.Count));
        var byZone = (await active
                .GroupBy(p => new { p.Country!.Zone!.Code, p.Country.Zone.NameFr, p.Country.Zone.NameEn })
                .Select(g => new { g.Key.Code, g.Key.NameFr, g.Key.NameEn, Count = g.Select(p => p.CooperantId).Distinct().Count() })
                .ToListAsync(ct))
            .Select(g => Line(g.Code ?? "", Names.Pick(g.NameFr ?? "", g.NameEn ?? ""),
                Link("/Network/Postings", [("ActiveOn", activeOn), ("Zone", g.Code)]), g.Count));
        var byDomain = (await active
                .GroupBy(p => new { p.Cooperant!.SpecialtyDomain!.Code, p.Cooperant.SpecialtyDomain.NameFr, p.Cooperant.SpecialtyDomain.NameEn })
                .Select(g => new { g.Key.Code, g.Key.NameFr, g.Key.NameEn, Count = g.Select(p => p.CooperantId).Distinct().Count() })
                .ToListAsync(ct))
            .Select(g => Line(g.Code ?? "", g.Code is null ? text["Sans domaine de spécialité"] : Names.Pick(g.NameFr!, g.NameEn!), PostingsLink(), g.Count));

        ReportColumn[] columns = [new(text["Coopérants en poste"], FigureKind.Count)];
        return new ReportSection("network", text["Le réseau des coopérants"],
            text["Coopérants en poste au {0} (une affectation auprès d'une organisation compte dans le pays de son siège) ; affectations commencées et terminées dans l'année.", Format.Date(s.AsOf)],
            [
                new("activeCooperants", text["Coopérants en poste"], cooperants, FigureKind.Count, PostingsLink()),
                new("countries", text["Pays d'affectation"], countries, FigureKind.Count, PostingsLink()),
                new("postingsStarted", text["Affectations commencées"], started, FigureKind.Count,
                    Link("/Network/Postings", [("StartedIn", s.Year), ("Zone", s.Zone)])),
                new("postingsEnded", text["Affectations terminées"], ended, FigureKind.Count,
                    Link("/Network/Postings", [("EndedIn", s.Year), ("Zone", s.Zone)])),
            ],
            [
                Table("byAdministration", text["Coopérants par administration d'origine"], text["Administration"], columns, byAdministration, chart: true),
                Table("byZone", text["Coopérants par zone"], text["Zone"], columns, byZone),
                Table("byDomain", text["Coopérants par domaine de spécialité"], text["Domaine"], columns, byDomain),
            ]);
    }

    // ---------------------------------------------------------------- training

    /// <summary>The accepted enrolments of the year's sessions, as the nominations list shows them (status accepted, year, zone of the nominating country).</summary>
    private Task<IQueryable<Nomination>> Enrolments(Scope s, CancellationToken ct) =>
        nominations.FilterAsync(new ListNominations.Query { Status = nameof(NominationStatus.Accepted), Zone = s.Zone, Year = s.Year }, ct);

    /// <summary>One accepted enrolment, as the training section counts it: ids only (the labels: <see cref="TrainingFigureQueries.LabelsAsync"/>).</summary>
    private readonly record struct EnrolmentRow(int TraineeId, bool Woman, bool Certified, int SchoolId, int CountryId, int AdministrationId, int DomainId);

    /// <summary>
    /// The year's enrolments (<see cref="Enrolments"/>) read once, projected to ids, to be counted in memory (distinct
    /// trainees and women, overall and by school, country, administration and domain; the map's enrolments by country),
    /// as the training steering figures are. Counted in SQL, that was ten
    /// passes over the year's enrolments, each a join and a sort for its <c>COUNT(DISTINCT …)</c>: 0.4–2.5 s each at
    /// scale 100 on PostgreSQL (266,000 enrolments a year), against one read.
    /// </summary>
    private async Task<List<EnrolmentRow>> EnrolmentRowsAsync(Scope s, CancellationToken ct) =>
        await (await Enrolments(s, ct)).Select(n => new EnrolmentRow(n.TraineeId, n.Trainee!.Gender == Gender.Female, n.CertificateCode != null,
            n.Session!.Course!.SchoolId, n.CountryId, n.Trainee.AdministrationId, n.Session.Course.DomainId)).ToListAsync(ct);

    private static int Trainees(IEnumerable<EnrolmentRow> rows) => rows.Select(r => r.TraineeId).Distinct().Count();

    private static int Women(IEnumerable<EnrolmentRow> rows) => rows.Where(r => r.Woman).Select(r => r.TraineeId).Distinct().Count();

    /// <summary>The distinct trainees and women of each group, labelled by <paramref name="label"/> (code, label).</summary>
    private static List<(string Code, string Label, int Trainees, int Women)> TraineesBy(List<EnrolmentRow> rows, Func<EnrolmentRow, int> key,
        IReadOnlyDictionary<int, (string Code, string Name)> label) =>
        rows.GroupBy(key).Select(g =>
        {
            var (code, name) = label.GetValueOrDefault(g.Key, ("?", "?"));
            return (code, name, Trainees(g), Women(g));
        }).ToList();

    /// <summary>The training section of the year, from its enrolments (<see cref="EnrolmentRowsAsync"/>).</summary>
    private async Task<ReportSection> TrainingAsync(Scope s, List<EnrolmentRow> rows, CancellationToken ct)
    {
        string NominationsLink(params (string, object?)[] more) =>
            Link("/Schools/Nominations", [("Status", nameof(NominationStatus.Accepted)), ("Year", s.Year), ("Zone", s.Zone), .. more]);

        var trainees = Trainees(rows);
        var womenShare = Shares.Of(Women(rows), trainees);
        var certificates = rows.Count(r => r.Certified);

        // The fill rate is a session's: the seats of the year's sessions the user sees (held in the zone's schools for a zone).
        var sessions = await access.VisibleSessionsAsync(TrainingFigureQueries.Sessions(db, s.Year, s.Year), ct);
        if (s.Zone is { } zone) sessions = sessions.Where(x => x.Course!.School!.Country!.Zone!.Code == zone);
        var capacity = await sessions.SumAsync(x => x.Capacity, ct);
        var filled = await TrainingFigureQueries.Enrolments(db, s.Year, s.Year).CountAsync(n => sessions.Any(x => x.Id == n.SessionId), ct);

        ReportColumn[] columns =
        [
            new(text["Stagiaires"], FigureKind.Count), new(text["Femmes"], FigureKind.Count), new(text["Part des femmes"], FigureKind.Share),
        ];
        IEnumerable<ReportLine> Lines(IEnumerable<(string Code, string Label, int Trainees, int Women)> lines, Func<string, string?> link) =>
            lines.Select(r => Line(r.Code, r.Label, link(r.Code), r.Trainees, r.Women, (decimal)Shares.Of(r.Women, r.Trainees)));

        var labels = await TrainingFigureQueries.LabelsAsync(db, references, ct);
        var bySchool = TraineesBy(rows, r => r.SchoolId, labels.Schools);
        var byCountry = TraineesBy(rows, r => r.CountryId, labels.Countries);
        var byAdministration = TraineesBy(rows, r => r.AdministrationId, labels.Administrations);
        var byDomain = TraineesBy(rows, r => r.DomainId, labels.Domains);

        var figuresLink = Link("/Reporting/Training", [("Year", s.Year), ("Zone", s.Zone)]);
        return new ReportSection("training", text["La formation"],
            text["Sessions commencées dans l'année (annulées exclues) et stagiaires distincts dont l'inscription est acceptée ; la zone est celle du pays qui les propose. Le taux de remplissage rapporte les inscriptions acceptées aux places des sessions (tenues dans la zone pour une zone)."],
            [
                new("trainees", text["Stagiaires formés"], trainees, FigureKind.Count, NominationsLink()),
                new("enrolments", text["Inscriptions acceptées"], rows.Count, FigureKind.Count, NominationsLink()),
                new("womenShare", text["Part des femmes parmi les stagiaires"], (decimal)womenShare, FigureKind.Share, NominationsLink()),
                new("fillRate", text["Taux de remplissage des sessions"], (decimal)Shares.Of(filled, capacity), FigureKind.Share, figuresLink),
                new("certificates", text["Attestations délivrées"], certificates, FigureKind.Count, NominationsLink()),
            ],
            [
                Table("bySchool", text["Stagiaires par école"], text["École"], columns, Lines(bySchool, c => NominationsLink(("School", c))), chart: true),
                Table("byCountry", text["Stagiaires par pays"], text["Pays"], columns, Lines(byCountry, c => NominationsLink(("Country", c)))),
                Table("byAdministration", text["Stagiaires par administration"], text["Administration"], columns, Lines(byAdministration, _ => NominationsLink())),
                Table("byDomain", text["Stagiaires par domaine"], text["Domaine"], columns, Lines(byDomain, _ => NominationsLink())),
            ]);
    }

    // ---------------------------------------------------------------- missions

    private IQueryable<ExpertiseMission> Missions(Scope s) =>
        access.SeesMissions ? missions.Filter(new ListMissions.Query { Zone = s.Zone, Year = s.Year }) : db.Missions.Where(_ => false);

    private async Task<ReportSection> MissionsAsync(Scope s, CancellationToken ct)
    {
        var year = Missions(s);
        string MissionsLink(params (string, object?)[] more) => Link("/Missions/Missions", [("Year", s.Year), ("Zone", s.Zone), .. more]);
        var count = await year.CountAsync(ct);
        var byStatus = (await year.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key)
            .Select(g => Line(ProjectCodes.Of(g.Key), g.Key.Name(text), MissionsLink(("Status", ProjectCodes.Of(g.Key))), g.Count));
        var days = await db.MissionExperts.AsNoTracking().Where(e => year.Any(m => m.Id == e.MissionId)).SumAsync(e => e.Days, ct);
        var (first, last) = Calendar.YearBounds(s.Year);
        var recommendations = db.Recommendations.AsNoTracking().Where(r => year.Any(m => m.Id == r.MissionId));
        var due = recommendations.Where(r => r.DueDate >= first && r.DueDate <= last);
        var dueCount = await due.CountAsync(ct);
        var implemented = await due.CountAsync(r => r.Status == RecommendationStatus.Implemented, ct);
        return new ReportSection("missions", text["Les missions d'expertise"],
            text["Missions prévues ou conduites à un moment de l'année ; recommandations de ces missions dont l'échéance tombe dans l'année."],
            [
                new("missions", text["Missions d'expertise"], count, FigureKind.Count, MissionsLink()),
                new("expertDays", text["Jours d'expert"], days, FigureKind.Count, MissionsLink()),
                new("recommendationsDue", text["Recommandations arrivées à échéance"], dueCount, FigureKind.Count, MissionsLink()),
                new("recommendationsImplemented", text["Recommandations mises en œuvre"], implemented, FigureKind.Count, MissionsLink()),
                new("recommendationsImplementedShare", text["Part des recommandations mises en œuvre"], (decimal)Shares.Of(implemented, dueCount), FigureKind.Share, MissionsLink()),
            ],
            [Table("byStatus", text["Missions par statut"], text["Statut"], [new(text["Missions"], FigureKind.Count)], byStatus)]);
    }

    // ---------------------------------------------------------------- donations

    /// <summary>The donations of the list for the year and zone that were handed over in the year.</summary>
    private IQueryable<Donation> HandedOver(Scope s) => HandedOver(donations, s.Year, s.Zone);

    /// <summary>The donations of the list for a year and zone that were handed over in the year (the map's donations layer too).</summary>
    internal static IQueryable<Donation> HandedOver(ListDonations donations, int year, string? zone)
    {
        var (first, last) = Calendar.YearBounds(year);
        return donations.Filter(new ListDonations.Query { Zone = zone, Year = year })
            .Where(d => d.HandedOverOn >= first && d.HandedOverOn <= last && d.Status != DonationStatus.Cancelled);
    }

    /// <summary>
    /// The items handed over, at the euro value of what was handed over (an item's value in proportion to the quantity
    /// handed over, rounded to the cent as the dashboard counts it: shortfalls left out). Only the year's items are read.
    /// </summary>
    private Task<List<HandedItem>> ItemsAsync(IQueryable<Donation> handed, CancellationToken ct) => HandedItemsAsync(db, handed, ct);

    internal static async Task<List<HandedItem>> HandedItemsAsync(CooperationDbContext db, IQueryable<Donation> handed, CancellationToken ct) =>
        (await db.DonationItems.AsNoTracking().Where(i => handed.Any(d => d.Id == i.DonationId))
            .Select(i => new { i.Donation!.CountryId, i.Category, i.EuroValue, i.Quantity, i.QuantityHandedOver }).ToListAsync(ct))
        .Select(i => new HandedItem(i.CountryId, i.Category,
            i.Quantity == 0 ? 0m : Math.Round(i.EuroValue * (i.QuantityHandedOver ?? 0) / i.Quantity, 2, MidpointRounding.AwayFromZero)))
        .ToList();

    internal sealed record HandedItem(int CountryId, EquipmentCategory Category, decimal Value);

    private async Task<decimal> DonatedValueAsync(IQueryable<Donation> handed, CancellationToken ct) =>
        (await ItemsAsync(handed, ct)).Sum(i => i.Value);

    private async Task<ReportSection> DonationsAsync(Scope s, CancellationToken ct)
    {
        var handed = HandedOver(s);
        string DonationsLink(params (string, object?)[] more) => Link("/Donations/Donations", [("Year", s.Year), ("Zone", s.Zone), .. more]);
        var count = await handed.CountAsync(ct);
        var items = await ItemsAsync(handed, ct);
        ReportColumn[] columns = [new(text["Valeur remise"], FigureKind.Euros)];
        var byCategory = items.GroupBy(i => i.Category).OrderBy(g => g.Key)
            .Select(g => Line(ProjectCodes.Of(g.Key), g.Key.Name(text), DonationsLink(("Category", ProjectCodes.Of(g.Key))), g.Sum(i => i.Value)));
        var ids = items.Select(i => i.CountryId).Distinct().ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Iso2, c.NameFr, c.NameEn }, ct);
        var byCountry = items.GroupBy(i => i.CountryId).Select(g => (Country: countries[g.Key], Value: g.Sum(i => i.Value)))
            .Select(g => Line(g.Country.Iso2, Names.Pick(g.Country.NameFr, g.Country.NameEn), DonationsLink(("Country", g.Country.Iso2)), g.Value));
        return new ReportSection("donations", text["L'aide logistique directe"],
            text["Dons de matériel non létal remis dans l'année, à la valeur de ce qui a été remis (les manques exclus)."],
            [
                new("donations", text["Dons remis"], count, FigureKind.Count, DonationsLink()),
                new("donatedValue", text["Valeur remise"], items.Sum(i => i.Value), FigureKind.Euros, DonationsLink()),
            ],
            [
                Table("byCategory", text["Valeur remise par catégorie de matériel"], text["Catégorie"], columns, byCategory, chart: true),
                Table("byCountry", text["Valeur remise par pays"], text["Pays"], columns, byCountry),
            ]);
    }

    // ---------------------------------------------------------------- projects

    private IQueryable<Project> Projects(Scope s) =>
        access.SeesProjects ? projects.Filter(new ListProjects.Query { Zone = s.Zone, Year = s.Year }) : db.Projects.Where(_ => false);

    private async Task<decimal> TransactionsAsync(IQueryable<Project> ofYear, TransactionKind kind, int year, CancellationToken ct)
    {
        var (first, last) = Calendar.YearBounds(year);
        return await db.ProjectTransactions.AsNoTracking()
            .Where(t => t.Kind == kind && t.Date >= first && t.Date <= last && ofYear.Any(p => p.Id == t.ProjectId))
            .SumAsync(t => t.EuroValue, ct);
    }

    private async Task<ReportSection> ProjectsAsync(Scope s, CancellationToken ct)
    {
        var ofYear = Projects(s);
        string ProjectsLink(params (string, object?)[] more) => Link("/Projects/Projects", [("Year", s.Year), ("Zone", s.Zone), .. more]);
        var count = await ofYear.CountAsync(ct);
        var budget = await db.Set<BudgetLine>().AsNoTracking().Where(b => b.Year == s.Year && ofYear.Any(p => p.Id == b.ProjectId)).SumAsync(b => b.Amount, ct);
        var committed = await TransactionsAsync(ofYear, TransactionKind.Commitment, s.Year, ct);
        var disbursed = await TransactionsAsync(ofYear, TransactionKind.Disbursement, s.Year, ct);
        var eu = await ofYear.CountAsync(p => p.EuFunded, ct);
        var byMode = (await ofYear.Where(p => p.EuFunded && p.EuMode != null).GroupBy(p => p.EuMode!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key)
            .Select(g => Line(ProjectCodes.Of(g.Key), g.Key.Name(text), ProjectsLink(("EuFunded", "true")), g.Count));
        var byStatus = (await ofYear.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key)
            .Select(g => Line(ProjectCodes.Of(g.Key), g.Key.Name(text), ProjectsLink(("Status", ProjectCodes.Of(g.Key))), g.Count));
        ReportColumn[] columns = [new(text["Projets"], FigureKind.Count)];
        return new ReportSection("projects", text["Les projets et leur financement"],
            text["Projets en cours à un moment de l'année ; budget prévu pour l'année, engagements et décaissements datés de l'année, en euros."],
            [
                new("projects", text["Projets de l'année"], count, FigureKind.Count, ProjectsLink()),
                new("budget", text["Budget prévu"], budget, FigureKind.Euros, ProjectsLink()),
                new("committed", text["Engagé"], committed, FigureKind.Euros, ProjectsLink()),
                new("disbursed", text["Décaissé"], disbursed, FigureKind.Euros, ProjectsLink()),
                new("euFunded", text["Projets sur financement européen"], eu, FigureKind.Count, ProjectsLink(("EuFunded", "true"))),
            ],
            [
                Table("euByMode", text["Projets sur financement européen par mode d'implication"], text["Mode d'implication"], columns, byMode),
                Table("byStatus", text["Projets par statut"], text["Statut"], columns, byStatus),
            ]);
    }

    // ---------------------------------------------------------------- the year declared final, and its amendments

    /// <summary>
    /// For a year declared final: when and by whom, and every change an administrator made since to its records (by
    /// day, author and reason, with the number of records changed) — "locked year amended". Null for a year still open.
    /// </summary>
    private async Task<ReportSection?> LockedYearAsync(int year, CancellationToken ct)
    {
        var locked = await db.LockedYears.AsNoTracking().Where(y => y.Year == year).SingleOrDefaultAsync(ct);
        if (locked is null) return null;
        var amendments = await db.LockedYearAmendments.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, a.UserName, a.RecordType, a.Reason }).ToListAsync(ct);
        var lines = amendments.GroupBy(a => (Day: DateOnly.FromDateTime(a.At), a.UserName, a.Reason))
            .Select((g, i) => Line($"amendment{i + 1}", $"{Format.Date(g.Key.Day)} — {g.Key.UserName} — {g.Key.Reason}", "/Admin/Audit", g.Count()))
            .ToList();
        var declared = text["Rapport déclaré définitif le {0} par {1}.", Format.Date(DateOnly.FromDateTime(locked.LockedAt)), locked.LockedByName].Value;
        return new ReportSection("lockedYear", amendments.Count == 0 ? text["Année close"] : text["Année close modifiée après clôture"],
            amendments.Count == 0 ? declared
                : declared + " " + text["Depuis, un administrateur a modifié {0} enregistrement(s) de cette année, en donnant chaque fois un motif.", amendments.Count].Value,
            [new("amendments", text["Modifications après clôture"], amendments.Count, FigureKind.Count, "/Admin/Audit")],
            amendments.Count == 0 ? [] :
            [
                new ReportTable("amendments", text["Modifications après clôture"], text["Date, auteur et motif"],
                    [new(text["Enregistrements modifiés"], FigureKind.Count)], lines),
            ]);
    }

    // ---------------------------------------------------------------- official development assistance

    /// <summary>The ODA of the year, from the ODA list's own lines (<see cref="Oda.ListOda.LinesAsync"/>) for the report's zone.</summary>
    private async Task<ReportSection> OdaAsync(Scope s, CancellationToken ct)
    {
        IReadOnlySet<int>? zones = null;
        if (s.Zone is { } code) zones = new HashSet<int>(await db.Zones.AsNoTracking().Where(z => z.Code == code).Select(z => z.Id).ToListAsync(ct));
        var lines = access.SeesProjects ? await oda.LinesAsync(s.Year, zones, ct) : [];
        string OdaLink() => Link("/Reporting/Oda", [("Year", s.Year), ("Zone", s.Zone)]);
        ReportColumn[] columns =
        [
            new(text["Total APD"], FigureKind.Euros), new(text["Éligible"], FigureKind.Euros), new(text["Partiellement éligible"], FigureKind.Euros),
            new(text["dont part éligible"], FigureKind.Euros), new(text["Non éligible"], FigureKind.Euros),
        ];
        var byCode = lines.Select(l => Line($"{l.Zone}-{l.DacCode}", $"{l.ZoneName} — {l.DacCode} {l.DacName}", Link("/Reporting/Oda", [("Year", s.Year), ("Zone", l.Zone)]),
            l.OdaTotal, l.Eligible, l.Partly, l.PartlyEligible, l.NotEligible));
        var reasons = lines.SelectMany(l => l.Reasons).Distinct().Select((r, i) => Line($"reason{i + 1}", r, OdaLink(),
            lines.Where(l => l.Reasons.Contains(r)).Sum(l => l.Partly + l.NotEligible)));
        return new ReportSection("oda", text["Aide publique au développement"],
            text["Décaissements de l'année, en euros, par zone du projet et code CAD, selon l'éligibilité du projet à l'APD ; un projet partiellement éligible compte pour sa part éligible dans le total APD."],
            [
                new("odaTotal", text["Total APD"], lines.Sum(l => l.OdaTotal), FigureKind.Euros, OdaLink()),
                new("odaEligible", text["Éligible"], lines.Sum(l => l.Eligible), FigureKind.Euros, OdaLink()),
                new("odaPartly", text["Partiellement éligible"], lines.Sum(l => l.Partly), FigureKind.Euros, OdaLink()),
                new("odaPartlyEligible", text["dont part éligible"], lines.Sum(l => l.PartlyEligible), FigureKind.Euros, OdaLink()),
                new("odaNotEligible", text["Non éligible"], lines.Sum(l => l.NotEligible), FigureKind.Euros, OdaLink()),
            ],
            [
                Table("odaByZoneAndCode", text["APD par zone et code CAD"], text["Zone et code CAD"], columns, byCode),
                Table("odaReasons", text["Motifs de non-éligibilité ou d'éligibilité partielle"], text["Motif"], [new(text["Montant concerné"], FigureKind.Euros)], reasons),
            ]);
    }

    // ---------------------------------------------------------------- partnerships and IHEDN sessions

    private async Task<ReportSection> PartnershipsAsync(Scope s, CancellationToken ct)
    {
        var ofYear = access.SeesPartnerships ? partnerships.Filter(new ListPartnerships.Query { Zone = s.Zone, Year = s.Year }) : db.Partnerships.Where(_ => false);
        string PartnershipsLink(params (string, object?)[] more) => Link("/Partners/Partnerships", [("Year", s.Year), ("Zone", s.Zone), .. more]);
        var byOrganisation = (await ofYear.GroupBy(p => new { p.Organisation!.Acronym, p.Organisation.NameFr, p.Organisation.NameEn })
                .Select(g => new { g.Key.Acronym, g.Key.NameFr, g.Key.NameEn, Count = g.Count() }).ToListAsync(ct))
            .Select(g => Line(g.Acronym, $"{g.Acronym} — {Names.Pick(g.NameFr, g.NameEn)}", PartnershipsLink(("Organisation", g.Acronym)), g.Count));
        return new ReportSection("partnerships", text["Les partenariats multilatéraux"],
            text["Partenariats dont l'accord court à un moment de l'année."],
            [new("partnerships", text["Partenariats en vigueur"], await ofYear.CountAsync(ct), FigureKind.Count, PartnershipsLink())],
            [Table("byOrganisation", text["Partenariats par organisation"], text["Organisation"], [new(text["Partenariats"], FigureKind.Count)], byOrganisation)]);
    }

    private async Task<ReportSection> InternationalSessionsAsync(Scope s, CancellationToken ct)
    {
        var ofYear = access.SeesInternationalSessions
            ? await internationalSessions.FilterAsync(new ListInternationalSessions.Query { Year = s.Year, Zone = s.Zone }, ct)
            : db.InternationalSessions.Where(_ => false);
        var sessions = await ofYear.OrderBy(x => x.StartDate)
            .Select(x => new
            {
                x.Id, x.Number, x.Theme, Attended = x.Participants.Count(p => p.Status == ParticipantStatus.Attended),
                Women = x.Participants.Count(p => p.Status == ParticipantStatus.Attended && p.Person!.Gender == Gender.Female),
                Countries = x.InvitedCountries.Count,
            })
            .ToListAsync(ct);
        var lines = sessions.Select(x => Line(x.Id.ToString(CultureInfo.InvariantCulture), text["Session {0} — {1}", x.Number, x.Theme], $"/Sessions/International/{x.Id}",
            x.Countries, x.Attended, (decimal)Shares.Of(x.Women, x.Attended)));
        var attended = sessions.Sum(x => x.Attended);
        string SessionsLink() => Link("/Sessions/International", [("Year", s.Year), ("Zone", s.Zone)]);
        return new ReportSection("internationalSessions", text["Les sessions internationales de l'IHEDN"],
            text["Les sessions de l'année à l'École militaire et les auditeurs qui y ont assisté."],
            [
                new("internationalSessions", text["Sessions internationales"], sessions.Count, FigureKind.Count, SessionsLink()),
                new("participants", text["Auditeurs présents"], attended, FigureKind.Count, SessionsLink()),
                new("participantsWomenShare", text["Part des femmes parmi les auditeurs"], (decimal)Shares.Of(sessions.Sum(x => x.Women), attended), FigureKind.Share, SessionsLink()),
            ],
            [Table("sessions", text["Sessions de l'année"], text["Session"],
                [new(text["Pays invités"], FigureKind.Count), new(text["Auditeurs présents"], FigureKind.Count), new(text["Part des femmes"], FigureKind.Share)], lines)]);
    }

    // ---------------------------------------------------------------- gender

    private async Task<ReportSection> GenderAsync(Scope s, ReportSection training, ReportSection sessions, CancellationToken ct)
    {
        var ofYear = Projects(s);
        string ProjectsLink() => Link("/Projects/Projects", [("Year", s.Year), ("Zone", s.Zone)]);
        var byMarker = (await ofYear.GroupBy(p => p.GenderMarker).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key)
            .Select(g => Line(((int)g.Key).ToString(CultureInfo.InvariantCulture), $"{(int)g.Key} — {g.Key.Name(text)}", ProjectsLink(), g.Count));
        var trainees = Find(training, "womenShare");
        return new ReportSection("gender", text["L'égalité entre les femmes et les hommes"],
            text["La part des femmes partout où elle s'applique, et les projets selon leur marqueur égalité (0 : non ciblé, 1 : significatif, 2 : principal)."],
            [
                trainees with { Code = "traineesWomenShare" },
                Find(sessions, "participantsWomenShare"),
            ],
            [Table("genderMarker", text["Projets par marqueur égalité femmes-hommes"], text["Marqueur"], [new(text["Projets"], FigureKind.Count)], byMarker, chart: true)]);
    }

    // ---------------------------------------------------------------- map

    /// <summary>Coopérants in post by host country, and the year's actions (trainees' countries, missions, donations handed over) by country.</summary>
    private async Task<IReadOnlyList<ReportMapCountry>> MapAsync(Scope s, List<EnrolmentRow> enrolments, CancellationToken ct)
    {
        var cooperants = await ActiveCooperants(s).GroupBy(p => p.CountryId)
            .Select(g => new { g.Key, Count = g.Select(p => p.CooperantId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var actions = new Dictionary<int, int>();
        void Add(IEnumerable<(int Country, int Count)> counts)
        {
            foreach (var (country, count) in counts) actions[country] = actions.GetValueOrDefault(country) + count;
        }
        Add(enrolments.GroupBy(e => e.CountryId).Select(g => (g.Key, g.Count())));
        Add((await Missions(s).GroupBy(m => m.CountryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)));
        Add((await HandedOver(s).GroupBy(d => d.CountryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)));
        var ids = cooperants.Keys.Concat(actions.Keys).Distinct().ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.NumericCode, c.Iso2, c.NameFr, c.NameEn }).ToListAsync(ct);
        return countries
            .Select(c => new ReportMapCountry(c.NumericCode, c.Iso2, Names.Pick(c.NameFr, c.NameEn), cooperants.GetValueOrDefault(c.Id), actions.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Cooperants).ThenByDescending(c => c.Actions).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    // ---------------------------------------------------------------- helpers

    private static ReportLine Line(string code, string label, string? link, params decimal[] values) => new(code, label, values, link);

    /// <summary>A table, largest first.</summary>
    private static ReportTable Table(string code, string caption, string keyHeader, IReadOnlyList<ReportColumn> columns, IEnumerable<ReportLine> lines, bool chart = false) =>
        new(code, caption, keyHeader, columns,
            lines.OrderByDescending(l => l.Values[0]).ThenBy(l => l.Label, StringComparer.CurrentCulture).ToList(), chart);

    /// <summary>The address of a list with its filters (those without a value left out).</summary>
    public static string Link(string path, IEnumerable<(string Name, object? Value)> filters)
    {
        var query = filters.Where(f => f.Value is not null && f.Value.ToString() is { Length: > 0 })
            .Select(f => $"{f.Name}={Uri.EscapeDataString(Convert.ToString(f.Value, CultureInfo.InvariantCulture)!)}");
        return string.Join('&', query) is { Length: > 0 } q ? $"{path}?{q}" : path;
    }
}
