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
    IReadOnlyList<FollowUpLine> Lines);

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

        var seats = modes.Contains(ProgrammeMode.Training)
            ? await db.SessionQuotas.AsNoTracking()
                .Where(q => countries.Contains(q.CountryId) && q.Session!.StartDate >= from && q.Session.StartDate <= to && q.Session.Status != SessionStatus.Cancelled)
                .Select(q => new { q.CountryId, q.Session!.StartDate, q.Session.EndDate, q.Session.Status, q.Session.Course!.SchoolId, q.Session.Course.DomainId, q.Seats })
                .GroupBy(x => new { x.CountryId, x.StartDate.Year, x.SchoolId, x.DomainId })
                .Select(g => new
                {
                    g.Key.CountryId, g.Key.Year, g.Key.SchoolId, g.Key.DomainId, Seats = g.Sum(x => x.Seats),
                    Closed = g.Sum(x => x.EndDate < today || x.Status == SessionStatus.Completed ? x.Seats : 0),
                })
                .ToDictionaryAsync(x => (x.CountryId, x.Year, x.SchoolId, x.DomainId), ct)
            : [];
        var used = modes.Contains(ProgrammeMode.Training)
            ? await db.Nominations.AsNoTracking()
                .Where(n => countries.Contains(n.CountryId) && n.Status == NominationStatus.Accepted && n.Session!.StartDate >= from
                    && n.Session.StartDate <= to && n.Session.Status != SessionStatus.Cancelled)
                .Select(n => new { n.CountryId, n.Session!.StartDate, n.Session.EndDate, n.Session.Status, n.Session.Course!.SchoolId, n.Session.Course.DomainId, n.Result })
                .GroupBy(x => new { x.CountryId, x.StartDate.Year, x.SchoolId, x.DomainId })
                .Select(g => new
                {
                    g.Key.CountryId, g.Key.Year, g.Key.SchoolId, g.Key.DomainId, Used = g.Count(),
                    Trained = g.Count(x => x.Result == TrainingResult.Passed),
                    Closed = g.Count(x => x.EndDate < today || x.Status == SessionStatus.Completed),
                })
                .ToDictionaryAsync(x => (x.CountryId, x.Year, x.SchoolId, x.DomainId), ct)
            : [];
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
        var donations = modes.Contains(ProgrammeMode.Donations)
            ? await db.DonationItems.AsNoTracking()
                .Where(i => countries.Contains(i.Donation!.CountryId) && Handed.Contains(i.Donation.Status)
                    && i.Donation.HandedOverOn >= from && i.Donation.HandedOverOn <= to)
                .Select(i => new { i.Donation!.CountryId, HandedOverOn = i.Donation.HandedOverOn!.Value, i.Category, i.DonationId, i.EuroValue })
                .GroupBy(x => new { x.CountryId, x.HandedOverOn.Year, x.Category })
                .Select(g => new { g.Key.CountryId, g.Key.Year, g.Key.Category, Value = g.Sum(x => x.EuroValue), Donations = g.Select(x => x.DonationId).Distinct().Count() })
                .ToDictionaryAsync(x => (x.CountryId, x.Year, x.Category), ct)
            : [];
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

        var names = await NamesAsync(lines, countries, ct);
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
                        var key = (p.CountryId, p.Year, l.SchoolId ?? 0, l.DomainId ?? 0);
                        var s = seats.GetValueOrDefault(key);
                        var u = used.GetValueOrDefault(key);
                        var unused = Math.Max(0, (s?.Closed ?? 0) - (u?.Closed ?? 0));
                        done = u?.Used ?? 0;
                        row = row with { QuotaPlaces = s?.Seats ?? 0, PlacesUsed = u?.Used ?? 0, Trained = u?.Trained ?? 0, UnusedInClosedSessions = unused };
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
                        var d = donations.GetValueOrDefault((p.CountryId, p.Year, l.Category ?? 0));
                        done = d?.Value ?? 0;
                        row = row with { Donations = d?.Donations ?? 0, DonatedValue = d?.Value ?? 0 };
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
                withBudgets ? committedTotal : 0, withBudgets ? disbursedTotal : 0, rows.Count(r => r.OffCourse), rows);
        }
        return result;
    }

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

    private async Task<LineNames> NamesAsync(List<ProgrammeLineTerms> lines, List<int> countries, CancellationToken ct)
    {
        var schoolIds = lines.Where(l => l.SchoolId is not null).Select(l => l.SchoolId!.Value).Distinct().ToList();
        var domainIds = lines.Where(l => l.DomainId is not null).Select(l => l.DomainId!.Value).Distinct().ToList();
        var projectIds = lines.Where(l => l.ProjectId is not null).Select(l => l.ProjectId!.Value).Distinct().ToList();
        return new LineNames(
            await db.RegionalSchools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Acronym, ct),
            await db.Domains.AsNoTracking().Where(d => domainIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.Code, Names.Pick(d.NameFr, d.NameEn)), ct),
            await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct),
            await db.Countries.AsNoTracking().Where(c => countries.Contains(c.Id)).Select(c => new { c.Id, c.Iso2 }).ToDictionaryAsync(c => c.Id, c => c.Iso2, ct));
    }

    /// <summary>How a line is named on a page, and where the records behind it are listed.</summary>
    private sealed record LineNames(Dictionary<int, string> Schools, Dictionary<int, (string Code, string Name)> Domains, Dictionary<int, string> Projects,
        Dictionary<int, string> Countries)
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
