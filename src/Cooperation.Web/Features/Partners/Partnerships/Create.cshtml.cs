namespace Cooperation.Web.Features.Partners.Partnerships;

public class CreateModel(CreatePartnership create, Access access, ReferenceLists references, IStringLocalizer<CreateModel> text) : PartnershipFormPage(references)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!access.CanCreatePartnerships) return Forbid();
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await create.HandleAsync(ReadForm(null), ct);
        TempData["Flash"] = text["Le partenariat a été enregistré."].Value;
        return Redirect($"/Partners/Partnerships/{id}");
    }

    public override Task OnRefusedAsync(CancellationToken ct) => LoadChoicesAsync();
}
