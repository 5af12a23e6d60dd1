using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Account;

public class LogoutModel(EndSessions end, SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the account's sessions on the server (a copied cookie is no use any more), then deletes this browser's cookie.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await end.HandleAsync(ct);
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
