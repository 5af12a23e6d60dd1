using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Admin.Users;

/// <summary>Locks an account (it can no longer sign in) or unlocks it (and forgets its failed attempts).</summary>
public class SetUserLock(CooperationDbContext db, UserManager<AppUser> users, UserRules rules, Access access, IAuditActor actor,
    TimeProvider clock, IStringLocalizer<SetUserLock> text) : IUseCase
{
    /// <summary>Far enough to mean "until unlocked", and storable by every provider (unlike DateTimeOffset.MaxValue).</summary>
    private static readonly TimeSpan Indefinitely = TimeSpan.FromDays(365 * 100);

    public async Task HandleAsync(string id, bool locked, CancellationToken ct = default)
    {
        rules.Authorize();
        var user = await users.FindByIdAsync(id) ?? throw new RecordNotFoundException();
        if (locked && user.Id == access.UserId) throw FieldErrors.One(text, "", "user.ownLock");

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
        rules.ThrowIfFailed(result, user);
        UserRules.AuditUserChange(db, actor, clock, user.Id, before, Fields(user));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static Dictionary<string, object?> Fields(AppUser user) => new()
    {
        [nameof(AppUser.LockoutEnabled)] = user.LockoutEnabled,
        [nameof(AppUser.LockoutEnd)] = user.LockoutEnd,
        [nameof(AppUser.AccessFailedCount)] = user.AccessFailedCount,
    };
}
