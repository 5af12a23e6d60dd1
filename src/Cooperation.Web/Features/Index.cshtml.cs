using Cooperation.Web.Features.Donations.Checks;
using Cooperation.Web.Features.Donations.Donations;
using Cooperation.Web.Features.Home;

namespace Cooperation.Web.Features;

/// <summary>
/// The home page, at /: what the user's role has to do next, within his scope (<see cref="GetHome"/>); the
/// directorate's key figures for those who read every area.
/// </summary>
public class IndexModel(GetHome home, Access access, ListOverdueChecks overdue, ListDonations donations, FigureCache cache, TimeProvider clock) : PageModel
{
    public HomePage Home { get; private set; } = null!;

    /// <summary>Post-delivery checks overdue in the user's scope (his to see to); null when he reads no donation.</summary>
    public int? OverdueChecks { get; private set; }

    /// <summary>Donations whose latest check did not find an item: an alert for the director.</summary>
    public int? DonationsWithItemsNotFound { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await home.HandleAsync(ct);
        if (Home.World is null || !access.SeesDonations) return;
        // Two counts over every donation's checks: kept as figures are, until a write.
        (OverdueChecks, DonationsWithItemsNotFound) = await cache.GetOrComputeAsync("dashboard-donations", access, "", clock.Today(), async () =>
            ((await overdue.AllAsync(new ListOverdueChecks.Query(), ct)).Count,
             (await donations.HandleAsync(new ListDonations.Query { NotFound = true, PageSize = 1 }, ct)).Total));
    }
}
