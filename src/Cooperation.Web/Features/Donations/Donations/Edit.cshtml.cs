using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// Changes a donation's terms (beneficiary, project, risk note) until its handover, guarded by the version read: a donation
/// changed meanwhile is refused with the fields that differ, never overwritten.
/// </summary>
public class EditModel(EditDonation edit, GetDonation get, ReferenceLists references, ListProjects projects, Access access,
    IStringLocalizer<EditModel> text) : DonationFormPage(references, projects, access)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }

    public DonationDetails Donation { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        var d = Donation;
        (Title, Country, ReceivingAuthority, ReceivingUnit, ProjectId) =
            (d.Title, d.Country, d.ReceivingAuthority, d.ReceivingUnit, d.ProjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (RiskOfDiversion, HumanitarianLaw, StorageAndAccountability) = (d.RiskNote.RiskOfDiversion, d.RiskNote.HumanitarianLaw, d.RiskNote.StorageAndAccountability);
        Version = d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await edit.HandleAsync(Id, new EditDonation.Request(Title, Country, ReceivingAuthority, ReceivingUnit, FormValues.Int(ProjectId),
            RiskOfDiversion, HumanitarianLaw, StorageAndAccountability, FormValues.Int(Version)), ct);
        TempData["Flash"] = text["Le don a été modifié."].Value;
        return Redirect($"/Donations/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Donation = await get.HandleAsync(Id, ct);
        ForbiddenException.ThrowUnless(Donation.CanManage);
        await LoadChoicesAsync(ct);
    }
}
