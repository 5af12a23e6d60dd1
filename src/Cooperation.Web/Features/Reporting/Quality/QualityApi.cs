namespace Cooperation.Web.Features.Reporting.Quality;

/// <summary>/api/v1/reports/quality: what is missing or late, per zone and per desk officer, with a score and its trend.</summary>
public sealed class QualityApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/quality", async (string? zone, ComputeQuality compute, CancellationToken ct) =>
                TypedResults.Ok(await compute.HandleAsync(new ComputeQuality.Query(zone), ct)))
            .WithTags("Reporting")
            .WithSummary("Data quality per zone (a desk officer: her zones; zone= one of them): for each rule (sessionsWithoutResults, "
                + "projectsWithoutActuals, donationsWithoutHandoverDocument, checksOverdue, recommendationsOverdue, cooperantsWithoutPosting, "
                + "postingsPastPlannedEnd, traineesWithoutGender) the records checked, those missing something or late, and the list to fix them; "
                + "a score (share of checked records without a problem, 0-100) with previousScore and trend, the same computation as on the day a "
                + "month earlier (comparedOn); per desk officer for the director and administrators.");
}
