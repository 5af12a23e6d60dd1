using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Admin;

/// <summary>A role and the scope it needs: zones for a desk officer, a country (and maybe his record) for a coopérant.</summary>
public record UserScopeInput(string? Role, IReadOnlyList<string>? ZoneCodes, string? CountryIso2, int? CooperantId);

/// <summary>The scope resolved to ids, once valid; fields that the role does not use are cleared.</summary>
public record ResolvedScope(string Role, IReadOnlyList<Zone> Zones, int? CountryId, int? CooperantId)
{
    public string Snapshot() => JsonSerializer.Serialize(new { Role, Zones = Zones.Select(z => z.Code).Order().ToList() });
}

/// <summary>Errors of a user form or request, by field (the API's camelCase names), in the user's language.</summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}

/// <summary>What a command on a user answers: the user's id, or the errors that stopped it (nothing written).</summary>
public record UserCommandResult(string? UserId, FieldErrors Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static UserCommandResult Failed(FieldErrors errors) => new(null, errors);
}

/// <summary>Checks shared by the creation and the edition of a user.</summary>
public class UserRules(CooperationDbContext db, IStringLocalizer<UserRules> text) : IUseCase
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

    public string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return text["common.required", text["Adresse électronique"]];
        var trimmed = email.Trim();
        return new EmailAddressAttribute().IsValid(trimmed) && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed && parsed.Host.Contains('.')
            ? null : text["user.emailInvalid"].Value;
    }

    public async Task<ResolvedScope?> ResolveAsync(UserScopeInput input, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Role) || !Roles.All.Contains(input.Role))
        {
            errors.Add("role", text["user.roleRequired"]);
            return null;
        }
        var role = input.Role;
        var zones = new List<Zone>();
        int? countryId = null, cooperantId = null;
        if (role == Roles.DeskOfficer)
        {
            var codes = (input.ZoneCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
            zones = await db.Zones.AsNoTracking().Where(z => codes.Contains(z.Code)).ToListAsync(ct);
            if (codes.Count == 0) errors.Add("zones", text["user.zonesRequired"]);
            else if (zones.Count != codes.Count)
                errors.Add("zones", text["common.unknown", text["Zones"], string.Join(", ", codes.Except(zones.Select(z => z.Code)))]);
        }
        if (role == Roles.Cooperant)
        {
            var iso2 = input.CountryIso2?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(iso2)) errors.Add("country", text["user.countryRequired"]);
            else
            {
                countryId = await db.Countries.AsNoTracking().Where(c => c.Iso2 == iso2).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
                if (countryId is null) errors.Add("country", text["common.unknown", text["Pays"], iso2]);
            }
            if (input.CooperantId is { } id)
            {
                if (await db.Cooperants.AnyAsync(c => c.Id == id, ct)) cooperantId = id;
                else errors.Add("cooperantId", text["user.cooperantUnknown", id]);
            }
        }
        return errors.Count == 0 ? new ResolvedScope(role, zones, countryId, cooperantId) : null;
    }

    /// <summary>Identity's refusals, said in the user's language and attached to the field they concern.</summary>
    public void AddIdentityErrors(IEnumerable<IdentityError> identityErrors, FieldErrors errors, PasswordOptions password)
    {
        foreach (var e in identityErrors)
        {
            var (field, message) = e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => ("password", text["user.passwordTooShort", password.RequiredLength].Value),
                nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => ("password", text["user.passwordNonAlphanumeric"].Value),
                nameof(IdentityErrorDescriber.PasswordRequiresDigit) => ("password", text["user.passwordDigit"].Value),
                nameof(IdentityErrorDescriber.PasswordRequiresLower) => ("password", text["user.passwordLower"].Value),
                nameof(IdentityErrorDescriber.PasswordRequiresUpper) => ("password", text["user.passwordUpper"].Value),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => ("password", text["user.passwordUniqueChars", password.RequiredUniqueChars].Value),
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => ("email", text["user.emailTaken"].Value),
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => ("email", text["user.emailInvalid"].Value),
                nameof(IdentityErrorDescriber.ConcurrencyFailure) => ("", text["common.concurrency"].Value),
                _ => ("", e.Description),
            };
            if (!(errors.TryGetValue(field, out var existing) && existing.Contains(message))) errors.Add(field, message);
        }
    }

    /// <summary>The password rules, as the form's hint says them.</summary>
    public string PasswordHint(PasswordOptions password) => text["user.passwordHint", password.RequiredLength];

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
