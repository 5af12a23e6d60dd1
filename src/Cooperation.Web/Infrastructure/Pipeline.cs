using Cooperation.Web.Features;
using Scalar.AspNetCore;

namespace Cooperation.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseCooperationMiddleware(this WebApplication app)
    {
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
        return app;
    }

    /// <summary>Static assets, pages, the API and its documentation, the health check, the language switch.</summary>
    public static WebApplication MapCooperationEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Coopération API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/health");
        app.MapCultureSwitch();
        app.MapApi();
        return app;
    }
}
