using Cooperation.Web.Features.Donations;
using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Programmes.FollowUp;

/// <summary>
/// A planned line and what has been done of it so far: the figure it is measured on (planned, as approved, done), the
/// completion rate, the year-end forecast from the pace, whether it is off course and why; the records behind it.
/// </summary>
public record FollowUpLine(
    int Number, string Mode, string ModeName, string Label, string Unit, decimal Planned, decimal? Baseline, decimal Done, decimal? Rate,
    decimal? Forecast, bool OffCourse, string? OffCourseReason, decimal? Budget, string? Link,
    int? QuotaPlaces = null, int? PlacesUsed = null, int? Trained = null, int? UnusedInClosedSessions = null, int? Missions = null,
    int? ExpertDays = null, int? Donations = null, decimal? DonatedValue = null, decimal? Committed = null, decimal? Disbursed = null);

/// <summary>
/// A programme's follow-up: its lines, the completion (done over planned, each line counted up to its plan and weighted
/// by its budget), the budget committed and disbursed on the projects it contributes to, and how many lines are off course.
/// </summary>
public record FollowUpResult(int ProgrammeId, int Year, decimal? Completion, decimal Budget, decimal Committed, decimal Disbursed, int OffCourse,
    IReadOnlyList<FollowUpLine> Lines)
{
    /// <summary>How an organisation's programme is counted, in the reader's language (the records that belong to it); null for a country's.</summary>
    public string? CountingRule { get; init; }
}

/// <summary>
/// Places (quotas, or accepted nominations) of a year's sessions of a school and domain: of a country, and within the
/// sessions serving a partnership with an organisation (or none).
/// </summary>
internal sealed record TrainingTally(int CountryId, int? OrganisationId, int Year, int SchoolId, int DomainId, int Count, int Closed, int Passed)
{
    /// <summary>Summed by country (every session), and by organisation (the sessions of its partnerships, every country's places).</summary>
    public static Dictionary<(bool Organisation, int Partner, int Year, int SchoolId, int DomainId), (int Count, int Closed, int Passed)> ByPartner(
        List<TrainingTally> rows) =>
        rows.GroupBy(r => (Organisation: false, Partner: r.CountryId, r.Year, r.SchoolId, r.DomainId))
            .Concat(rows.Where(r => r.OrganisationId is not null).GroupBy(r => (Organisation: true, Partner: r.OrganisationId!.Value, r.Year, r.SchoolId, r.DomainId)))
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Count), g.Sum(r => r.Closed), g.Sum(r => r.Passed)));
}

/// <summary>What the follow-up needs of a programme: its partner, year, lines (numbered) and approved baseline.</summary>
public sealed record ProgrammeKey(int Id, int CountryId, int? OrganisationId, int Year, IReadOnlyList<(int Number, ProgrammeLineTerms Terms)> Lines, string? Baseline);

/// <summary>
/// Counts what has been done of programmes' plans from the records themselves, in a few aggregate queries for any
/// number of programmes (grouped by partner, year and target), never reading the records one by one: quota places and
/// accepted trainees of the year's sessions of a school and domain, missions carried out and their expert-days,
/// donations handed over and their value, postings kept, opened or closed, the projects' commitments and disbursements.
/// </summary>
public class ComputeFollowUp(CooperationDbContext db, TimeProvider clock, IStringLocalizer<ComputeFollowUp> text) : IUseCase
{
    private static readonly MissionStatus[] Carried = [MissionStatus.InProgress, MissionStatus.Reported, MissionStatus.Closed];
    private static readonly DonationStatus[] Handed = [DonationStatus.HandedOver, DonationStatus.Checked];

