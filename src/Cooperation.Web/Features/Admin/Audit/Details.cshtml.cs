namespace Cooperation.Web.Features.Admin.Audit;

public class DetailsModel(ListAuditEntries audit) : PageModel
{
    public AuditDetail Entry { get; private set; } = null!;

    public async Task OnGetAsync(long id, CancellationToken ct) => Entry = await audit.GetAsync(id, ct);

    public string LocalTime(DateTimeOffset at) => audit.LocalTime(at);
}
