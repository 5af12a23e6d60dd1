namespace Cooperation.Web.Features.Network.Cooperants;

public class EditModel(EditCooperant edit, GetCooperant get, ReferenceLists lists, IStringLocalizer<EditModel> text) : CooperantFormPage(lists)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public CooperantDetails Cooperant { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cooperant = await get.HandleAsync(Id, ct);
        Form = CooperantFormValues.From(Cooperant);
        await ShowFormAsync(await edit.ModeAsync(Id, ct) == EditCooperant.Mode.OwnContact);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await edit.HandleAsync(Id, Form.ToInput(), ct);
        TempData["Flash"] = text["La fiche a été enregistrée."].Value;
        return Redirect($"/Network/Cooperants/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Cooperant = await get.HandleAsync(Id, ct);
        var ownContactOnly = await edit.ModeAsync(Id, ct) == EditCooperant.Mode.OwnContact;
        if (ownContactOnly)
        {
            // Locked fields are not posted: show them as they stand.
            var current = CooperantFormValues.From(Cooperant);
            (Form.FirstName, Form.LastName, Form.Administration, Form.Rank, Form.SpecialtyDomain) =
                (current.FirstName, current.LastName, current.Administration, current.Rank, current.SpecialtyDomain);
        }
        await ShowFormAsync(ownContactOnly);
    }
}
