namespace Cooperation.Web.Features.Partners.Partnerships;

public class EditModel(EditPartnership edit, GetPartnership get, ReferenceLists references, IStringLocalizer<EditModel> text) : PartnershipFormPage(references)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await get.HandleAsync(Id, ct);
        if (!page.CanManage) return Forbid();
        Fill(page);
        Version = page.Partnership.Version.ToString();
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await edit.HandleAsync(Id, ReadForm(long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["Le partenariat a été modifié."].Value;
        return Redirect($"/Partners/Partnerships/{Id}");
    }

    public override Task OnRefusedAsync(CancellationToken ct) => LoadChoicesAsync();
}
