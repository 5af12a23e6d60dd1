namespace Cooperation.Web.Data;

/// <summary>
/// The projects of the demo directorate: about 60 at scale 1 over the last ten years across the zones, one in five
/// EU-funded in the EU's regions (the three involvement modes in turn, each assessed before approval), budgets by year and
/// source with commitments and disbursements that stay within them, results chains with indicators and their actuals,
/// DAC sectors, policy markers, SDG 16 targets and ODA decisions; then most postings and sessions of their countries
/// and dates attached to one. Every project is built through its own rules, so the demo never holds what a user could not
/// enter.
/// </summary>
public class DemoProjectData(CooperationDbContext db)
{
    public const int ProjectsAtScale1 = 60;

    /// <summary>Units of the CFA franc (XOF, XAF) for one euro: the fixed parity.</summary>
    private const decimal CfaRate = 655.957m;

    private static readonly (string Code, int Weight)[] ZoneWeights =
        [("AFS", 40), ("AFN", 14), ("MOY", 14), ("ASE", 10), ("IPA", 6), ("BAL", 6), ("EUR", 4), ("AML", 6)];

    private static readonly string[] Openings =
        ["Appui en matière de", "Renforcement des capacités en matière de", "Formation des cadres en matière de", "Soutien institutionnel en matière de", "Accompagnement de la réforme en matière de"];

    private static readonly (string Code, int Weight)[] Sectors =
        [("15210", 40), ("15220", 15), ("15230", 15), ("15240", 8), ("15250", 8), ("15130", 8), ("15261", 6)];

    private static readonly string[] OpeningsEn =
        ["Support in", "Capacity building in", "Training of officers in", "Institutional support in", "Support to the reform in"];

    private static readonly string[] ContactFirstNames = ["Aminata", "Mamadou", "Youssef", "Leïla", "Jean-Pierre", "Nguyen", "Marko", "Fatima", "Ousmane", "Salma"];
    private static readonly string[] ContactLastNames = ["Diallo", "Traoré", "Benali", "Haddad", "Mbarga", "Tran", "Petrović", "El Amrani", "Sow", "Khoury"];

    private static readonly (string Title, string Unit, decimal Baseline, decimal Target)[] IndicatorKinds =
    [
        ("Cadres formés et en poste", "personnes", 0, 120), ("Part de femmes parmi les cadres formés", "%", 8, 25),
        ("Formateurs nationaux certifiés", "personnes", 2, 30), ("Procédures adoptées par le partenaire", "textes", 0, 6),
        ("Exercices conjoints conduits", "exercices", 0, 8), ("Centres de formation équipés", "centres", 0, 4),
    ];

    /// <summary>
    /// Adds the projects and attaches the postings the context holds; returns what attaches the held sessions, once
    /// written, to the projects (by key), drawing on the same <paramref name="random"/> after everything else.
    /// </summary>
    public async Task<Func<IReadOnlyList<DemoTrainingData.HeldSession>, CancellationToken, Task>> GenerateAsync(Random random, DateOnly today, int scale, CancellationToken ct)
    {
        var zones = await db.Zones.OrderBy(z => z.Id).ToDictionaryAsync(z => z.Code, ct);
        // Projects go where the network works: a zone's countries with coopérants posted there (of the postings this
        // context holds), drawn in proportion to them; a zone without any keeps all its countries.
        db.ChangeTracker.DetectChanges();
        var posted = db.Postings.Local.Where(p => p.OrganisationId == null).GroupBy(p => p.CountryId).ToDictionary(g => g.Key, g => g.Count());
        var countriesByZone = (await db.Countries.Where(c => c.ZoneId != null).OrderBy(c => c.Id).ToListAsync(ct))
            .GroupBy(c => c.ZoneId!.Value).ToDictionary(g => g.Key, g => g.Where(c => posted.ContainsKey(c.Id)).ToList() is { Count: > 0 } partners ? partners : g.ToList());
        var domains = await db.Domains.OrderBy(d => d.Id).ToListAsync(ct);
        var operators = await db.Operators.OrderBy(o => o.Id).ToListAsync(ct);
        var projects = new List<Project>();

        for (var i = 0; i < ProjectsAtScale1 * scale; i++)
        {
            // One project in five is EU-funded, in one of the EU's regions, the three modes in turn.
            var euFunded = i % 5 == 2;
            var zoneCode = euFunded ? Project.EuRegions.OrderBy(z => z).ElementAt(i / 5 % 4) : Weighted(random, ZoneWeights);
            var zone = zones[zoneCode];
            var countries = countriesByZone.GetValueOrDefault(zone.Id) ?? [];
            var mode = euFunded ? (EuInvolvementMode)(i / 5 % 3 + 1) : (EuInvolvementMode?)null;
            projects.Add(NewProject(random, today, i, zone, countries, posted, domains, operators, mode));
        }
        db.Projects.AddRange(projects);
        return Attach(random, projects, await db.Countries.ToDictionaryAsync(c => c.Id, c => c.ZoneId, ct));
    }

