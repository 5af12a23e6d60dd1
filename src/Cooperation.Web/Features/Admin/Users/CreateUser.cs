using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Features.Admin.Users;

/// <summary>An account created by an administrator (there is no self-registration), with the password she typed.</summary>
public class CreateUser(CooperationDbContext db, UserManager<AppUser> users, UserRules rules, IAuditActor actor, TimeProvider clock,
    IStringLocalizer<CreateUser> text) : IUseCase
{
    /// <param name="Email">The address the user signs in with.</param>
    /// <param name="ZoneCodes">The zones of a desk officer.</param>
    /// <param name="CountryIso2">The country of a coopérant.</param>
    /// <param name="CooperantId">The record a coopérant may edit, if any.</param>
    public record Request(
        string? Email, string? DisplayName, string? Role, IReadOnlyList<string>? ZoneCodes, string? CountryIso2,
        int? CooperantId, string? Password);

    public void Authorize() => rules.Authorize();

    /// <returns>The new user's id.</returns>
    public async Task<string> HandleAsync(Request request, CancellationToken ct = default)
    {
        rules.Authorize();
        var errors = new FieldErrors(text);
        var email = errors.Email("email", "Adresse électronique", request.Email);
        if (email is null && !errors.Has("email")) errors.Add("email", "common.required", errors.Label("Adresse électronique"));
        else if (email is not null && await users.FindByEmailAsync(email) is not null) errors.Add("email", "user.emailTaken");
        var displayName = errors.Text("displayName", "Nom affiché", request.DisplayName);
        var scope = await rules.ResolveAsync(new UserScopeInput(request.Role, request.ZoneCodes, request.CountryIso2, request.CooperantId), errors, ct);

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? "" };
        // Every password rule is checked before anything is written, so that the form lists all refusals at once.
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "common.required", errors.Label("Mot de passe"));
        else
            foreach (var validator in users.PasswordValidators)
                rules.AddIdentityErrors(errors, user, (await validator.ValidateAsync(users, user, request.Password)).Errors);
        errors.ThrowIfAny();

        user.ScopeCountryId = scope!.CountryId;
        user.CooperantId = scope.CooperantId;
        user.Zones = scope.Zones.Values.Select(zoneId => new UserZone { UserId = user.Id, ZoneId = zoneId }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, request.Password!);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, scope.Role);
        rules.ThrowIfFailed(result, user);
        db.AuditEntries.Add(UserRules.AccessEntry(actor, clock, user.Id, null, scope.Snapshot()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Id;
    }
}
