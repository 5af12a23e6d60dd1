namespace Cooperation.Web.Features.Admin.Users;

public class CreateModel(CreateUser create, UserRules rules, ReferenceLists lists, IStringLocalizer<CreateModel> text) : UserFormModel(lists)
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string PasswordHint => rules.PasswordHint();

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cooperantId = Number(nameof(CooperantId), CooperantId);
        ThrowIfInvalid();
        var id = await create.HandleAsync(new CreateUser.Request(Email, DisplayName, Role, Zones, Country, cooperantId, Password), ct);
        TempData["Flash"] = text["Le compte {0} a été créé.", Email!.Trim()].Value;
        return Redirect($"/Admin/Users/{id}/Edit");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        create.Authorize();
        await LoadChoicesAsync();
    }
}
