namespace Cooperation.Web.Features.Reporting.Oda;

/// <summary>ODA of a year, by zone and DAC code, with its totals and the reasons; Excel and CSV through the list's export.</summary>
public class IndexModel(ListOda list, ReferenceLists references, Access access, TimeProvider clock, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListOda.Query, OdaRow>(list)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public List<SelectListItem> Zones { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The totals of every line of the year (not only the page shown).</summary>
    public OdaRow? Totals { get; private set; }

    protected override string DefaultSort => "zone";

    protected override string ExportName => text["apd"];

    protected override IReadOnlyList<Column<OdaRow>> ExportColumns() =>
    [
        new(text["Zone"], r => r.ZoneName),
        new(text["Code CAD"], r => r.DacCode),
        new(text["Secteur CAD"], r => r.DacName),
        new(text["Éligible"], r => r.Eligible),
        new(text["Partiellement éligible"], r => r.Partly),
        new(text["dont part éligible"], r => r.PartlyEligible),
        new(text["Non éligible"], r => r.NotEligible),
        new(text["Non décidé"], r => r.Undecided),
        new(text["Total APD"], r => r.OdaTotal),
        new(text["Projets"], r => r.Projects),
        new(text["Motifs"], r => string.Join(" ; ", r.Reasons)),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesAnnualReport);
        Zones = await references.ZonesAsync(access.AnnualReportZoneIds);
        var thisYear = clock.Today().Year;
        Years = Enumerable.Range(0, 11).Select(i => thisYear - i).ToList();
        Year ??= thisYear - 1;
    }

    protected override async Task OnListedAsync(CancellationToken ct)
    {
        var all = await list.AllAsync(Query, ct);
        Totals = new OdaRow("", text["Total"], "", "", all.Sum(r => r.Eligible), all.Sum(r => r.Partly), all.Sum(r => r.PartlyEligible),
            all.Sum(r => r.NotEligible), all.Sum(r => r.Undecided), all.Sum(r => r.OdaTotal), 0, []);
    }

    protected override ListOda.Query Query => new()
    {
        Year = Year ?? clock.Today().Year - 1, Zone = Zone, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };
}
