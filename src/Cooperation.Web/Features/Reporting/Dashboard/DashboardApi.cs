namespace Cooperation.Web.Features.Reporting.Dashboard;

/// <summary>The dashboard's figures and charts' data, as the page shows them.</summary>
public sealed class DashboardApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/dashboard", async (int? year, string? zone, ComputeDashboard compute, CancellationToken ct) =>
                TypedResults.Ok(await compute.HandleAsync(new ComputeDashboard.Query(year, zone), ct)))
            .WithTags("Reporting")
            .WithSummary("The dashboard of the caller's role: the director, the auditor and the administrator the world or a zone (zone=AFS...), a desk "
                + "officer a zone of hers (her first by default; another answers 403), a school director his school, a coopérant his country (no zone: 403). "
                + "keyFigures of the year (default last year) with previous and change; charts over the five years to it, each a table "
                + "(columns: the series; lines: the years, or the year's administrations or equipment categories) with the link of the list it counts. "
                + "Counted as the annual report counts them.");
}