    private static Project NewProject(Random random, DateOnly today, int index, Zone zone, List<Country> countries,
        Dictionary<int, int> posted, List<CooperationDomain> domains, List<Operator> operators, EuInvolvementMode? mode)
    {
        // Starts spread over the last ten years and the coming one, one in twelve within the coming six months (approved,
        // about to start: there are always some, whatever the day); two to four years long.
        var start = index % 12 == 5 ? today.AddDays(random.Next(14, 180)) : new DateOnly(today.Year - 10, 1, 1).AddDays(random.Next(0, 11 * 365));
        var end = start.AddMonths(24 + 6 * random.Next(5)).AddDays(-1);
        var places = Places(random, zone, countries, posted);
        var domain = domains[random.Next(domains.Count)];
        var where = places.Count == 1 && places[0].CountryId is { } only ? countries.Single(c => c.Id == only).NameFr : zone.NameFr;
        var whereEn = places.Count == 1 && places[0].CountryId is { } one ? countries.Single(c => c.Id == one).NameEn : zone.NameEn;
        var project = new Project
        {
            Title = $"{Openings[index % Openings.Length]} {domain.NameFr.ToLowerInvariant()} — {where}",
            Summary = $"Projet de coopération structurelle ({domain.NameFr.ToLowerInvariant()}) conduit avec les autorités partenaires.",
            Objective = $"Les forces partenaires assurent de façon autonome la mission « {domain.NameFr.ToLowerInvariant()} ».",
            PartnerAuthorities = random.Next(2) == 0 ? "Ministère de la défense ; état-major général" : "Ministère de l'intérieur ; direction générale de la police",
            StartDate = start, EndDate = end,
            TitleEn = $"{OpeningsEn[index % OpeningsEn.Length]} {domain.NameEn.ToLowerInvariant()} — {whereEn}",
            SummaryEn = $"Structural cooperation project ({domain.NameEn.ToLowerInvariant()}) conducted with the partner authorities.",
            ContactName = $"{ContactFirstNames[random.Next(ContactFirstNames.Length)]} {ContactLastNames[random.Next(ContactLastNames.Length)]}",
        };
        project.ContactEmail = $"contact{index + 1}@partenaire.example";
        project.Domains.Add(domain);
        if (random.Next(3) == 0 && domains[random.Next(domains.Count)] is var second && second != domain) project.Domains.Add(second);
        project.SetLocations(places);
        // The modes that join an operator's project name it; others have one now and then.
        if (mode is EuInvolvementMode.CoLead or EuInvolvementMode.Support || random.Next(3) == 0)
            project.Operator = operators[random.Next(operators.Count)];
        project.SetEuFunding(mode is not null, mode, mode is null ? null : $"T05-EUTF-{start.Year}-{index + 1:000}", zone.Code);

        var budget = new List<PlannedAmount>();
        for (var year = start.Year; year <= end.Year; year++)
        {
            var national = 50_000m + 10_000m * random.Next(0, 16);
            budget.Add(new PlannedAmount(year, FundingSource.NationalCredits, national));
            if (mode is not null) budget.Add(new PlannedAmount(year, FundingSource.EuDelegatedFunds, national * (2 + random.Next(3))));
            if (random.Next(4) == 0) budget.Add(new PlannedAmount(year, FundingSource.PartnerCoFunding, 10_000m * (1 + random.Next(5))));
        }
        project.SetBudget(budget);
        project.SetSectors(SectorShares(random));
        var gender = (MarkerScore)random.Next(3);
        project.SetMarkers(gender, gender == MarkerScore.NotTargeted ? null : "Part des femmes parmi les cadres formés suivie à chaque session.",
            random.Next(3) == 0 ? MarkerScore.Principal : MarkerScore.Significant, (MarkerScore)random.Next(3));
        project.Sdg16 = string.Join(';', Project.Sdg16Targets.Where((_, k) => k is 0 or 2 or 5 || random.Next(8) == 0).Take(3));
        SetOda(random, project, domain);

        Results(random, project, today);
        Advance(random, project, today, mode, cfa: zone.Code == "AFS" && random.Next(3) == 0);
        // The projects under way or done are published in the IATI file (their identifiers are given once written).
        project.SetPublication(project.Status is ProjectStatus.Running or ProjectStatus.Closed or ProjectStatus.Evaluated);
        return project;
    }

