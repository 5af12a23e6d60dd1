namespace Cooperation.Web.Features.Network.Headcounts;

public sealed class HeadcountsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/headcounts", async (CountHeadcounts headcounts, CancellationToken ct) => TypedResults.Ok(await headcounts.HandleAsync(ct)))
            .WithTags("Network")
            .WithSummary("Coopérants in post by administration, zone and destination (counts only).");
}
