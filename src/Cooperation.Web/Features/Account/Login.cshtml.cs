using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Cooperation.Web.Features.Account;

[EnableRateLimiting(RateLimits.Login)]
public class LoginModel(CheckLogin check, SignInManager<AppUser> signIn, IStringLocalizer<LoginModel> text) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await check.HandleAsync(Email ?? "", Password ?? "") is not { } user)
        {
            Error = text["login.invalid"];
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(LocalUrls.OrHome(ReturnUrl));
    }
}
