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
                // A cookie ends with its account's stamp: a lock, a new role, scope or password, a logout.
                o.Events.OnValidatePrincipal = SessionStamps.ValidateCookieAsync;
                // The API answers 401/403, never a redirect to the login page.
                o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, 401);
                o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, 403);
            })
            .AddBearerToken(ApiScheme, o =>
            {
                // An hour's token, then POST /api/v1/auth/refresh (a working day's refresh token, renewed each time).
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromHours(10);
                o.Events.OnMessageReceived = SessionStamps.ValidateTokenAsync;
            });
        services.AddSingleton<SessionStamps>();
        services.AddAuthorization();
        services.AddScoped<Access>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                var http = ctx.HttpContext;
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>>();
                http.Response.Headers.RetryAfter = "60";
                return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = text["Trop de tentatives"], Detail = text["rateLimit.exceeded"] },
                });
            };
            // Opening the login page costs nothing: only attempts (POST) count.
            o.AddPolicy(RateLimits.Login, http => HttpMethods.IsPost(http.Request.Method)
                ? PerAddress(http, config.GetValue("Security:LoginAttemptsPerMinute", 20))
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(RateLimits.CertificateChecks, http => PerAddress(http, config.GetValue("Security:CertificateChecksPerMinute", 20)));
        });
        return services;
    }

    /// <summary>The client's address: the connection's, or the one a known proxy forwarded (<see cref="SecuritySetup"/>).</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });

    private static Task RedirectOrStatus(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
            http.Response.StatusCode = status;
        else // A path, not an absolute address built from the request's Host header.
            http.Response.Redirect(Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) ? uri.PathAndQuery : redirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The budgets per client address (a minute each).</summary>
public static class RateLimits
{
    /// <summary>Login attempts (POST), page and API alike: Security:LoginAttemptsPerMinute (20 by default).</summary>
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
