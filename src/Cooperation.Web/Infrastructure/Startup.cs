using System.Globalization;
using System.Threading.RateLimiting;
using Cooperation.Web.Data;
using Cooperation.Web.Features;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cooperation.Web.Infrastructure;

public static class Startup
{
    public const string ApiScheme = "Identity.Bearer";
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddCooperation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        // Outside Development (tests, `dotnet run -e Production`) the build's precompressed assets live in obj/, known only
        // to the static web assets manifest: without it a request accepting gzip got an empty 200. A published app has
        // no such manifest and serves wwwroot's .gz/.br files, so this is then a no-op.
        builder.WebHost.UseStaticWebAssets();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddCooperationDatabase(config, builder.Environment);

        services.AddDataProtection().SetApplicationName("Cooperation").PersistKeysToDbContext<CooperationDbContext>();

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
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Security:LoginAttemptsPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("fr-FR"), new CultureInfo("en-GB") };
            o.DefaultRequestCulture = new RequestCulture("fr-FR");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => Task.FromResult(Language(http.Request.Query["culture"]))),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new CustomRequestCultureProvider(http => Task.FromResult(
                    http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
                        .Select(l => Language(l.Value.Value)).FirstOrDefault(r => r is not null))),
            ];
        });

        // French pages keep their accented letters as they are instead of &#xE9; escapes: lighter on slow links.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddViewLocalization();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Coopération API";
            document.Info.Description = "Security and defence cooperation: network of coopérants, partners, schools. "
                + "Obtain a token with POST /api/v1/auth/login and send it as 'Authorization: Bearer <token>'. "
                + "Lists answer {items, total, page, pageSize}; errors are ProblemDetails naming the field, in French or English (Accept-Language).";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer", Description = "Token from POST /api/v1/auth/login",
            };
            return Task.CompletedTask;
        }));
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        // Pages are small and links slow (256 kbit/s): a better ratio is worth the little CPU (the default is Fastest).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddHealthChecks().AddDbContextCheck<CooperationDbContext>();
        services.AddOptions<DemoOptions>().Bind(config.GetSection("Demo"));
        services.AddScoped<ReferenceData>();
        services.AddScoped<DemoData>();
        services.AddFeatureServices();
        return builder;
    }

    public const string CultureCookie = "coop.culture";

    /// <summary>Any English asks for en-GB, any French for fr-FR (dates read day first in both).</summary>
    private static ProviderCultureResult? Language(string? tag) =>
        tag is null ? null
        : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? new ProviderCultureResult("en-GB")
        : tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? new ProviderCultureResult("fr-FR")
        : null;

    private static Task RedirectOrStatus(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
            http.Response.StatusCode = status;
        else
            http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    public static IServiceCollection AddCooperationDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Cooperation");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Cooperation is not set.");
            services.AddDbContext<CooperationDbContext, PostgresCooperationDbContext>(o => o.UseNpgsql(connection));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                var folder = Path.Combine(env.ContentRootPath, "..", "..", "data");
                folder = Path.GetFullPath(config["Database:Folder"] ?? folder);
                Directory.CreateDirectory(folder);
                connection = $"Data Source={Path.Combine(folder, "cooperation.db")}";
            }
            services.AddDbContext<CooperationDbContext, SqliteCooperationDbContext>(o => o.UseSqlite(connection));
        }
        else
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        return services;
    }
}
