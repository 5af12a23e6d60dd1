using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Account;

/// <summary>
/// Logout: a new security stamp for the signed-in account, so that every session it holds (page cookies, API access and
/// refresh tokens, here or on another machine) is refused from then on, not merely the cookie this browser deletes.
/// </summary>
public class EndSessions(UserManager<AppUser> users, Access access) : IUseCase
{
    public async Task HandleAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (access.UserId is { } id && await users.FindByIdAsync(id) is { } user)
            await users.UpdateSecurityStampAsync(user);
    }
}