    public async Task<Dictionary<int, FollowUpResult>> HandleAsync(IReadOnlyList<ProgrammeKey> programmes, bool withBudgets = true,
        CancellationToken ct = default)
    {
        var result = new Dictionary<int, FollowUpResult>();
        if (programmes.Count == 0) return result;
        var today = clock.Today();
        var countries = programmes.Select(p => p.CountryId).Distinct().ToList();
        var years = programmes.Select(p => p.Year).Distinct().Order().ToList();
        var (from, to) = (Calendar.YearBounds(years[0]).First, Calendar.YearBounds(years[^1]).Last);
        var lines = programmes.SelectMany(p => p.Lines.Select(l => l.Terms)).ToList();
        var modes = lines.Select(l => l.Mode).ToHashSet();

        // An organisation's places are those of the sessions serving one of its partnerships, whatever the trainees'
        // country; a country's, its own quotas and nominations. One query each, grouped by both, summed both ways here.
        var organisations = programmes.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        // Quotas and accepted nominations are counted per country and session in SQL, the year's sessions read once
        // (their school, domain, partnership and whether they are over) and the tallies made here: a condition on the
        // session inside a grouped count makes EF read each group again as a correlated subquery.
        List<TrainingTally> quotaRows = [], nominationRows = [];
        if (modes.Contains(ProgrammeMode.Training))
        {
            var sessions = await db.CourseSessions.AsNoTracking()
                .Where(s => s.StartDate >= from && s.StartDate <= to && s.Status != SessionStatus.Cancelled)
                .Select(s => new { s.Id, OrganisationId = (int?)s.Partnership!.OrganisationId, s.StartDate, s.Course!.SchoolId, s.Course.DomainId,
                    Over = s.EndDate < today || s.Status == SessionStatus.Completed })
                .ToDictionaryAsync(s => s.Id, ct);
            var quotas = await db.SessionQuotas.AsNoTracking()
                .Where(q => q.Session!.StartDate >= from && q.Session.StartDate <= to && q.Session.Status != SessionStatus.Cancelled
                    && (countries.Contains(q.CountryId) || (q.Session.PartnershipId != null && organisations.Contains(q.Session.Partnership!.OrganisationId))))
                .GroupBy(q => new { q.CountryId, q.SessionId })
                .Select(g => new { g.Key.CountryId, g.Key.SessionId, Seats = g.Sum(q => q.Seats) })
                .ToListAsync(ct);
            var nominations = await db.Nominations.AsNoTracking()
                .Where(n => n.Status == NominationStatus.Accepted && n.Session!.StartDate >= from && n.Session.StartDate <= to && n.Session.Status != SessionStatus.Cancelled
                    && (countries.Contains(n.CountryId) || (n.Session.PartnershipId != null && organisations.Contains(n.Session.Partnership!.OrganisationId))))
                .GroupBy(n => new { n.CountryId, n.SessionId })
                .Select(g => new { g.Key.CountryId, g.Key.SessionId, Count = g.Count(), Passed = g.Count(n => n.Result == TrainingResult.Passed) })
                .ToListAsync(ct);
            TrainingTally Tally(int countryId, int sessionId, int count, int passed)
            {
                var s = sessions[sessionId];
                return new TrainingTally(countryId, s.OrganisationId, s.StartDate.Year, s.SchoolId, s.DomainId, count, s.Over ? count : 0, passed);
            }
            quotaRows = quotas.Select(q => Tally(q.CountryId, q.SessionId, q.Seats, 0)).ToList();
            nominationRows = nominations.Select(n => Tally(n.CountryId, n.SessionId, n.Count, n.Passed)).ToList();
        }
        var seats = TrainingTally.ByPartner(quotaRows);
        var used = TrainingTally.ByPartner(nominationRows);
        var missions = modes.Contains(ProgrammeMode.Missions)
            ? await db.Missions.AsNoTracking()
                .Where(m => countries.Contains(m.CountryId) && Carried.Contains(m.Status)
                    && (m.ActualStartDate ?? m.PlannedStartDate) >= from && (m.ActualStartDate ?? m.PlannedStartDate) <= to)
                .Select(m => new { m.CountryId, m.OrganisationId, Start = m.ActualStartDate ?? m.PlannedStartDate, m.DomainId })
                .GroupBy(x => new { x.CountryId, x.OrganisationId, x.Start.Year, x.DomainId })
                .Select(g => new { g.Key.CountryId, g.Key.OrganisationId, g.Key.Year, g.Key.DomainId, Count = g.Count() })
                .ToDictionaryAsync(x => (x.CountryId, x.OrganisationId, x.Year, x.DomainId), ct)
            : [];
        var expertDays = modes.Contains(ProgrammeMode.Missions)
            ? await db.MissionExperts.AsNoTracking()
                .Where(e => countries.Contains(e.Mission!.CountryId) && Carried.Contains(e.Mission.Status)
                    && (e.Mission.ActualStartDate ?? e.Mission.PlannedStartDate) >= from && (e.Mission.ActualStartDate ?? e.Mission.PlannedStartDate) <= to)
                .Select(e => new { e.Mission!.CountryId, e.Mission.OrganisationId, Start = e.Mission.ActualStartDate ?? e.Mission.PlannedStartDate, e.Mission.DomainId, e.Days })
                .GroupBy(x => new { x.CountryId, x.OrganisationId, x.Start.Year, x.DomainId })
                .Select(g => new { g.Key.CountryId, g.Key.OrganisationId, g.Key.Year, g.Key.DomainId, Days = g.Sum(x => x.Days) })
                .ToDictionaryAsync(x => (x.CountryId, x.OrganisationId, x.Year, x.DomainId), x => x.Days, ct)
            : [];
        // A donation belongs to an organisation only through its project serving one of the organisation's partnerships.
        var donationRows = modes.Contains(ProgrammeMode.Donations)
            ? await db.DonationItems.AsNoTracking()
                .Where(i => Handed.Contains(i.Donation!.Status) && i.Donation.HandedOverOn >= from && i.Donation.HandedOverOn <= to
                    && (countries.Contains(i.Donation.CountryId)
                        || (i.Donation.Project!.PartnershipId != null && organisations.Contains(i.Donation.Project.Partnership!.OrganisationId))))
                .Select(i => new { i.Donation!.CountryId, OrganisationId = (int?)i.Donation.Project!.Partnership!.OrganisationId,
                    HandedOverOn = i.Donation.HandedOverOn!.Value, i.Category, i.DonationId, i.EuroValue })
                .GroupBy(x => new { x.CountryId, x.OrganisationId, x.HandedOverOn.Year, x.Category, x.DonationId })
                .Select(g => new { g.Key.CountryId, g.Key.OrganisationId, g.Key.Year, g.Key.Category, g.Key.DonationId, Value = g.Sum(x => x.EuroValue) })
                .ToListAsync(ct)
            : [];
        var donations = donationRows.GroupBy(d => (Organisation: false, Partner: d.CountryId, d.Year, d.Category))
            .Concat(donationRows.Where(d => d.OrganisationId is not null).GroupBy(d => (Organisation: true, Partner: d.OrganisationId!.Value, d.Year, d.Category)))
            .ToDictionary(g => g.Key, g => (Value: g.Sum(d => d.Value), Donations: g.Select(d => d.DonationId).Distinct().Count()));
        var opened = new Dictionary<(int, int?, int), int>();
        var closed = new Dictionary<(int, int?, int), int>();
        var kept = new Dictionary<(int, int?, int), int>();
        if (modes.Contains(ProgrammeMode.Postings))
        {
            opened = await db.Postings.AsNoTracking().Where(p => countries.Contains(p.CountryId) && p.StartDate >= from && p.StartDate <= to)
                .GroupBy(p => new { p.CountryId, p.OrganisationId, p.StartDate.Year })
                .Select(g => new { g.Key.CountryId, g.Key.OrganisationId, g.Key.Year, Count = g.Count() })
                .ToDictionaryAsync(x => (x.CountryId, x.OrganisationId, x.Year), x => x.Count, ct);
            closed = await db.Postings.AsNoTracking().Where(p => countries.Contains(p.CountryId) && p.ActualEndDate >= from && p.ActualEndDate <= to)
                .Select(p => new { p.CountryId, p.OrganisationId, End = p.ActualEndDate!.Value })
                .GroupBy(p => new { p.CountryId, p.OrganisationId, p.End.Year })
                .Select(g => new { g.Key.CountryId, g.Key.OrganisationId, g.Key.Year, Count = g.Count() })
                .ToDictionaryAsync(x => (x.CountryId, x.OrganisationId, x.Year), x => x.Count, ct);
            foreach (var year in years.Where(y => y <= today.Year))
            {
                // Kept: posted before the year and still there at its end (or today, in the year under way).
                var (first, last) = Calendar.YearBounds(year);
                var on = last < today ? last : today;
                foreach (var k in await db.Postings.AsNoTracking()
                             .Where(p => countries.Contains(p.CountryId) && p.StartDate < first && (p.ActualEndDate == null || p.ActualEndDate > on))
                             .GroupBy(p => new { p.CountryId, p.OrganisationId })
                             .Select(g => new { g.Key.CountryId, g.Key.OrganisationId, Count = g.Count() }).ToListAsync(ct))
                    kept[(k.CountryId, k.OrganisationId, year)] = k.Count;
            }
        }
        var projectIds = lines.Where(l => l.ProjectId is not null).Select(l => l.ProjectId!.Value).Distinct().ToList();
        var transactions = projectIds.Count > 0
            ? await db.ProjectTransactions.AsNoTracking().Where(t => projectIds.Contains(t.ProjectId) && t.Date >= from && t.Date <= to)
                .GroupBy(t => new { t.ProjectId, t.Date.Year, t.Kind })
                .Select(g => new { g.Key.ProjectId, g.Key.Year, g.Key.Kind, Value = g.Sum(t => t.EuroValue) })
                .ToDictionaryAsync(x => (x.ProjectId, x.Year, x.Kind), x => x.Value, ct)
            : [];

        var names = await NamesAsync(lines, countries, organisations, ct);
        foreach (var p in programmes)
        {
            var baseline = Programme.SnapshotLines(p.Baseline).ToDictionary(Programme.Key, ProgrammeLine.Target);
            var rows = new List<FollowUpLine>();
            decimal committedTotal = 0, disbursedTotal = 0;
            foreach (var (number, l) in p.Lines)
            {
                var target = ProgrammeLine.Target(l);
                decimal done;
                var row = new FollowUpLine(number, ProjectCodes.Of(l.Mode), l.Mode.Name(text), names.Label(l, text),
                    l.Mode.Unit(l.ExpertDays > 0, text), target, baseline.TryGetValue(Programme.Key(l), out var b) ? b : null, 0, null, null, false, null,
                    withBudgets ? l.Budget : null, names.Link(l, p));
                string? reason = null;
                switch (l.Mode)
                {
                    case ProgrammeMode.Training:
                        var key = (p.OrganisationId is not null, p.OrganisationId ?? p.CountryId, p.Year, l.SchoolId ?? 0, l.DomainId ?? 0);
                        var s = seats.GetValueOrDefault(key);
                        var u = used.GetValueOrDefault(key);
                        var unused = Math.Max(0, s.Closed - u.Closed);
                        done = u.Count;
                        row = row with { QuotaPlaces = s.Count, PlacesUsed = u.Count, Trained = u.Passed, UnusedInClosedSessions = unused };
                        if (unused > 0) reason = text["{0} place(s) de quota inutilisée(s) dans des sessions closes", unused];
                        break;
                    case ProgrammeMode.Missions:
                        var mkey = (p.CountryId, p.OrganisationId, p.Year, l.DomainId ?? 0);
                        var count = missions.GetValueOrDefault(mkey)?.Count ?? 0;
                        var days = expertDays.GetValueOrDefault(mkey);
                        done = l.ExpertDays > 0 ? days : count;
                        row = row with { Missions = count, ExpertDays = days };
                        break;
                    case ProgrammeMode.Donations:
                        var d = donations.GetValueOrDefault((p.OrganisationId is not null, p.OrganisationId ?? p.CountryId, p.Year, l.Category ?? 0));
                        done = d.Value;
                        row = row with { Donations = d.Donations, DonatedValue = d.Value };
                        break;
                    case ProgrammeMode.Postings:
                        var pkey = (p.CountryId, p.OrganisationId, p.Year);
                        done = l.Posting switch
                        {
                            PostingPlan.Open => opened.GetValueOrDefault(pkey),
                            PostingPlan.Close => closed.GetValueOrDefault(pkey),
                            _ => kept.GetValueOrDefault(pkey),
                        };
                        break;
                    default:
                        var committed = transactions.GetValueOrDefault((l.ProjectId ?? 0, p.Year, TransactionKind.Commitment));
                        var disbursed = transactions.GetValueOrDefault((l.ProjectId ?? 0, p.Year, TransactionKind.Disbursement));
                        (committedTotal, disbursedTotal) = (committedTotal + committed, disbursedTotal + disbursed);
                        done = disbursed;
                        row = row with { Committed = withBudgets ? committed : null, Disbursed = withBudgets ? disbursed : null };
                        break;
                }
                var offCourse = ProgrammeProgress.OffCourse(done, target, p.Year, today);
                if (offCourse) reason = reason is null ? text["Moins de la moitié réalisée à un trimestre de la fin de l'année"]
                    : text["Moins de la moitié réalisée à un trimestre de la fin de l'année"] + " ; " + reason;
                rows.Add(row with
                {
                    Done = done, Rate = ProgrammeProgress.Rate(done, target), Forecast = ProgrammeProgress.Forecast(done, p.Year, today),
                    OffCourse = reason is not null, OffCourseReason = reason,
                });
            }
            result[p.Id] = new FollowUpResult(p.Id, p.Year, Completion(p.Lines.Select(l => l.Terms).ToList(), rows), withBudgets ? p.Lines.Sum(l => l.Terms.Budget) : 0,
                withBudgets ? committedTotal : 0, withBudgets ? disbursedTotal : 0, rows.Count(r => r.OffCourse), rows)
            {
                CountingRule = p.OrganisationId is null ? null : text[OrganisationRule].Value,
            };
        }
        return result;
    }