    /// <summary>One country (its share left out), two or three with shares summing to 100, or the whole zone now and then.</summary>
    private static List<ProjectPlace> Places(Random random, Zone zone, List<Country> countries, Dictionary<int, int> posted)
    {
        if (countries.Count == 0 || random.Next(10) == 0) return [new ProjectPlace(null, zone.Id, null)];
        var count = Math.Min(countries.Count, random.Next(10) < 6 ? 1 : 2 + random.Next(2));
        // A weighted draw without replacement: each country's key shrinks with its coopérants.
        var chosen = countries.OrderBy(c => -Math.Log(1 - random.NextDouble()) / posted.GetValueOrDefault(c.Id, 1)).Take(count).ToList();
        decimal[] shares = count switch { 1 => [], 2 => [60, 40], _ => [50, 30, 20] };
        return chosen.Select((c, k) => new ProjectPlace(c.Id, zone.Id, count == 1 ? null : shares[k])).ToList();
    }

    private static List<SectorShare> SectorShares(Random random)
    {
        var first = Weighted(random, Sectors);
        if (random.Next(2) == 0) return [new SectorShare(first, 100)];
        var second = first == "15220" ? "15210" : "15220";
        return [new SectorShare(first, 70), new SectorShare(second, 30)];
    }

    /// <summary>The DAC rules on peace and security: training in non-military matters counts, equipment never does.</summary>
    private static void SetOda(Random random, Project project, CooperationDomain domain)
    {
        switch (random.Next(10))
        {
            case < 5:
                project.SetOda(OdaEligibility.Eligible, null, null);
                break;
            case < 8:
                project.SetOda(OdaEligibility.Partly, 40 + 10 * random.Next(5),
                    $"Formation aux droits de l'homme et à l'état de droit éligible ; volet opérationnel ({domain.NameFr.ToLowerInvariant()}) non éligible.");
                break;
            default:
                project.SetOda(OdaEligibility.NotEligible, null, "Formation militaire à des savoir-faire opérationnels : hors APD selon les règles du CAD.");
                break;
        }
    }

    /// <summary>An outcome or two, an output under each, and indicators with a baseline the year the project started.</summary>
    private static void Results(Random random, Project project, DateOnly today)
    {
        var outcomes = 1 + random.Next(2);
        for (var k = 0; k < outcomes; k++)
        {
            var outcome = project.AddResult(ResultLevel.Outcome, k == 0 ? "Les capacités du partenaire sont renforcées" : "Le partenaire forme lui-même ses cadres", null);
            var output = project.AddResult(ResultLevel.Output, k == 0 ? "Des cadres sont formés" : "Des formateurs nationaux sont certifiés", outcome);
            var kind = IndicatorKinds[random.Next(IndicatorKinds.Length)];
            project.AddIndicator(kind.Title, kind.Unit, kind.Baseline, project.StartDate.Year, kind.Target, project.EndDate.Year, output);
        }
        var main = IndicatorKinds[random.Next(IndicatorKinds.Length)];
        project.AddIndicator(main.Title, main.Unit, main.Baseline, project.StartDate.Year, main.Target, project.EndDate.Year, null);
        // Actual values every year gone by, moving toward (and sometimes short of) the target.
        var lastYear = Math.Min(project.EndDate.Year, today.Year);
        foreach (var indicator in project.Indicators)
            for (var year = project.StartDate.Year + 1; year <= lastYear; year++)
            {
                var share = (decimal)(year - project.StartDate.Year) / Math.Max(1, project.EndDate.Year - project.StartDate.Year);
                var value = indicator.Baseline + (indicator.Target - indicator.Baseline) * share * (0.6m + 0.1m * random.Next(6));
                indicator.RecordActual(year, Math.Round(value, 0), today);
            }
        foreach (var indicator in project.Indicators.Where(i => i.Values.Count == 0 && project.EndDate < today))
            indicator.RecordActual(project.EndDate.Year, indicator.Baseline, today);
    }

