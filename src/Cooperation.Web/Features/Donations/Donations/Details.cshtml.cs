namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>A donation's page: its terms, items, risk note, handover and checks; those who may act on it move it along its cycle here.</summary>
public class DetailsModel(GetDonation get, ChangeDonationStatus change, AttachEndUserStatement attach, GetDonationFile files,
    IStringLocalizer<DetailsModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public IFormFile? Statement { get; set; }

    public DonationDetails Donation { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostStatusAsync(string? to, CancellationToken ct)
    {
        await change.HandleAsync(Id, new ChangeDonationStatus.Request(to, Reason, FormValues.Int(Version)), ct);
        TempData["Flash"] = text["Le statut du don a été changé."].Value;
        return Redirect($"/Donations/{Id}");
    }

    public async Task<IActionResult> OnPostStatementAsync(CancellationToken ct)
    {
        await attach.HandleAsync(Id, Statement, FormValues.Int(Version), ct);
        TempData["Flash"] = text["Le certificat d'utilisation finale est joint."].Value;
        return Redirect($"/Donations/{Id}");
    }

    public async Task<IActionResult> OnGetStatementAsync(CancellationToken ct) =>
        (await files.HandleAsync(Id, GetDonationFile.Kind.EndUserStatement, ct)).ToPageResult();

    public async Task<IActionResult> OnGetHandoverDocumentAsync(CancellationToken ct) =>
        (await files.HandleAsync(Id, GetDonationFile.Kind.HandoverDocument, ct)).ToPageResult();

    public async Task<IActionResult> OnGetPhotoAsync(int checkId, int itemId, CancellationToken ct) =>
        (await files.PhotoAsync(Id, checkId, itemId, ct)).ToPageResult();

    /// <summary>A refusal shows above the page, the file's and the reason's beside their fields.</summary>
    public override string FormField(string field) => field switch { "file" => nameof(Statement), "reason" => nameof(Reason), _ => "" };

    public override async Task OnRefusedAsync(CancellationToken ct) => Donation = await get.HandleAsync(Id, ct);
}
