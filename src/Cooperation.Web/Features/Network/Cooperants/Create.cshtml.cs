
namespace Cooperation.Web.Features.Network.Cooperants;

public class CreateModel(CreateCooperant create, ReferenceLists lists, IStringLocalizer<CreateModel> text) : PageModel
{
    [BindProperty] public CooperantFormValues Form { get; set; } = new();
    public CooperantFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!create.Allowed) return Forbid();
        await ShowAsync(new Dictionary<string, string[]>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!create.Allowed) return Forbid();
        var saved = await create.HandleAsync(Form.ToInput(), ct);
        if (!saved.Succeeded)
        {
            await ShowAsync(saved.Errors);
            return Page();
        }
        TempData["Flash"] = text["La fiche de {0} {1} a été créée.", Form.FirstName!.Trim(), Form.LastName!.Trim().ToUpperInvariant()].Value;
        return Redirect($"/Network/Cooperants/Details/{saved.Id}");
    }

    private async Task ShowAsync(IReadOnlyDictionary<string, string[]> errors) =>
        View = new CooperantFormView(Form, errors, await lists.AdministrationsAsync(), await lists.DomainsAsync(), OwnContactOnly: false);
}
