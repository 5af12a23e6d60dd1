namespace Cooperation.Web.Features.Reporting.Oda;

/// <summary>
/// A line of the ODA table of a year: a zone and a DAC purpose code, the disbursements of the year (euros) of its
/// projects by their ODA eligibility — eligible, partly eligible (and of that, the eligible share), not eligible, not
/// yet decided — their ODA total (eligible plus eligible shares), how many projects, and the reasons given for the
/// partly and not eligible ones.
/// </summary>
public record OdaRow(
    string Zone, string ZoneName, string DacCode, string DacName, decimal Eligible, decimal Partly, decimal PartlyEligible,
    decimal NotEligible, decimal Undecided, decimal OdaTotal, int Projects, IReadOnlyList<string> Reasons);

/// <summary>
/// Official development assistance per year: the disbursements dated in the year, in euros, of the projects in the
/// reader's scope (a desk officer: her zones; the director, auditor and administrator: the world), by the zone of the
/// project and its DAC purpose codes (split by their percentages), under the project's eligibility. A partly eligible
/// project counts in full under "partly" and by its eligible share in the ODA total. Summed in SQL by project, split by
/// sector in memory (a few hundred projects at most). The list, the API and the annual report's section all read
/// <see cref="LinesAsync"/>, kept like the other aggregates (<see cref="FigureCache"/>, a past year's until a write
/// that may reach it).
/// </summary>
public class ListOda(CooperationDbContext db, Access access, TimeProvider clock, ReferenceCodes codes, FigureCache cache, IStringLocalizer<ListOda> text)
    : IListUseCase<ListOda.Query, OdaRow>
{
    /// <summary>The code of the line of projects without DAC sectors.</summary>
    public const string Unclassified = "—";

    public record Query
    {
        /// <summary>The calendar year of the disbursements (required).</summary>
        public int? Year { get; init; }
        /// <summary>Code of a zone (AFS, AFN...); none for every zone of the reader's scope.</summary>
        public string? Zone { get; init; }
        /// <summary>zone, code or oda (the ODA total); "-" first for descending (default zone, then code).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["zone", "code", "oda"];

    public async Task<Paged<OdaRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var rows = await AllAsync(query, ct);
        return Paging.Page(rows, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<OdaRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesAnnualReport);
        var errors = new FieldErrors(text);
        var year = errors.Required("year", "Année", query.Year);
        if (year is { } y && (y < Annual.ComputeAnnualReport.FirstYear || y > clock.Today().Year))
            errors.Add("year", "report.year", Annual.ComputeAnnualReport.FirstYear, clock.Today().Year);
        var zoneId = await codes.ZoneAsync(query.Zone, errors, required: false, ct: ct);
        errors.ThrowIfAny();
        if (zoneId is not null) ForbiddenException.ThrowUnless(access.MayReadAnnualReport(zoneId));
        var zones = zoneId is { } one ? new HashSet<int> { one } : access.AnnualReportZoneIds;
        return Sort(await LinesAsync(year!.Value, zones, ct), query.Sort);
    }

    /// <summary>
    /// The ODA lines of a year for some zones (null: every zone), whoever asks: the caller has decided the scope
    /// (the list above by <see cref="Access"/>, the annual report by its own). Counted once for the year, the zones and
    /// the language, then kept until a write (the list's page read them twice, for its page and its totals, and every
    /// request summed the year's disbursements again: 19–21 ms at scale 10, 69 ms at scale 100). Shared: not to be
    /// changed by the caller.
    /// </summary>
    public Task<List<OdaRow>> LinesAsync(int year, IReadOnlySet<int>? zoneIds, CancellationToken ct) =>
        cache.GetOrComputeAsync("oda", access, $"{year};{(zoneIds is null ? "*" : string.Join(',', zoneIds.Order()))}", clock.Today(),
            () => CountLinesAsync(year, zoneIds, ct), ofYear: year);

    private async Task<List<OdaRow>> CountLinesAsync(int year, IReadOnlySet<int>? zoneIds, CancellationToken ct)
    {
        var (first, last) = Calendar.YearBounds(year);
        var disbursed = db.ProjectTransactions.AsNoTracking()
            .Where(t => t.Kind == TransactionKind.Disbursement && t.Date >= first && t.Date <= last);
        if (zoneIds is not null) disbursed = disbursed.Where(t => zoneIds.Contains(t.Project!.ZoneId));
        var byProject = await disbursed.GroupBy(t => t.ProjectId).Select(g => new { ProjectId = g.Key, Amount = g.Sum(t => t.EuroValue) }).ToListAsync(ct);
        var ids = byProject.Select(p => p.ProjectId).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Oda, p.OdaEligibleShare, p.OdaReason, Zone = p.Zone!.Code, ZoneFr = p.Zone.NameFr, ZoneEn = p.Zone.NameEn,
                Sectors = p.Sectors.Select(s => new { s.Code, s.Percentage }).ToList(),
            }).AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
        var codesUsed = projects.Values.SelectMany(p => p.Sectors.Select(s => s.Code)).Distinct().ToList();
        var sectorNames = await db.DacSectors.AsNoTracking().Where(s => codesUsed.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => Names.Pick(s.NameFr, s.NameEn), ct);

        var parts = byProject.SelectMany(d =>
        {
            var p = projects[d.ProjectId];
            var sectors = p.Sectors.Count == 0 ? [(Code: Unclassified, Share: 100m)] : p.Sectors.Select(s => (s.Code, Share: s.Percentage)).ToList();
            return sectors.Select(s => (Project: p.Id, p.Zone, ZoneName: Names.Pick(p.ZoneFr, p.ZoneEn), s.Code, p.Oda, p.OdaEligibleShare, p.OdaReason,
                Amount: Math.Round(d.Amount * s.Share / 100m, 2, MidpointRounding.AwayFromZero)));
        }).ToList();

        return parts.GroupBy(x => (x.Zone, x.Code)).Select(g =>
            {
                decimal Of(OdaEligibility? oda) => g.Where(x => x.Oda == oda).Sum(x => x.Amount);
                var partlyEligible = g.Where(x => x.Oda == OdaEligibility.Partly)
                    .Sum(x => Math.Round(x.Amount * (x.OdaEligibleShare ?? 0) / 100m, 2, MidpointRounding.AwayFromZero));
                var eligible = Of(OdaEligibility.Eligible);
                return new OdaRow(g.Key.Zone, g.First().ZoneName, g.Key.Code,
                    g.Key.Code == Unclassified ? text["Sans secteur CAD"] : sectorNames.GetValueOrDefault(g.Key.Code, g.Key.Code),
                    eligible, Of(OdaEligibility.Partly), partlyEligible, Of(OdaEligibility.NotEligible), Of(null), eligible + partlyEligible,
                    g.Select(x => x.Project).Distinct().Count(),
                    g.Where(x => x.Oda != OdaEligibility.Eligible && !string.IsNullOrWhiteSpace(x.OdaReason)).Select(x => x.OdaReason!.Trim())
                        .Distinct().Order(StringComparer.Ordinal).ToList());
            })
            .OrderBy(r => r.Zone, StringComparer.Ordinal).ThenBy(r => r.DacCode, StringComparer.Ordinal).ToList();
    }

    private static List<OdaRow> Sort(List<OdaRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("zone", false);
        Func<OdaRow, object> by = key switch { "code" => r => r.DacCode, "oda" => r => r.OdaTotal, _ => r => r.Zone };
        var ordered = descending ? rows.OrderByDescending(by) : rows.OrderBy(by);
        return ordered.ThenBy(r => r.Zone, StringComparer.Ordinal).ThenBy(r => r.DacCode, StringComparer.Ordinal).ToList();
    }
}
