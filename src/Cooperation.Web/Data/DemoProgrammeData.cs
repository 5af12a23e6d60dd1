namespace Cooperation.Web.Data;

/// <summary>
/// The annual programmes of the demo directorate: for the last ten years and the current one, one per partner country
/// with activity that year, planned from what was done (the places its trainees took per school and domain, the
/// missions carried out per domain and their expert-days, the donations handed over per category), so that completion
/// varies: most between 60 % and 110 %, a few far off. Past years are approved, some revised, and closed with an
/// assessment; this year's are approved, some revised. What was done is read in a few aggregate queries; the
/// programmes are written by multi-row inserts. Drawn from a sequence of their own, after every other record: the
/// other records of the demo stay as they were.
/// </summary>
public class DemoProgrammeData(CooperationDbContext db)
{
    private const decimal PerPlace = 2_500m, PerExpertDay = 700m, PerMission = 12_000m;
    private static readonly string[] Reasons =
        ["Demande du partenaire après la revue à mi-parcours", "Report d'une session faute de candidats", "Crédits complémentaires obtenus en cours d'année"];

    public async Task GenerateAsync(Random random, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(today.Year - 10, 1, 1), today);
        var training = await db.Nominations.AsNoTracking()
            .Where(n => n.Status == NominationStatus.Accepted && n.Session!.StartDate >= from && n.Session.StartDate <= to && n.Session.Status != SessionStatus.Cancelled)
            .Select(n => new { n.CountryId, n.Session!.StartDate, n.Session.Course!.SchoolId, n.Session.Course.DomainId })
            .GroupBy(x => new { x.CountryId, x.StartDate.Year, x.SchoolId, x.DomainId })
            .Select(g => new { g.Key.CountryId, g.Key.Year, g.Key.SchoolId, g.Key.DomainId, Done = g.Count() }).ToListAsync(ct);
        var carried = new[] { MissionStatus.InProgress, MissionStatus.Reported, MissionStatus.Closed };
        var missions = await db.Missions.AsNoTracking()
            .Where(m => m.OrganisationId == null && carried.Contains(m.Status) && (m.ActualStartDate ?? m.PlannedStartDate) >= from && (m.ActualStartDate ?? m.PlannedStartDate) <= to)
            .Select(m => new { m.CountryId, Start = m.ActualStartDate ?? m.PlannedStartDate, m.DomainId })
            .GroupBy(x => new { x.CountryId, x.Start.Year, x.DomainId })
            .Select(g => new { g.Key.CountryId, g.Key.Year, g.Key.DomainId, Done = g.Count() }).ToListAsync(ct);
        var days = await db.MissionExperts.AsNoTracking()
            .Where(e => e.Mission!.OrganisationId == null && carried.Contains(e.Mission.Status)
                && (e.Mission.ActualStartDate ?? e.Mission.PlannedStartDate) >= from && (e.Mission.ActualStartDate ?? e.Mission.PlannedStartDate) <= to)
            .Select(e => new { e.Mission!.CountryId, Start = e.Mission.ActualStartDate ?? e.Mission.PlannedStartDate, e.Mission.DomainId, e.Days })
            .GroupBy(x => new { x.CountryId, x.Start.Year, x.DomainId })
            .Select(g => new { g.Key.CountryId, g.Key.Year, g.Key.DomainId, Days = g.Sum(x => x.Days) })
            .ToDictionaryAsync(x => (x.CountryId, x.Year, x.DomainId), x => x.Days, ct);
        var handed = new[] { DonationStatus.HandedOver, DonationStatus.Checked };
        var donations = await db.DonationItems.AsNoTracking()
            .Where(i => handed.Contains(i.Donation!.Status) && i.Donation.HandedOverOn >= from && i.Donation.HandedOverOn <= to)
            .Select(i => new { i.Donation!.CountryId, HandedOverOn = i.Donation.HandedOverOn!.Value, i.Category, i.EuroValue })
            .GroupBy(x => new { x.CountryId, x.HandedOverOn.Year, x.Category })
            .Select(g => new { g.Key.CountryId, g.Key.Year, g.Key.Category, Done = g.Sum(x => x.EuroValue) }).ToListAsync(ct);