    /// <summary>What an organisation's programme counts, said on its page and in its follow-up: the records that belong to it.</summary>
    public const string OrganisationRule =
        "Programme d'une organisation : les places de formation sont comptées dans les sessions rattachées à un partenariat avec l'organisation, "
        + "quel que soit le pays des stagiaires ; les dons, par leur projet rattaché à un tel partenariat ; les missions et les affectations, "
        + "quand elles sont enregistrées auprès de l'organisation. Un don sans projet de partenariat, une mission ou une affectation enregistrée "
        + "auprès du pays du siège ne peuvent lui être attribués : ils comptent pour le programme de ce pays.";

    /// <summary>
    /// Done over planned for the whole programme: each line counts up to its plan (a line done twice does not make up
    /// for another not done), weighted by its budget; by line alone when no line has a budget.
    /// </summary>
    public static decimal? Completion(IReadOnlyList<ProgrammeLineTerms> lines, IReadOnlyList<FollowUpLine> rows)
    {
        var measured = lines.Zip(rows).Where(x => x.Second.Rate is not null).ToList();
        if (measured.Count == 0) return null;
        var budget = measured.Sum(x => x.First.Budget);
        return budget > 0
            ? Math.Round(measured.Sum(x => x.First.Budget * Math.Min(1, x.Second.Rate!.Value)) / budget, 4)
            : Math.Round(measured.Average(x => Math.Min(1, x.Second.Rate!.Value)), 4);
    }

