namespace Cooperation.Web.Features.Network.Cooperants;

public class CreateModel(CreateCooperant create, ReferenceLists lists, IStringLocalizer<CreateModel> text) : CooperantFormPage(lists)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!create.Allowed) return Forbid();
        await OnRefusedAsync(default);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await create.HandleAsync(Form.ToInput(), ct);
        TempData["Flash"] = text["La fiche de {0} {1} a été créée.", Form.FirstName!.Trim(), Form.LastName!.Trim().ToUpperInvariant()].Value;
        return Redirect($"/Network/Cooperants/{id}");
    }

    public override Task OnRefusedAsync(CancellationToken ct) => ShowFormAsync(ownContactOnly: false);
}
