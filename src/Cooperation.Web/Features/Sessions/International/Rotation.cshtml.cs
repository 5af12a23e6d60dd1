namespace Cooperation.Web.Features.Sessions.International;

public class RotationModel(GetRotation rotation) : PageModel
{
    public RotationPlan Plan { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Plan = await rotation.HandleAsync(ct);
}
