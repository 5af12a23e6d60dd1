namespace Cooperation.Web.Features.Reporting.Quality;

/// <summary>The data quality page: per zone the lines to fix, each linking to its list, the score and its trend; per desk officer.</summary>
public class IndexModel(ComputeQuality compute, ReferenceLists references, Access access) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public QualityReport? Report { get; private set; }
    public List<SelectListItem> Zones { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Report = await compute.HandleAsync(new ComputeQuality.Query(Zone), ct);
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesAnnualReport);
        Zones = await references.ZonesAsync(access.AnnualReportZoneIds?.ToList());
    }
}
