using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Admin.Users;

/// <summary>
/// New display name, role and scope of a user, from the <see cref="Request.ConcurrencyStamp"/> the form was shown
/// with: a user changed meanwhile is not overwritten (409).
/// </summary>
public class EditUser(CooperationDbContext db, UserManager<AppUser> users, UserRules rules, Access access, IAuditActor actor,
    TimeProvider clock, IStringLocalizer<EditUser> text) : IUseCase
{
    public record Request(
        string? DisplayName, string? Role, IReadOnlyList<string>? ZoneCodes, string? CountryIso2, int? CooperantId,
        string? ConcurrencyStamp);

    public async Task HandleAsync(string id, Request request, CancellationToken ct = default)
    {
        rules.Authorize();
        var user = await users.FindByIdAsync(id) ?? throw new RecordNotFoundException();
        var errors = new FieldErrors(text);
        var displayName = errors.Text("displayName", "Nom affiché", request.DisplayName);
        var scope = await rules.ResolveAsync(new UserScopeInput(request.Role, request.ZoneCodes, request.CountryIso2, request.CooperantId), errors, ct);
        // An administrator who demoted herself could no longer undo it.
        if (user.Id == access.UserId && scope is not null && scope.Role != Roles.Administrator) errors.Add("role", "user.ownRole");
        errors.ThrowIfAny();
        // Identity checks the stamp it read, not the form's: a form shown before another change must not overwrite it.
        if (request.ConcurrencyStamp is { Length: > 0 } stamp && stamp != user.ConcurrencyStamp)
            throw new DbUpdateConcurrencyException("User " + user.Id + " changed since the form was read");

        var currentRoles = await users.GetRolesAsync(user);
        var zones = await db.UserZones.Where(z => z.UserId == user.Id).Include(z => z.Zone).ToListAsync(ct);
        var before = new ResolvedScope(currentRoles.Order().FirstOrDefault() ?? "", zones.ToDictionary(z => z.Zone!.Code, z => z.ZoneId),
            user.ScopeCountryId, user.CooperantId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var fieldsBefore = Fields(user);
        user.DisplayName = displayName!;
        user.ScopeCountryId = scope!.CountryId;
        user.CooperantId = scope.CooperantId;
        var wanted = scope.Zones.Values.ToHashSet();
        db.UserZones.RemoveRange(zones.Where(z => !wanted.Contains(z.ZoneId)));
        db.UserZones.AddRange(wanted.Except(zones.Select(z => z.ZoneId)).Select(z => new UserZone { UserId = user.Id, ZoneId = z }));
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !currentRoles.SequenceEqual([scope.Role]))
        {
            if (currentRoles.Count > 0) result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, scope.Role);
        }
        rules.ThrowIfFailed(result, user);
        UserRules.AuditUserChange(db, actor, clock, user.Id, fieldsBefore, Fields(user));
        if (before.Snapshot() != scope.Snapshot())
            db.AuditEntries.Add(UserRules.AccessEntry(actor, clock, user.Id, before.Snapshot(), scope.Snapshot()));
        // Sessions and tokens carry the role and the scope (zones, country, record) in their claims: a new stamp ends
        // them, and the user signs in again with the new ones.
        if (before.Snapshot() != scope.Snapshot() || before.CountryId != user.ScopeCountryId || before.CooperantId != user.CooperantId)
            result = await users.UpdateSecurityStampAsync(user);
        rules.ThrowIfFailed(result, user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static Dictionary<string, object?> Fields(AppUser user) => new()
    {
        [nameof(AppUser.DisplayName)] = user.DisplayName,
        [nameof(AppUser.ScopeCountryId)] = user.ScopeCountryId,
        [nameof(AppUser.CooperantId)] = user.CooperantId,
    };
}
