using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

public static class IdentitySetup
{
    /// <summary>The scheme of the API's Bearer tokens; pages use Identity's cookie.</summary>
    public const string ApiScheme = "Identity.Bearer";

    /// <summary>
    /// Accounts (ASP.NET Core Identity: lock-out after 5 failures, passwords of 10 characters or more), the cookie of
    /// pages and the Bearer tokens of the API, the access rules, and the limits per client address on login and on the
    /// public certificate checks.
    /// </summary>
    public static IServiceCollection AddCooperationIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CooperationDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopedClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Denied";
                o.Cookie.Name = "coop.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                // The API answers 401/403, never a redirect to the login page.
                o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, 401);
                o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, 403);
            })
            .AddBearerToken(ApiScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        services.AddAuthorization();
        services.AddScoped<Access>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.Login, http => PerAddress(http, config.GetValue("Security:LoginAttemptsPerMinute", 20)));
            o.AddPolicy(RateLimits.CertificateChecks, http => PerAddress(http, config.GetValue("Security:CertificateChecksPerMinute", 20)));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });

    private static Task RedirectOrStatus(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
            http.Response.StatusCode = status;
        else
            http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The budgets per client address (a minute each).</summary>
public static class RateLimits
{
    /// <summary>Login attempts, page and API alike: Security:LoginAttemptsPerMinute (20 by default).</summary>
    public const string Login = "login";

    /// <summary>
    /// The public certificate verification, page and API alike: Security:CertificateChecksPerMinute (20 by default),
    /// plenty for a person checking certificates, nothing for a program trying codes.
    /// </summary>
    public const string CertificateChecks = "certificate-check";
}

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
