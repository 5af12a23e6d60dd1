using System.Security.Claims;
using Cooperation.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

/// <summary>Adds the user's scope (zones, country, coopérant record) to the claims of the cookie and of API tokens.</summary>
public sealed class ScopedClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    CooperationDbContext db) : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        foreach (var zone in await db.UserZones.Where(z => z.UserId == user.Id).Select(z => z.ZoneId).ToListAsync())
            identity.AddClaim(new Claim(ScopeClaims.Zone, zone.ToString()));
        if (user.ScopeCountryId is { } country) identity.AddClaim(new Claim(ScopeClaims.Country, country.ToString()));
        if (user.CooperantId is { } coop) identity.AddClaim(new Claim(ScopeClaims.Cooperant, coop.ToString()));
        if (user.ScopeSchoolId is { } school) identity.AddClaim(new Claim(ScopeClaims.School, school.ToString()));
        return identity;
    }
}

public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public (string? UserId, string UserName) Current
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return (null, "system");
            return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "");
        }
    }
}
