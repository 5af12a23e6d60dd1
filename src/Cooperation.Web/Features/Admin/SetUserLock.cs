using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Admin;

/// <summary>Locks an account (it can no longer sign in) or unlocks it (and forgets its failed attempts).</summary>
public class SetUserLock(CooperationDbContext db, UserManager<AppUser> users, Access access, IAuditActor actor, TimeProvider clock,
    IStringLocalizer<SetUserLock> text) : IUseCase
{
    /// <summary>Far enough to mean "until unlocked", and storable by every provider (unlike DateTimeOffset.MaxValue).</summary>
    private static readonly TimeSpan Indefinitely = TimeSpan.FromDays(365 * 100);

    /// <returns>null when there is no such user.</returns>
    public async Task<UserCommandResult?> HandleAsync(string id, bool locked, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var errors = new FieldErrors();
        if (locked && user.Id == access.UserId)
        {
            errors.Add("", text["user.ownLock"]);
            return UserCommandResult.Failed(errors);
        }
        var before = Fields(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        if (locked)
        {
            result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Indefinitely));
            // A new security stamp ends the sessions the account already has.
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) errors.Add("", e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? text["common.concurrency"].Value : e.Description);
            return UserCommandResult.Failed(errors);
        }
        UserRules.AuditUserChange(db, actor, clock, user.Id, before, Fields(user));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UserCommandResult(user.Id, errors);
    }

    private static Dictionary<string, object?> Fields(AppUser user) => new()
    {
        [nameof(AppUser.LockoutEnabled)] = user.LockoutEnabled,
        [nameof(AppUser.LockoutEnd)] = user.LockoutEnd,
        [nameof(AppUser.AccessFailedCount)] = user.AccessFailedCount,
    };
}
