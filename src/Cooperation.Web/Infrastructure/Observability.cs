using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cooperation.Web.Infrastructure;

public class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>A request answered in more than this many milliseconds is logged as a warning (route, duration, user id).</summary>
    public int SlowRequestMs { get; set; } = 500;
}

/// <summary>
/// What whoever runs the system sees of it: OpenTelemetry metrics (requests, outgoing HTTP, EF Core, the runtime, the
/// background jobs) scraped by Prometheus on <c>/metrics</c> (<see cref="Access.MayScrapeMetrics"/>), and, when
/// <c>OpenTelemetry:Endpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector, traces (requests, HTTP
/// calls, database commands, background work) and metrics exported there by OTLP; slow requests logged.
/// </summary>
public static class Observability
{
    public const string SourceName = "Cooperation";
    public const string MetricsPolicy = "metrics";

    /// <summary>
    /// The metrics whose series multiply with the routes (a route by a method by a status) keep the SDK's 2,000 series;
    /// every other has a handful (a collection's generation, a job's name, a context's type) and is limited to 100. The
    /// SDK allocates each metric's points up front: the 65 metrics held 11 MB of the process's live heap at the default.
    /// </summary>
    private static readonly HashSet<string> RouteMetrics = ["http.server.request.duration", "aspnetcore.routing.match_attempts"];
    private const int OtherMetricsCardinality = 100;

    /// <summary>Spans of the background work (the outbox sender, the daily jobs).</summary>
    public static readonly ActivitySource Source = new(SourceName);

    public static IServiceCollection AddCooperationObservability(this IServiceCollection services, IConfiguration config)
    {
        var endpoint = config["OpenTelemetry:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint)) endpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exporting = !string.IsNullOrWhiteSpace(endpoint);
        if (exporting && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            throw new InvalidOperationException($"OpenTelemetry:Endpoint '{endpoint}' is not an absolute address (e.g. http://collector:4317).");

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("cooperation"));
        telemetry.WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", SourceName)
                .AddView(instrument => RouteMetrics.Contains(instrument.Name) ? null : new MetricStreamConfiguration { CardinalityLimit = OtherMetricsCardinality })
                .AddPrometheusExporter();
            if (exporting) m.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint!));
        });
        // Traces cost on every request: recorded only when someone collects them.
        if (exporting)
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddSource(SourceName).AddOtlpExporter(o => o.Endpoint = new Uri(endpoint!)));

        var allowed = AllowedAddresses(config);
        services.AddAuthorization(o => o.AddPolicy(MetricsPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentitySetup.ApiScheme)
            .RequireAssertion(ctx => Access.MayScrapeMetrics(ctx.User, (ctx.Resource as HttpContext)?.Connection.RemoteIpAddress, allowed))));
        services.AddOptions<PerformanceOptions>().Bind(config.GetSection(PerformanceOptions.Section))
            .Validate(o => o.SlowRequestMs >= 0, "Performance:SlowRequestMs must be 0 or more.").ValidateOnStart();
        return services;
    }

    private static List<IPNetwork> AllowedAddresses(IConfiguration config)
    {
        var section = config.GetSection("Observability:MetricsAllowedAddresses");
        var values = section.Value is { } joined ? joined.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value).OfType<string>();
        return values.Select(v => v.Contains('/') ? IPNetwork.Parse(v) : new IPNetwork(IPAddress.Parse(v), IPAddress.Parse(v).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
            .ToList();
    }

    /// <summary>A request slower than <c>Performance:SlowRequestMs</c> logged as a warning: its route (never its query string), status, duration and the user's id.</summary>
    public static WebApplication UseSlowRequestLog(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<PerformanceOptions>>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cooperation.Web.SlowRequests");
        app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (elapsed.TotalMilliseconds > options.CurrentValue.SlowRequestMs)
                {
                    var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.GetEndpoint()?.DisplayName ?? "(no route)";
                    log.LogWarning("Slow request: {Method} {Route} answered {Status} in {Duration:F0} ms for user {UserId}",
                        context.Request.Method, route, context.Response.StatusCode, elapsed.TotalMilliseconds,
                        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "(anonymous)");
                }
            }
        });
        return app;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy);
        return app;
    }
}
