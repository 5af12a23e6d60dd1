using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Admin;

/// <summary>An account created by an administrator (there is no self-registration), with the password she typed.</summary>
public record CreateUserRequest(
    string? Email,
    string? DisplayName,
    string? Role,
    IReadOnlyList<string>? ZoneCodes,
    string? CountryIso2,
    int? CooperantId,
    string? Password);

public class CreateUser(CooperationDbContext db, UserManager<AppUser> users, UserRules rules, IOptions<IdentityOptions> identity,
    IAuditActor actor, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<CreateUser> text) : IUseCase
{
    public async Task<UserCommandResult> HandleAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var email = request.Email?.Trim() ?? "";
        if (rules.CheckEmail(email) is { } emailError) errors.Add("email", emailError);
        else if (await users.FindByEmailAsync(email) is not null) errors.Add("email", text["user.emailTaken"]);
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors.Add("displayName", text["common.required", text["Nom affiché"]]);
        else if (displayName.Length > 200) errors.Add("displayName", text["user.displayNameTooLong", 200]);
        var scope = await rules.ResolveAsync(new UserScopeInput(request.Role, request.ZoneCodes, request.CountryIso2, request.CooperantId), errors, ct);

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        // Every password rule is checked before anything is written, so that the form lists all refusals at once.
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", text["common.required", text["Mot de passe"]]);
        else
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, request.Password);
                if (!check.Succeeded) rules.AddIdentityErrors(check.Errors, errors, identity.Value.Password);
            }
        if (errors.Count > 0 || scope is null) return UserCommandResult.Failed(errors);

        user.ScopeCountryId = scope.CountryId;
        user.CooperantId = scope.CooperantId;
        user.Zones = scope.Zones.Select(z => new UserZone { UserId = user.Id, ZoneId = z.Id }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, request.Password!);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, scope.Role);
        if (!result.Succeeded)
        {
            rules.AddIdentityErrors(result.Errors, errors, identity.Value.Password);
            return UserCommandResult.Failed(errors);
        }
        db.AuditEntries.Add(UserRules.AccessEntry(actor, clock, user.Id, null, scope.Snapshot()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UserCommandResult(user.Id, errors);
    }
}