    private async Task<LineNames> NamesAsync(List<ProgrammeLineTerms> lines, List<int> countries, List<int> organisations, CancellationToken ct)
    {
        var schoolIds = lines.Where(l => l.SchoolId is not null).Select(l => l.SchoolId!.Value).Distinct().ToList();
        var domainIds = lines.Where(l => l.DomainId is not null).Select(l => l.DomainId!.Value).Distinct().ToList();
        var projectIds = lines.Where(l => l.ProjectId is not null).Select(l => l.ProjectId!.Value).Distinct().ToList();
        return new LineNames(
            await db.RegionalSchools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Acronym, ct),
            await db.Domains.AsNoTracking().Where(d => domainIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.Code, Names.Pick(d.NameFr, d.NameEn)), ct),
            await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct),
            await db.Countries.AsNoTracking().Where(c => countries.Contains(c.Id)).Select(c => new { c.Id, c.Iso2 }).ToDictionaryAsync(c => c.Id, c => c.Iso2, ct),
            organisations.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id))
                .Select(o => new { o.Id, o.Acronym }).ToDictionaryAsync(o => o.Id, o => o.Acronym, ct));
    }

    /// <summary>How a line is named on a page, and where the records behind it are listed.</summary>
    private sealed record LineNames(Dictionary<int, string> Schools, Dictionary<int, (string Code, string Name)> Domains, Dictionary<int, string> Projects,
        Dictionary<int, string> Countries, Dictionary<int, string> Organisations)
    {
        public string Label(ProgrammeLineTerms l, IStringLocalizer text) => l.Mode switch
        {
            ProgrammeMode.Training => $"{Schools.GetValueOrDefault(l.SchoolId ?? 0)} — {Domains.GetValueOrDefault(l.DomainId ?? 0).Name}",
            ProgrammeMode.Missions => Domains.GetValueOrDefault(l.DomainId ?? 0).Name,
            ProgrammeMode.Donations => l.Category is { } c ? c.Name(text) : "",
            ProgrammeMode.Postings => l.Posting is { } p ? p.Name(text) : "",
            _ => Projects.GetValueOrDefault(l.ProjectId ?? 0) ?? "",
        };

        public string? Link(ProgrammeLineTerms l, ProgrammeKey p)
        {
            var iso2 = Countries.GetValueOrDefault(p.CountryId);
            var (first, last) = Calendar.YearBounds(p.Year);
            if (p.OrganisationId is { } organisation && Organisations.GetValueOrDefault(organisation) is { } acronym)
                return l.Mode switch
                {
                    ProgrammeMode.Training or ProgrammeMode.Donations => $"/Partners/Partnerships?Organisation={acronym}&Year={p.Year}",
                    ProgrammeMode.Postings => l.Posting switch
                    {
                        PostingPlan.Open => $"/Network/Postings?Organisation={acronym}&StartedIn={p.Year}",
                        PostingPlan.Close => $"/Network/Postings?Organisation={acronym}&EndedIn={p.Year}",
                        _ => $"/Network/Postings?Organisation={acronym}&ActiveOn={Calendar.Iso(last)}",
                    },
                    ProgrammeMode.Missions => $"/Missions?Country={iso2}&Domain={Domains.GetValueOrDefault(l.DomainId ?? 0).Code}&Year={p.Year}",
                    _ => $"/Projects/{l.ProjectId}",
                };
            return l.Mode switch
            {
                ProgrammeMode.Training => $"/Schools/Sessions?School={Schools.GetValueOrDefault(l.SchoolId ?? 0)}&Domain={Domains.GetValueOrDefault(l.DomainId ?? 0).Code}&Country={iso2}&From={Calendar.Iso(first)}&To={Calendar.Iso(last)}",
                ProgrammeMode.Missions => $"/Missions?Country={iso2}&Domain={Domains.GetValueOrDefault(l.DomainId ?? 0).Code}&Year={p.Year}",
                ProgrammeMode.Donations => $"/Donations?Country={iso2}&Category={ProjectCodes.Of(l.Category)}&Year={p.Year}",
                ProgrammeMode.Postings => l.Posting switch
                {
                    PostingPlan.Open => $"/Network/Postings?Country={iso2}&StartedIn={p.Year}",
                    PostingPlan.Close => $"/Network/Postings?Country={iso2}&EndedIn={p.Year}",
                    _ => $"/Network/Postings?Country={iso2}&ActiveOn={Calendar.Iso(last)}",
                },
                _ => $"/Projects/{l.ProjectId}",
            };
        }
    }
}
