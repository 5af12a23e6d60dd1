namespace Cooperation.Web.Features.Reporting.Quality;

/// <summary>One rule of a zone: how many records it checked, how many are missing something or late, and the list to fix them in.</summary>
public record QualityLine(string Rule, string Label, int Checked, int Problems, string Link);

/// <summary>
/// A zone's data quality: its lines, its score (the share of checked records without a problem, 0 to 100) today and
/// a month before (<see cref="QualityReport.ComparedOn"/>), and the trend between them (points).
/// </summary>
public record ZoneQuality(string Zone, string Name, int Score, int PreviousScore, int Trend, int Problems, IReadOnlyList<QualityLine> Lines);

/// <summary>A desk officer's zones together: her problems and score, today and a month before.</summary>
public record DeskOfficerQuality(string Name, IReadOnlyList<string> Zones, int Score, int PreviousScore, int Trend, int Problems);

/// <summary>The data quality of the reader's zones, on a day and compared with the same computation a month earlier.</summary>
public record QualityReport(DateOnly AsOf, DateOnly ComparedOn, IReadOnlyList<ZoneQuality> Zones, IReadOnlyList<DeskOfficerQuality> DeskOfficers);

/// <summary>
/// What the steering needs and is missing or late, per zone (and per desk officer, for the director and the
/// administrator), each rule counted in SQL grouped by zone:
/// sessions ended more than a month ago (within the last year) with accepted trainees still without a result; projects
/// under way last year whose indicators lack last year's actual; donations handed over without their signed record;
/// post-delivery checks overdue (<see cref="DonationCheck.IsOverdue"/>); recommendations overdue
/// (<see cref="RecommendationQueries.Overdue"/>); coopérants without an active posting (whose last
/// posting ended within the year); postings past their planned end and not ended; trainees without a gender (the
/// administration is required by the schema, so never missing). The trend compares with the same computation as on
/// the day a month earlier: the rules' dates move back a month, the records are today's.
/// </summary>
public class ComputeQuality(CooperationDbContext db, Access access, TimeProvider clock, ReferenceCodes codes, FigureCache cache, IStringLocalizer<ComputeQuality> text)
    : IUseCase
{
    /// <param name="Zone">Code of a zone; none for every zone of the reader's scope (a desk officer: hers).</param>
    public record Query(string? Zone = null);

    public async Task<QualityReport> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesAnnualReport);
        var errors = new FieldErrors(text);
        var zoneId = await codes.ZoneAsync(query.Zone, errors, required: false, ct: ct);
        errors.ThrowIfAny();
        if (zoneId is not null) ForbiddenException.ThrowUnless(access.MayReadAnnualReport(zoneId));
        IReadOnlySet<int>? scope = zoneId is { } one ? new HashSet<int> { one } : access.AnnualReportZoneIds;
        var today = clock.Today();
        return await cache.GetOrComputeAsync("quality", access, $"{zoneId}", today, () => ReportAsync(zoneId, scope, today, ct));
    }

    private async Task<QualityReport> ReportAsync(int? zoneId, IReadOnlySet<int>? scope, DateOnly today, CancellationToken ct)
    {
        var before = today.AddMonths(-1);
        // A trainee's gender has no date: the rule reads today's records on both days, counted once.
        var trainees = await TraineesWithoutGenderAsync(ct);
        var now = await CountAsync(today, scope, ct, trainees);
        var then = await CountAsync(before, scope, ct, trainees);
        var zones = await db.Zones.AsNoTracking().Where(z => scope == null || scope.Contains(z.Id)).OrderBy(z => z.Code)
            .Select(z => new { z.Id, z.Code, z.NameFr, z.NameEn }).ToListAsync(ct);

        var byZone = zones.Select(z =>
        {
            var lines = Rules.Select(r =>
            {
                var (checkedCount, problems) = now.GetValueOrDefault((r.Code, z.Id));
                return new QualityLine(r.Code, text[r.Label], checkedCount, problems, r.Link(z.Code, today));
            }).ToList();
            var score = Score(now, z.Id);
            var previous = Score(then, z.Id);
            return new ZoneQuality(z.Code, Names.Pick(z.NameFr, z.NameEn), score, previous, score - previous, lines.Sum(l => l.Problems), lines);
        }).ToList();

        var officers = new List<DeskOfficerQuality>();
        if (access.MayDeclareReportFinal && zoneId is null)
        {
            var assigned = await (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  join uz in db.UserZones on u.Id equals uz.UserId
                                  where r.Name == Roles.DeskOfficer
                                  select new { u.Id, u.DisplayName, u.Email, uz.ZoneId }).ToListAsync(ct);
            foreach (var officer in assigned.GroupBy(a => a.Id).OrderBy(g => g.First().DisplayName))
            {
                var ids = officer.Select(o => o.ZoneId).ToHashSet();
                var score = Score(now, ids);
                var previous = Score(then, ids);
                officers.Add(new DeskOfficerQuality(string.IsNullOrEmpty(officer.First().DisplayName) ? officer.First().Email ?? "" : officer.First().DisplayName,
                    zones.Where(z => ids.Contains(z.Id)).Select(z => z.Code).ToList(), score, previous, score - previous,
                    now.Where(kv => ids.Contains(kv.Key.Zone)).Sum(kv => kv.Value.Problems)));
            }
        }
        return new QualityReport(today, before, byZone, officers);
    }

    private sealed record Rule(string Code, string Label, Func<string, DateOnly, string> Link);

    /// <summary>The rules in the order the page shows them, each with the list (filtered by the zone) where its records are fixed.</summary>
    private static readonly Rule[] Rules =
    [
        new("sessionsWithoutResults", "Sessions terminées depuis plus d'un mois sans résultats", (z, d) => $"/Schools/Sessions?Zone={z}&To={Calendar.Iso(d.AddMonths(-1))}"),
        new("projectsWithoutActuals", "Projets sans valeur constatée de leurs indicateurs pour l'an dernier", (z, _) => $"/Projects?Zone={z}&Status=running"),
        new("donationsWithoutHandoverDocument", "Dons remis sans procès-verbal de remise", (z, _) => $"/Donations?Zone={z}&Status=handedOver"),
        new("checksOverdue", "Contrôles après livraison en retard", (z, _) => $"/Donations?Zone={z}&Overdue=true"),
        new("recommendationsOverdue", "Recommandations en retard", (z, _) => $"/Missions/Recommendations/Overdue?Zone={z}"),
        new("cooperantsWithoutPosting", "Coopérants sans affectation active", (z, _) => $"/Network/Postings?Zone={z}&Active=false"),
        new("postingsPastPlannedEnd", "Affectations au-delà de leur fin prévue", (z, d) => $"/Network/Postings?Zone={z}&Active=true&EndingBy={Calendar.Iso(d)}"),
        new("traineesWithoutGender", "Stagiaires sans genre renseigné", (z, _) => $"/Schools/Trainees?Zone={z}"),
    ];

    private static int Score(Dictionary<(string Rule, int Zone), (int Checked, int Problems)> counts, int zone) => Score(counts, new HashSet<int> { zone });

    private static int Score(Dictionary<(string Rule, int Zone), (int Checked, int Problems)> counts, IReadOnlySet<int> zones)
    {
        var mine = counts.Where(kv => zones.Contains(kv.Key.Zone)).Select(kv => kv.Value).ToList();
        var checkedCount = mine.Sum(c => c.Checked);
        return checkedCount == 0 ? 100 : (int)Math.Round(100.0 * (checkedCount - mine.Sum(c => c.Problems)) / checkedCount, MidpointRounding.AwayFromZero);
    }

    /// <summary>Every rule's checked records and problems by zone, as on <paramref name="asOf"/>.</summary>
    public async Task<Dictionary<(string Rule, int Zone), (int Checked, int Problems)>> CountAsync(DateOnly asOf, IReadOnlySet<int>? zones, CancellationToken ct,
        IReadOnlyList<(int? Zone, int Checked, int Problems)>? traineesWithoutGender = null)
    {
        var result = new Dictionary<(string, int), (int, int)>();
        void Add(string rule, IEnumerable<(int? Zone, int Checked, int Problems)> rows)
        {
            foreach (var row in rows.Where(r => r.Zone is { } z && (zones is null || zones.Contains(z))))
            {
                var key = (rule, row.Zone!.Value);
                var (c, p) = result.GetValueOrDefault(key);
                result[key] = (c + row.Checked, p + row.Problems);
            }
        }

        var monthAgo = asOf.AddMonths(-1);
        var yearAgo = asOf.AddYears(-1);
        Add("sessionsWithoutResults", (await db.CourseSessions.AsNoTracking()
                .Where(s => s.Status != SessionStatus.Cancelled && s.EndDate <= monthAgo && s.EndDate > yearAgo)
                .GroupBy(s => s.Course!.School!.Country!.ZoneId)
                .Select(g => new { g.Key, Checked = g.Count(), Problems = g.Count(s => s.Nominations.Any(n => n.Status == NominationStatus.Accepted && n.Result == null)) })
                .ToListAsync(ct)).Select(g => (g.Key, g.Checked, g.Problems)));

        var lastYear = asOf.Year - 1;
        var (first, last) = Calendar.YearBounds(lastYear);
        Add("projectsWithoutActuals", (await db.Projects.AsNoTracking()
                .Where(p => p.StartDate <= last && p.EndDate >= first && p.Indicators.Any()
                    && (p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Closed || p.Status == ProjectStatus.Evaluated))
                .GroupBy(p => p.ZoneId)
                .Select(g => new { g.Key, Checked = g.Count(), Problems = g.Count(p => p.Indicators.Any(i => !i.Values.Any(v => v.Year == lastYear))) })
                .ToListAsync(ct)).Select(g => ((int?)g.Key, g.Checked, g.Problems)));

        Add("donationsWithoutHandoverDocument", (await db.Donations.AsNoTracking()
                .Where(d => d.HandedOverOn != null && d.HandedOverOn <= asOf)
                .GroupBy(d => d.Country!.ZoneId)
                .Select(g => new { g.Key, Checked = g.Count(), Problems = g.Count(d => d.HandoverDocumentFileId == null) })
                .ToListAsync(ct)).Select(g => (g.Key, g.Checked, g.Problems)));

        Add("checksOverdue", (await db.DonationChecks.AsNoTracking()
                .Where(c => c.DueOn < asOf)
                .GroupBy(c => c.Donation!.Country!.ZoneId)
                .Select(g => new { g.Key, Checked = g.Count(), Problems = g.Count(c => c.CheckedOn == null || c.CheckedOn > asOf) })
                .ToListAsync(ct)).Select(g => (g.Key, g.Checked, g.Problems)));

        var overdue = RecommendationQueries.Overdue(asOf);
        var dueRecommendations = db.Recommendations.AsNoTracking().Where(r => r.DueDate < asOf);
        var overdueByZone = await dueRecommendations.Where(overdue).GroupBy(r => r.Mission!.Country!.ZoneId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        Add("recommendationsOverdue", (await dueRecommendations.GroupBy(r => r.Mission!.Country!.ZoneId).Select(g => new { g.Key, Checked = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, g.Checked, overdueByZone.GetValueOrDefault(g.Key ?? 0))));

        // Postings: the network's few thousand rows, placed in memory (a coopérant belongs to the zone of his last posting).
        var postings = await db.Postings.AsNoTracking().Where(p => p.StartDate <= asOf)
            .Select(p => new { p.CooperantId, p.Country!.ZoneId, p.StartDate, p.PlannedEndDate, p.ActualEndDate }).ToListAsync(ct);
        var active = postings.Where(p => Posting.IsActive(p.StartDate, p.ActualEndDate, asOf)).ToList();
        Add("postingsPastPlannedEnd", active.GroupBy(p => p.ZoneId).Select(g => (g.Key, g.Count(), g.Count(p => p.PlannedEndDate < asOf))));
        var activeCooperants = active.Select(p => p.CooperantId).ToHashSet();
        Add("cooperantsWithoutPosting", postings.GroupBy(p => p.CooperantId)
            .Select(g => g.OrderByDescending(p => p.StartDate).First())
            .Where(p => activeCooperants.Contains(p.CooperantId) || (p.ActualEndDate ?? p.PlannedEndDate) > yearAgo)
            .GroupBy(p => p.ZoneId).Select(g => (g.Key, g.Count(), g.Count(p => !activeCooperants.Contains(p.CooperantId)))));

        Add("traineesWithoutGender", traineesWithoutGender ?? await TraineesWithoutGenderAsync(ct));
        return result;
    }

    /// <summary>The trainees by zone of nationality, and those without a gender: counted on the index of nationality and gender.</summary>
    private async Task<IReadOnlyList<(int? Zone, int Checked, int Problems)>> TraineesWithoutGenderAsync(CancellationToken ct)
    {
        var byNationality = await db.Trainees.AsNoTracking()
            .GroupBy(t => t.NationalityId)
            .Select(g => new { g.Key, Checked = g.Count(), Problems = g.Count(t => t.Gender != Gender.Female && t.Gender != Gender.Male) })
            .ToListAsync(ct);
        var zoneOf = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ZoneId, ct);
        return byNationality.GroupBy(n => zoneOf.GetValueOrDefault(n.Key)).Select(g => (g.Key, g.Sum(n => n.Checked), g.Sum(n => n.Problems))).ToList();
    }
}
