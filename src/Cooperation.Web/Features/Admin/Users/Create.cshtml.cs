using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Admin.Users;

public class CreateModel(CreateUser create, UserRules rules, IOptions<IdentityOptions> identity, ReferenceLists lists,
    IStringLocalizer<CreateModel> text) : UserFormModel(lists)
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string PasswordHint => rules.PasswordHint(identity.Value.Password);

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Binding errors are replaced by the use case's own, said in the user's language.
        ModelState.Clear();
        if (!TryCooperantId(out var cooperantId))
            ModelState.AddModelError(nameof(CooperantId), text["user.cooperantIdInvalid"]);
        var result = ModelState.IsValid
            ? await create.HandleAsync(new CreateUserRequest(Email, DisplayName, Role, Zones, Country, cooperantId, Password), ct)
            : null;
        if (result is { Succeeded: true })
        {
            TempData["Flash"] = text["Le compte {0} a été créé.", Email!.Trim()].Value;
            return RedirectToPage("Edit", new { id = result.UserId });
        }
        if (result is not null) AddErrors(result.Errors);
        await LoadChoicesAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
