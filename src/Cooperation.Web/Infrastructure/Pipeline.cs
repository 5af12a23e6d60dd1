using Cooperation.Web.Data;
using Cooperation.Web.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Cooperation.Web.Infrastructure;

public static class Pipeline
{
    /// <summary>Brings the database up to date, loads reference data, and demo data where asked; then wires the pipeline.</summary>
    public static async Task<WebApplication> UseCooperationAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();

        // Localization first: the culture it sets flows only inward, and the exception handler must speak the user's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            ctx.Response.Headers.XFrameOptions = "DENY";
            await next();
        });

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Coopération API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health");
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en-GB" : "fr-FR";
            http.Response.Cookies.Append(Startup.CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapApi();
        return app;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CooperationDbContext>();
        await db.Database.MigrateAsync();
        await sp.GetRequiredService<ReferenceData>().LoadAsync();

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled) return;
        var generated = await sp.GetRequiredService<DemoData>().GenerateAsync(demo);
        if (generated is not { } g)
        {
            Console.WriteLine(string.IsNullOrWhiteSpace(demo.Password)
                ? "Demo data already present: sign in as admin@demo.local (or directeur@, desk.africa@, cooperant.sn@, auditor@demo.local) with the password printed at first start; delete the data/ folder to start afresh."
                : "Demo data already present: demo accounts use the configured Demo:Password.");
            return;
        }
        var lines = new List<string> { "", "Demo accounts (password shown once):" };
        lines.AddRange(g.Accounts.Select(a => $"  {a.Email,-28} {a.Role,-14} {a.Scope}"));
        lines.Add($"  password: {g.Password}");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
