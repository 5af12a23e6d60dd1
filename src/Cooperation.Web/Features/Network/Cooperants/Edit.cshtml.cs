
namespace Cooperation.Web.Features.Network.Cooperants;

public class EditModel(EditCooperant edit, GetCooperant get, ReferenceLists lists, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public CooperantFormValues Form { get; set; } = new();
    public CooperantFormView View { get; private set; } = null!;
    public CooperantDetails Cooperant { get; private set; } = null!;
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var mode = await edit.ModeAsync(id, ct);
        if (mode is null || await get.HandleAsync(id, ct) is not { } cooperant) return NotFound();
        if (mode == EditCooperant.Mode.None) return Forbid();
        Cooperant = cooperant;
        Form = CooperantFormValues.From(cooperant);
        await ShowAsync(mode.Value, new Dictionary<string, string[]>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var mode = await edit.ModeAsync(id, ct);
        if (mode is null || await get.HandleAsync(id, ct) is not { } cooperant) return NotFound();
        if (mode == EditCooperant.Mode.None) return Forbid();
        Cooperant = cooperant;

        IReadOnlyDictionary<string, string[]> errors;
        try
        {
            var saved = await edit.HandleAsync(id, Form.ToInput(), ct);
            if (saved is null) return NotFound();
            if (saved.Succeeded)
            {
                TempData["Flash"] = text["La fiche a été enregistrée."].Value;
                return Redirect($"/Network/Cooperants/Details/{id}");
            }
            errors = saved.Errors;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = text["common.concurrency"];
            errors = new Dictionary<string, string[]>();
        }

        if (mode == EditCooperant.Mode.OwnContact)
        {
            // Locked fields are not posted: show them as they stand.
            var current = CooperantFormValues.From(cooperant);
            Form.FirstName = current.FirstName; Form.LastName = current.LastName; Form.Administration = current.Administration;
            Form.Rank = current.Rank; Form.SpecialtyDomain = current.SpecialtyDomain;
        }
        await ShowAsync(mode.Value, errors);
        return Page();
    }

    private async Task ShowAsync(EditCooperant.Mode mode, IReadOnlyDictionary<string, string[]> errors) =>
        View = new CooperantFormView(Form, errors, await lists.AdministrationsAsync(), await lists.DomainsAsync(),
            OwnContactOnly: mode == EditCooperant.Mode.OwnContact);
}
