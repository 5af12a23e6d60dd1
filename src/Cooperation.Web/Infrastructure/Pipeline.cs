using Cooperation.Web.Features;
using Scalar.AspNetCore;

namespace Cooperation.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseCooperationMiddleware(this WebApplication app)
    {
        // First, so that it times everything a request costs.
        app.UseSlowRequestLog();
        // The client's real address and scheme, and the security headers of every response, before anything can answer.
        app.UseCooperationSecurity();
        // Localization next: the culture it sets flows only inward, and the exception handler must speak the user's language.
        app.UseRequestLocalization();
        // An error without a body is answered by Features/Errors: ProblemDetails for the API, a page in the user's
        // language for a person in a browser.
        app.UseExceptionHandler("/Error/500");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseResponseCompression();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseEmptyFormWithoutBody();
        return app;
    }

    /// <summary>The API, its description, the health check and the metrics: machines, answered in JSON (or Prometheus' text).</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/metrics");

    /// <summary>Static assets, pages, the API and its documentation, the health check, the metrics, the language switch.</summary>
    public static WebApplication MapCooperationEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", (o, http) => o.WithTitle("Coopération API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithNonce(http.CspNonce()).DisableDefaultFonts());
        app.MapHealthChecks("/health");
        app.MapMetrics();
        app.MapCultureSwitch();
        app.MapApi();
        return app;
    }
}