    /// <summary>
    /// Moves the project along its cycle as far as its dates allow (identified or in preparation before approval, running
    /// while it runs, closed then often evaluated after it ends; one in twelve abandoned), recording its money as it goes.
    /// </summary>
    private static void Advance(Random random, Project project, DateOnly today, EuInvolvementMode? mode, bool cfa)
    {
        var abandoned = random.Next(12) == 0;
        if (project.StartDate > today.AddMonths(6))
        {
            if (random.Next(2) == 0) project.MoveTo(ProjectStatus.InPreparation, today);
            if (abandoned) project.MoveTo(ProjectStatus.Abandoned, today);
            return;
        }
        project.MoveTo(ProjectStatus.InPreparation, today);
        if (mode is not null)
        {
            CriterionAssessment Met(string comment) => new(CriterionRating.Met, comment);
            project.Assess(Met("Conforme aux orientations de la politique étrangère de la France."),
                Met("Savoir-faire reconnu de la coopération française dans ce domaine."),
                new CriterionAssessment(random.Next(2) == 0 ? CriterionRating.Met : CriterionRating.Partly, "Impact attendu sur les résultats du volet formation."),
                Met("Complète les actions nationales conduites dans la zone."),
                $"{ContactFirstNames[random.Next(ContactFirstNames.Length)]} Martin", project.StartDate.AddMonths(-4));
        }
        if (abandoned && random.Next(2) == 0)
        {
            project.MoveTo(ProjectStatus.Abandoned, today);
            return;
        }
        project.MoveTo(ProjectStatus.Approved, today);
        if (project.StartDate > today)
        {
            Money(random, project, today, cfa);
            return;
        }
        project.MoveTo(ProjectStatus.Running, today);
        Money(random, project, today, cfa);
        if (abandoned)
        {
            project.MoveTo(ProjectStatus.Abandoned, today);
            return;
        }
        if (project.EndDate >= today) return;
        project.MoveTo(ProjectStatus.Closed, today);
        if (random.Next(3) > 0)
        {
            project.EvaluationSummary = "Objectifs atteints pour l'essentiel ; l'appropriation par le partenaire reste à consolider.";
            project.MoveTo(ProjectStatus.Evaluated, today);
        }
    }

    /// <summary>
    /// Each year begun: a commitment of most of the year's budget, disbursements of most of the commitment (some in CFA
    /// francs at the fixed parity), and expenditures of part of them — never beyond the budget nor the commitment.
    /// </summary>
    private static void Money(Random random, Project project, DateOnly today, bool cfa)
    {
        foreach (var year in project.Budget.Select(b => b.Year).Distinct().Order())
        {
            var yearStart = new DateOnly(year, 1, 1) > project.StartDate ? new DateOnly(year, 1, 1) : project.StartDate;
            if (yearStart > today) break;
            var planned = project.Budget.Where(b => b.Year == year).Sum(b => b.Amount);
            var committed = Math.Round(planned * (0.85m + 0.01m * random.Next(16)), 0);
            project.Record(new TransactionTerms(TransactionKind.Commitment, yearStart, committed, "EUR", 1m,
                "Ministère de l'Europe et des affaires étrangères", project.Operator?.Name ?? "DCSD", $"Engagement {year}"), 0);
            var disbursed = Math.Round(committed * (0.6m + 0.05m * random.Next(8)), 0);
            var halves = new[] { Math.Round(disbursed / 2, 0), disbursed - Math.Round(disbursed / 2, 0) };
            for (var k = 0; k < 2; k++)
            {
                var date = yearStart.AddDays(30 + 150 * k + random.Next(30));
                if (date > today) break;
                var receiver = project.Operator?.Name ?? "Poste diplomatique (service de coopération)";
                project.Record(cfa
                    ? new TransactionTerms(TransactionKind.Disbursement, date, Math.Round(halves[k] * CfaRate, 0), "XOF", CfaRate, "DCSD", receiver, null)
                    : new TransactionTerms(TransactionKind.Disbursement, date, halves[k], "EUR", 1m, "DCSD", receiver, null), 0);
                if (date.AddDays(60) <= today)
                    project.Record(new TransactionTerms(TransactionKind.Expenditure, date.AddDays(60), Math.Round(halves[k] * 0.8m, 0), "EUR", 1m,
                        receiver, "Autorités partenaires", "Formations et équipements de formation"), 0);
            }
        }
    }

