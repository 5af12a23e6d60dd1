namespace Cooperation.Web.Features.Network.Cooperants;

public class DetailsModel(GetCooperant get, Access access) : PageModel
{
    public CooperantDetails Cooperant { get; private set; } = null!;
    /// <summary>Posting is the Postings pages' to decide in detail; the button shows to those who may post anyone.</summary>
    public bool CanPost => access.CanEditAnything;

    public async Task OnGetAsync(int id, CancellationToken ct) => Cooperant = await get.HandleAsync(id, ct);
}
