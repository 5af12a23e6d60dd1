using Cooperation.Web.Features.Missions.Missions;

namespace Cooperation.Web.Features.Missions.Staffing;

/// <summary>/api/v1/missions/{id}/experts: the experts assigned to a mission.</summary>
public sealed class StaffingApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapPost("/missions/{id:int}/experts", async (int id, AssignExpert.Request request, AssignExpert assign, GetMission get, CancellationToken ct) =>
            {
                await assign.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithTags("Missions")
            .WithSummary("Assigns an expert to an approved mission: cooperantId (a coopérant) or expertId (a short-term expert of the registry), startDate, endDate (on or after the start), days (at most the span; the span when left out). The first expert makes the mission staffed; a coopérant on a long mission gets the posting in the network; the answer warns of a coopérant already on another mission at those dates. An expert twice on the mission is refused.");
    }
}
