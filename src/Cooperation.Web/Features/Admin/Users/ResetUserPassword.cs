using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Admin.Users;

/// <summary>
/// A new password for an account, set by an administrator (a user who forgot hers has no other way: there is no e-mail
/// reset). Identity gives the account a new security stamp with it, which ends every session and token it had.
/// </summary>
public class ResetUserPassword(CooperationDbContext db, UserManager<AppUser> users, UserRules rules, IAuditActor actor, TimeProvider clock,
    IStringLocalizer<ResetUserPassword> text) : IUseCase
{
    /// <param name="Password">The new password (Identity's rules).</param>
    public record Request(string? Password);

    public async Task HandleAsync(string id, Request request, CancellationToken ct = default)
    {
        rules.Authorize();
        var user = await users.FindByIdAsync(id) ?? throw new RecordNotFoundException();
        if (string.IsNullOrEmpty(request.Password))
        {
            var errors = new FieldErrors(text);
            errors.Add("password", "common.required", errors.Label("Mot de passe"));
            errors.ThrowIfAny();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), request.Password!);
        rules.ThrowIfFailed(result, user);
        db.AuditEntries.Add(PasswordEntry(actor, clock, user.Id));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The password itself is never audited (nor its hash): that it was replaced, by whom and when, is.</summary>
    public static AuditEntry PasswordEntry(IAuditActor actor, TimeProvider clock, string userId)
    {
        var (actorId, actorName) = actor.Current;
        return new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = actorId, UserName = actorName, Action = "Updated",
            EntityType = nameof(AppUser), EntityKey = userId, Before = """{"Password":"…"}""", After = """{"Password":"réinitialisé"}""",
        };
    }
}
