using Cooperation.Web.Features.Reporting;

namespace Cooperation.Web.Features;

public class IndexModel(ComputeFigures figures) : PageModel
{
    public Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await figures.HandleAsync(ct);
}
