namespace Cooperation.Web.Features.Network.Headcounts;

public static class HeadcountsApi
{
    public static void MapHeadcountsApi(this RouteGroupBuilder api) =>
        api.MapGet("/headcounts", async (CountHeadcounts headcounts, CancellationToken ct) => TypedResults.Ok(await headcounts.HandleAsync(ct)))
            .WithTags("Network")
            .WithSummary("Coopérants in post by administration, zone and destination (counts only).");
}
