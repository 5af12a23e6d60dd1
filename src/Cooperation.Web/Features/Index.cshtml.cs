using Cooperation.Web.Features.Donations.Checks;
using Cooperation.Web.Features.Donations.Donations;
using Cooperation.Web.Features.Reporting.Figures;

namespace Cooperation.Web.Features;

/// <summary>The dashboard, at /: the key figures of <see cref="ComputeFigures"/>.</summary>
public class IndexModel(ComputeFigures figures, Access access, ListOverdueChecks overdue, ListDonations donations, FigureCache cache, TimeProvider clock) : PageModel
{
    public KeyFigures Figures { get; private set; } = null!;

    /// <summary>Post-delivery checks overdue in the user's scope (his to see to); null when he reads no donation.</summary>
    public int? OverdueChecks { get; private set; }

    /// <summary>Donations whose latest check did not find an item: an alert for the desk officer and the director.</summary>
    public int? DonationsWithItemsNotFound { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await figures.HandleAsync(ct);
        if (!access.SeesDonations) return;
        // Two counts over every donation's checks: kept as figures are, until a write.
        (OverdueChecks, DonationsWithItemsNotFound) = await cache.GetOrComputeAsync("dashboard-donations", access, "", clock.Today(), async () =>
            ((await overdue.AllAsync(new ListOverdueChecks.Query(), ct)).Count,
             (await donations.HandleAsync(new ListDonations.Query(NotFound: true, PageSize: 1), ct)).Total));
    }
}