        var partners = training.Select(t => (t.CountryId, t.Year)).Concat(missions.Select(m => (m.CountryId, m.Year)))
            .Concat(donations.Select(d => (d.CountryId, d.Year))).Distinct().OrderBy(p => p.Year).ThenBy(p => p.CountryId).ToList();
        foreach (var (country, year) in partners)
        {
            // The share of the year gone: this year's plan is for the whole year, its done so far for part of it.
            var gone = year < today.Year ? 1m : Math.Max(0.05m, today.DayOfYear / 365m);
            var factor = Completion(random);
            var lines = new List<ProgrammeLineTerms>();
            foreach (var t in training.Where(t => t.CountryId == country && t.Year == year).OrderByDescending(t => t.Done).ThenBy(t => t.SchoolId).Take(3))
            {
                var places = Planned(t.Done, gone, factor);
                lines.Add(new(ProgrammeMode.Training, t.SchoolId, t.DomainId, null, null, null, places, 0, 0, places * PerPlace, FundingSource.NationalCredits));
            }
            foreach (var m in missions.Where(m => m.CountryId == country && m.Year == year).OrderByDescending(m => m.Done).ThenBy(m => m.DomainId).Take(2))
            {
                var count = Planned(m.Done, gone, factor);
                var expertDays = Math.Max(count, Planned(days.GetValueOrDefault((country, year, m.DomainId)), gone, factor));
                lines.Add(new(ProgrammeMode.Missions, null, m.DomainId, null, null, null, count, expertDays, 0,
                    expertDays > 0 ? expertDays * PerExpertDay : count * PerMission, FundingSource.NationalCredits));
            }
            foreach (var d in donations.Where(d => d.CountryId == country && d.Year == year).OrderByDescending(d => d.Done).ThenBy(d => d.Category).Take(2))
            {
                var value = Math.Round(d.Done / gone / factor, 0);
                lines.Add(new(ProgrammeMode.Donations, null, null, d.Category, null, null, 0, 0, value, value,
                    random.Next(5) == 0 ? FundingSource.EuDelegatedFunds : FundingSource.NationalCredits));
            }
            if (lines.Count == 0) continue;
            var priority = lines.FirstOrDefault(l => l.DomainId is not null)?.DomainId;
            var plan = PlanOf(lines, priority);
            var programme = new Programme { CountryId = country, Year = year };
            // A revised programme was approved first with another plan: a fifth less, or a fifth more, of everything.
            var revised = random.Next(4) == 0;
            programme.Plan(revised ? PlanOf(lines.Select(l => Scaled(l, random.Next(2) == 0 ? 0.8m : 1.2m)).ToList(), priority) : plan);
            programme.Submit(new DateOnly(year, 1, 10));
            programme.Approve(false, "Directeur de démonstration", new DateOnly(year, 1, 25));
            if (revised)
            {
                var on = year < today.Year ? new DateOnly(year, 7, 1) : today;
                programme.Revise(Reasons[random.Next(Reasons.Length)], plan, "Chargée de mission de démonstration", on);
            }
            if (year < today.Year)
                programme.Close(factor < 0.5m ? "Année en retrait : actions reportées faute de candidats et de crédits."
                    : factor > 1.2m ? "Année au-delà du plan : demandes supplémentaires du partenaire."
                    : "Année conforme au plan dans l'ensemble.", new DateOnly(year, 12, 20));
            db.Programmes.Add(programme);
        }
        await BulkInsert.SaveAddedAsync(db, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Done over planned: most years between 60 % and 110 %, a few far off (a third done, or half as much again).</summary>
    private static decimal Completion(Random random) => random.Next(10) switch
    {
        0 => 0.2m + (decimal)random.NextDouble() * 0.25m,
        1 when random.Next(2) == 0 => 1.3m + (decimal)random.NextDouble() * 0.3m,
        _ => 0.6m + (decimal)random.NextDouble() * 0.5m,
    };

    /// <summary>What was planned for a done figure at this completion, over the whole year.</summary>
    private static int Planned(int done, decimal gone, decimal completion) => done <= 0 ? 0 : Math.Max(1, (int)Math.Round(done / gone / completion));

    private static ProgrammeLineTerms Scaled(ProgrammeLineTerms l, decimal by) => l with
    {
        Quantity = (int)Math.Round(l.Quantity * by),
        ExpertDays = l.Mode == ProgrammeMode.Missions ? Math.Max((int)Math.Round(l.Quantity * by), (int)Math.Round(l.ExpertDays * by)) : 0,
        Value = Math.Round(l.Value * by, 0), Budget = Math.Round(l.Budget * by, 0),
    };

    private static ProgrammePlan PlanOf(List<ProgrammeLineTerms> lines, int? priority) => new(
        priority is { } p ? [new ProgrammePriorityTerms(p, "Priorité de la zone, au vu des demandes du partenaire")] : [],
        lines,
        lines.GroupBy(l => (l.Mode, l.Source)).Select(g => new ProgrammeEnvelopeTerms(g.Key.Mode, g.Key.Source, g.Sum(l => l.Budget))).ToList());
}
