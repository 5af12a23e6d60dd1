using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Admin;

/// <summary>
/// New display name, role and scope of a user. <see cref="ConcurrencyStamp"/> is the one the form was shown with:
/// a user changed meanwhile is not overwritten.
/// </summary>
public record EditUserRequest(
    string? DisplayName,
    string? Role,
    IReadOnlyList<string>? ZoneCodes,
    string? CountryIso2,
    int? CooperantId,
    string? ConcurrencyStamp);

public class EditUser(CooperationDbContext db, UserManager<AppUser> users, UserRules rules, IOptions<IdentityOptions> identity,
    Access access, IAuditActor actor, TimeProvider clock, IStringLocalizer<EditUser> text) : IUseCase
{
    /// <returns>null when there is no such user.</returns>
    public async Task<UserCommandResult?> HandleAsync(string id, EditUserRequest request, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var errors = new FieldErrors();
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors.Add("displayName", text["common.required", text["Nom affiché"]]);
        else if (displayName.Length > 200) errors.Add("displayName", text["user.displayNameTooLong", 200]);
        var scope = await rules.ResolveAsync(new UserScopeInput(request.Role, request.ZoneCodes, request.CountryIso2, request.CooperantId), errors, ct);
        var currentRoles = await users.GetRolesAsync(user);
        // An administrator who demoted herself could no longer undo it.
        if (user.Id == access.UserId && scope is not null && scope.Role != Roles.Administrator)
            errors.Add("role", text["user.ownRole"]);
        // Identity checks the stamp it read, not the form's: a form shown before another change must not overwrite it.
        if (request.ConcurrencyStamp is { Length: > 0 } stamp && stamp != user.ConcurrencyStamp) errors.Add("", text["common.concurrency"]);
        if (errors.Count > 0 || scope is null) return UserCommandResult.Failed(errors);

        var zones = await db.UserZones.Where(z => z.UserId == user.Id).Include(z => z.Zone).ToListAsync(ct);
        var before = new ResolvedScope(currentRoles.Order().FirstOrDefault() ?? "", zones.Select(z => z.Zone!).ToList(), user.ScopeCountryId, user.CooperantId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var fieldsBefore = Fields(user);
        user.DisplayName = displayName;
        user.ScopeCountryId = scope.CountryId;
        user.CooperantId = scope.CooperantId;
        var wanted = scope.Zones.Select(z => z.Id).ToHashSet();
        db.UserZones.RemoveRange(zones.Where(z => !wanted.Contains(z.ZoneId)));
        db.UserZones.AddRange(wanted.Except(zones.Select(z => z.ZoneId)).Select(z => new UserZone { UserId = user.Id, ZoneId = z }));
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !currentRoles.SequenceEqual([scope.Role]))
        {
            if (currentRoles.Count > 0) result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, scope.Role);
        }
        if (!result.Succeeded)
        {
            rules.AddIdentityErrors(result.Errors, errors, identity.Value.Password);
            return UserCommandResult.Failed(errors);
        }
        UserRules.AuditUserChange(db, actor, clock, user.Id, fieldsBefore, Fields(user));
        if (before.Snapshot() != scope.Snapshot())
        {
            db.AuditEntries.Add(UserRules.AccessEntry(actor, clock, user.Id, before.Snapshot(), scope.Snapshot()));
            // Sessions and tokens carry the old scope in their claims: a new stamp makes the cookie re-read them.
            await users.UpdateSecurityStampAsync(user);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UserCommandResult(user.Id, errors);
    }

    private static Dictionary<string, object?> Fields(AppUser user) => new()
    {
        [nameof(AppUser.DisplayName)] = user.DisplayName,
        [nameof(AppUser.ScopeCountryId)] = user.ScopeCountryId,
        [nameof(AppUser.CooperantId)] = user.CooperantId,
    };
}
