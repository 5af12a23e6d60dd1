using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Account;

/// <summary>
/// One password check for the login page and the API: failures count towards the lock-out. An unknown address, a wrong
/// password and a locked account get the same refusal, after the same work (one password hash), so that neither the
/// answer nor its delay tells whether an account exists or is locked.
/// </summary>
public class CheckLogin(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    IOptions<PasswordHasherOptions> hashing) : IUseCase
{
    /// <summary>
    /// Hashes made with the same algorithm and work factor as the accounts', to verify when there is no account's to
    /// verify: one per work factor (one in a running application; the tests run several).
    /// </summary>
    private static readonly ConcurrentDictionary<int, string> Decoys = new();

    /// <returns>The account when the password is right and the account may sign in; null otherwise.</returns>
    public async Task<AppUser?> HandleAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account before hashing: hash anyway, the time it takes is the answer too.
            var decoy = Decoys.GetOrAdd(hashing.Value.IterationCount, _ => hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString()));
            hasher.VerifyHashedPassword(new AppUser(), decoy, password);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