    /// <summary>
    /// The one chain: about seven postings and six held sessions in ten belong to a project running while they do — one
    /// in their country, else a project of their zone (a regional one first); the sessions to come stay free to attach
    /// by hand. The postings are attached now; the sessions, written school after school, by the function returned, once
    /// the projects and sessions have their keys.
    /// </summary>
    private Func<IReadOnlyList<DemoTrainingData.HeldSession>, CancellationToken, Task> Attach(Random random, List<Project> projects, Dictionary<int, int?> zoneOfCountry)
    {
        var live = projects.Where(p => p.Status != ProjectStatus.Identified).ToList();
        Project? For(int countryId, DateOnly from, DateOnly to)
        {
            var running = live.Where(p => p.StartDate <= to && from <= p.EndDate).ToList();
            var here = running.Where(p => p.Locations.Any(l => l.CountryId == countryId)).ToList();
            if (here.Count == 0 && zoneOfCountry.GetValueOrDefault(countryId) is { } zone)
            {
                here = running.Where(p => p.Locations.Any(l => l.CountryId is null && l.ZoneId == zone)).ToList();
                if (here.Count == 0) here = running.Where(p => p.ZoneId == zone).ToList();
            }
            return here.Count == 0 ? null : here[random.Next(here.Count)];
        }

        foreach (var posting in db.ChangeTracker.Entries<Posting>().Select(e => e.Entity).OrderBy(p => p.StartDate).ThenBy(p => p.PositionTitle))
            if (random.Next(100) < 75 && For(posting.CountryId, posting.StartDate, posting.EffectiveEnd) is { } project) posting.Project = project;
        return async (held, ct) =>
        {
            var sessionsOf = new Dictionary<int, List<int>>();
            foreach (var session in held.OrderBy(s => s.StartDate).ThenBy(s => s.Place))
                if (random.Next(100) < 65 && For(session.SchoolCountryId, session.StartDate, session.EndDate) is { } project)
                {
                    if (!sessionsOf.TryGetValue(project.Id, out var ids)) sessionsOf[project.Id] = ids = [];
                    ids.Add(session.Id);
                }
            foreach (var (projectId, ids) in sessionsOf)
                for (var i = 0; i < ids.Count; i += 500)
                {
                    var some = ids.Skip(i).Take(500).ToList();
                    // One parameter for the list, so that EF compiles this statement once rather than once a list's length.
                    await db.CourseSessions.Where(s => EF.Parameter(some).Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.ProjectId, projectId), ct);
                }
            // The published projects' IATI identifiers: the default reporting organisation's reference and their number.
            var prefix = new Features.Projects.Iati.IatiOptions().ReportingOrgRef + "-";
            await db.Projects.Where(p => p.IatiPublished && p.IatiIdentifier == null)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.IatiIdentifier, p => prefix + p.Id.ToString()), ct);
        };
    }

    private static string Weighted((string Code, int Weight)[] choices, int roll)
    {
        foreach (var (code, weight) in choices)
            if ((roll -= weight) < 0) return code;
        return choices[^1].Code;
    }

    private static string Weighted(Random random, (string Code, int Weight)[] choices) => Weighted(choices, random.Next(choices.Sum(c => c.Weight)));
}
