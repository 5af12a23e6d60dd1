using Cooperation.Web.Features.Missions.Missions;

namespace Cooperation.Web.Features.Missions.Recommendations;

/// <summary>A mission's recommendations, their follow-up notes, and the overdue ones per zone.</summary>
public sealed class RecommendationsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/missions/{id:int}/recommendations", async (int id, GetMission get, CancellationToken ct) =>
                TypedResults.Ok((await get.HandleAsync(id, ct)).Recommendations))
            .WithTags("Missions")
            .WithSummary("A mission's recommendations: owner authority, due date, priority, follow-up status (open|inProgress|implemented|abandoned), overdue, dated follow-up notes.");

        api.MapPost("/missions/{id:int}/recommendations", async (int id, AddRecommendation.Request request, AddRecommendation add, GetMission get,
                CancellationToken ct) =>
            {
                var created = await add.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/missions/{id}/recommendations",
                    (await get.HandleAsync(id, ct)).Recommendations.Single(r => r.Id == created));
            })
            .WithTags("Missions")
            .WithSummary("Adds a recommendation to a mission in progress or reported: text, ownerAuthority, dueDate, priority (low|medium|high).");

        api.MapPost("/recommendations/{id:int}/follow-ups", async (int id, FollowUpRecommendation.Request request, FollowUpRecommendation follow,
                GetMission get, CancellationToken ct) =>
            {
                var missionId = await follow.HandleAsync(id, request, ct);
                return TypedResults.Ok((await get.HandleAsync(missionId, ct)).Recommendations.Single(r => r.Id == id));
            })
            .WithTags("Missions")
            .WithSummary("A dated follow-up note on a recommendation ({\"note\", \"status\"}), by the desk officers of the mission's country or its country's coopérant; status (open|inProgress|implemented|abandoned) moves it, except once implemented or abandoned.");

        api.MapGet("/recommendations/overdue", async ([AsParameters] ListOverdueRecommendations.Query query, ListOverdueRecommendations list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithTags("Missions")
            .WithSummary("Overdue recommendations (past due, neither implemented nor abandoned) of the missions you read: filters zone, country; sort zone|due|priority; paging.");
    }
}
