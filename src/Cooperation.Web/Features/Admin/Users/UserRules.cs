using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Admin.Users;

/// <summary>A role and the scope it needs: zones for a desk officer, a country (and maybe his record) for a coopérant.</summary>
public record UserScopeInput(string? Role, IReadOnlyList<string>? ZoneCodes, string? CountryIso2, int? CooperantId);

/// <summary>The scope resolved to ids (zones by code), once valid; fields that the role does not use are cleared.</summary>
public record ResolvedScope(string Role, IReadOnlyDictionary<string, int> Zones, int? CountryId, int? CooperantId)
{
    public string Snapshot() => JsonSerializer.Serialize(new { Role, Zones = Zones.Keys.Order().ToList() });
}

/// <summary>Who manages accounts, and the checks shared by the creation and the edition of a user.</summary>
public class UserRules(CooperationDbContext db, Access access, ReferenceCodes codes, IOptions<IdentityOptions> identity,
    IStringLocalizer<UserRules> text) : IUseCase
{
    public static string RoleLabelKey(string? role) => role switch
    {
        Roles.Administrator => "Administrateur",
        Roles.Director => "Directeur",
        Roles.DeskOfficer => "Chargé de mission",
        Roles.Cooperant => "Coopérant",
        Roles.Auditor => "Auditeur",
        _ => role ?? "",
    };

    /// <summary>Accounts, roles and scopes are the administrators' alone.</summary>
    public void Authorize() => ForbiddenException.ThrowUnless(access.IsAdministrator);

    /// <returns>The scope, or null when the role itself is refused; use it only once <paramref name="errors"/> holds none.</returns>
    public async Task<ResolvedScope?> ResolveAsync(UserScopeInput input, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Role) || !Roles.All.Contains(input.Role))
        {
            errors.Add("role", "user.roleRequired");
            return null;
        }
        var zones = new Dictionary<string, int>();
        int? countryId = null, cooperantId = null;
        if (input.Role == Roles.DeskOfficer)
        {
            var wanted = (input.ZoneCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
            if (wanted.Count == 0) errors.Add("zones", "user.zonesRequired");
            foreach (var code in wanted)
                if (await codes.ZoneAsync(code, errors, "zones", "Zones", ct: ct) is { } id) zones[code] = id;
        }
        if (input.Role == Roles.Cooperant)
        {
            if (string.IsNullOrWhiteSpace(input.CountryIso2)) errors.Add("country", "user.countryRequired");
            else countryId = await codes.CountryAsync(input.CountryIso2, errors, "country", ct: ct);
            if (input.CooperantId is { } id)
            {
                if (await db.Cooperants.AnyAsync(c => c.Id == id, ct)) cooperantId = id;
                else errors.Add("cooperantId", "user.cooperantUnknown", id);
            }
        }
        return new ResolvedScope(input.Role, zones, countryId, cooperantId);
    }

    /// <summary>Identity's refusals, in the user's language, each on the field it concerns; a concurrent change is a conflict (409).</summary>
    public void AddIdentityErrors(FieldErrors errors, AppUser user, IEnumerable<IdentityError> refused)
    {
        var password = identity.Value.Password;
        foreach (var e in refused)
        {
            switch (e.Code)
            {
                case nameof(IdentityErrorDescriber.ConcurrencyFailure):
                    throw new DbUpdateConcurrencyException("User " + user.Id + " changed meanwhile");
                case nameof(IdentityErrorDescriber.PasswordTooShort): errors.Add("password", "user.passwordTooShort", password.RequiredLength); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric): errors.Add("password", "user.passwordNonAlphanumeric"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresDigit): errors.Add("password", "user.passwordDigit"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresLower): errors.Add("password", "user.passwordLower"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUpper): errors.Add("password", "user.passwordUpper"); break;
                case nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars):
                    errors.Add("password", "user.passwordUniqueChars", password.RequiredUniqueChars); break;
                case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName):
                    errors.Add("email", "user.emailTaken"); break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName):
                    errors.Add("email", "common.invalidEmail", user.Email ?? ""); break;
                default: errors.Add("", "user.refused", e.Description); break;
            }
        }
    }

    /// <summary>Refuses the command when Identity refused a write: nothing of it is kept (the caller's transaction rolls back).</summary>
    public void ThrowIfFailed(IdentityResult result, AppUser user)
    {
        if (result.Succeeded) return;
        var errors = new FieldErrors(text);
        AddIdentityErrors(errors, user, result.Errors);
        errors.ThrowIfAny();
    }

    /// <summary>The password rules, as the form's hint says them.</summary>
    public string PasswordHint() => text["user.passwordHint", identity.Value.Password.RequiredLength];

    /// <summary>Role and zones live outside the user's row (which the DbContext audits itself): they get an entry of their own.</summary>
    public static AuditEntry AccessEntry(IAuditActor actor, TimeProvider clock, string userId, string? before, string after)
    {
        var (actorId, actorName) = actor.Current;
        return new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = actorId, UserName = actorName, Action = "Access",
            EntityType = nameof(AppUser), EntityKey = userId, Before = before, After = after,
        };
    }

    /// <summary>
    /// Identity's store re-attaches the user before saving, which makes EF forget the values it had: the DbContext then
    /// sees nothing to audit. The fields a command changed are recorded here, in the DbContext's own format, unless it did.
    /// </summary>
    public static void AuditUserChange(CooperationDbContext db, IAuditActor actor, TimeProvider clock, string userId,
        IReadOnlyDictionary<string, object?> before, IReadOnlyDictionary<string, object?> after)
    {
        var changed = after.Keys.Where(k => !Equals(before.GetValueOrDefault(k), after[k])).ToList();
        if (changed.Count == 0) return;
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.Entity.EntityType == nameof(AppUser) && e.Entity.EntityKey == userId
            && e.Entity.Action == "Updated")) return;
        var (actorId, actorName) = actor.Current;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = actorId, UserName = actorName, Action = "Updated",
            EntityType = nameof(AppUser), EntityKey = userId,
            Before = JsonSerializer.Serialize(changed.ToDictionary(k => k, k => before.GetValueOrDefault(k))),
            After = JsonSerializer.Serialize(changed.ToDictionary(k => k, k => after[k])),
        });
    }
}
