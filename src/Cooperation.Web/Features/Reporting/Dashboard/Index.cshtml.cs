using Cooperation.Web.Features.Reporting.Annual;

namespace Cooperation.Web.Features.Reporting.Dashboard;

/// <summary>The dashboard of the user's role (linked from his home page): key figures and charts, each chart with its table.</summary>
public class IndexModel(ComputeDashboard compute, ReferenceLists references, Access access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public Dashboard Dashboard { get; private set; } = null!;
    public List<SelectListItem> Zones { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Offers the world in the scope chooser (headquarters' readers of the whole world).</summary>
    public bool OffersWorld => access.AnnualReportZoneIds is null;

    /// <summary>Offers a zone at all: the readers of the annual report; a school director's and a coopérant's scope is fixed.</summary>
    public bool OffersZones => access.SeesAnnualReport;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Years = Enumerable.Range(0, 10).Select(i => today.Year - i).Where(y => y >= ComputeAnnualReport.FirstYear).ToList();
        if (OffersZones) Zones = await references.ZonesAsync(access.AnnualReportZoneIds?.ToList());
        Dashboard = await compute.HandleAsync(new ComputeDashboard.Query(Year, Zone), ct);
    }
}
