namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>A partnership's page: its agreement, contributions, the actions it covers, and (for its managers) attaching one.</summary>
public class DetailsModel(GetPartnership get, AttachPartnershipAction attach, PartnershipAgreement agreements, IStringLocalizer<DetailsModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? ActionId { get; set; }
    [BindProperty] public IFormFile? Agreement { get; set; }

    public PartnershipPage Partnership { get; private set; } = null!;

    public override string FormField(string field) => field == "id" ? nameof(ActionId) : base.FormField(field);

    public async Task OnGetAsync(CancellationToken ct) => Partnership = await get.HandleAsync(Id, ct);

    public async Task<IActionResult> OnPostAttachAsync(CancellationToken ct)
    {
        var id = Number(nameof(ActionId), ActionId);
        ThrowIfInvalid();
        await attach.HandleAsync(Id, new AttachPartnershipAction.Request(Kind, id), ct);
        TempData["Flash"] = text["L'action a été rattachée au partenariat."].Value;
        return Redirect($"/Partners/Partnerships/{Id}");
    }

    public async Task<IActionResult> OnPostDetachAsync(string kind, int actionId, CancellationToken ct)
    {
        await attach.HandleAsync(Id, new AttachPartnershipAction.Request(kind, actionId, Detach: true), ct);
        TempData["Flash"] = text["L'action n'est plus rattachée au partenariat."].Value;
        return Redirect($"/Partners/Partnerships/{Id}");
    }

    public async Task<IActionResult> OnPostAgreementAsync(CancellationToken ct)
    {
        await agreements.AttachAsync(Id, Agreement, ct);
        TempData["Flash"] = text["L'accord signé a été joint."].Value;
        return Redirect($"/Partners/Partnerships/{Id}");
    }

    public async Task<IActionResult> OnGetAgreementAsync(CancellationToken ct) => (await agreements.DownloadAsync(Id, ct)).ToPageResult();

    public override async Task OnRefusedAsync(CancellationToken ct) => Partnership = await get.HandleAsync(Id, ct);
}
