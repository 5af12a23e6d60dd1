using Cooperation.Web.Features.Reporting.Figures;

namespace Cooperation.Web.Features;

/// <summary>The dashboard, at /: the key figures of <see cref="ComputeFigures"/>.</summary>
public class IndexModel(ComputeFigures figures) : PageModel
{
    public KeyFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await figures.HandleAsync(ct);
}
