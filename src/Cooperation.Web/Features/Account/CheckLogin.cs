using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Account;

public enum LoginOutcome { Success, Invalid, LockedOut }

/// <summary>One password check for the login page and the API: failures count towards the lock-out.</summary>
public class CheckLogin(SignInManager<AppUser> signIn, UserManager<AppUser> users) : IUseCase
{
    /// <returns>The outcome, and the account when the password is right.</returns>
    public async Task<(LoginOutcome Outcome, AppUser? User)> HandleAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return (LoginOutcome.Invalid, null);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? (LoginOutcome.Success, user)
            : (result.IsLockedOut ? LoginOutcome.LockedOut : LoginOutcome.Invalid, null);
    }
}
