namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>
/// /api/v1/missions: the expertise missions the caller reads (all for headquarters, those of his country for a
/// coopérant), recorded and conducted by the desk officers of their zones and decided by the director. References by
/// code: country ISO2, organisation acronym, host authority type, domain.
/// </summary>
public sealed class MissionsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var missions = api.MapGroup("/missions").WithTags("Missions");

        missions.MapGet("/", async ([AsParameters] ListMissions.Query query, ListMissions list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Missions: filters country (ISO2), zone, status (requested|assessed|approved|declined|staffed|inProgress|reported|closed), domain, year (planned or carried out during it), search, projectId, cooperantId; sort requested|start|subject|status|country (\"-\" for descending, default -requested); paging.");

        missions.MapGet("/{id:int}", async (int id, GetMission get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One mission: the request, its assessment and decision, its experts (with a warning for a coopérant already on another mission at those dates), its report and recommendations with their follow-up. Who asked and the experts' names are redacted outside the reader's scope.");

        missions.MapPost("/", async (MissionInput request, RecordMission record, GetMission get, CancellationToken ct) =>
            {
                var id = await record.HandleAsync(request, ct: ct);
                return TypedResults.Created($"/api/v1/missions/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Records a partner's request (requested) in a country of your zones: country or organisation, hostAuthorityType, hostAuthorityName, requestedBy, requestedOn, subject, domain, form (short|long), plannedStartDate, plannedEndDate (on or after the start), projectId. The partner's letter is attached with POST /api/v1/missions/{id}/letter.");

        missions.MapPut("/{id:int}", async (int id, MissionInput request, EditMission edit, GetMission get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a request until it is decided (same body as POST) with the version read: a request changed meanwhile answers 409.");

        missions.MapPost("/{id:int}/assessment", async (int id, AssessMission.Request request, AssessMission assess, GetMission get, CancellationToken ct) =>
            {
                await assess.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("The desk officer's assessment (relevance, feasibility, risks): the request becomes assessed; it may be written again until the decision.");

        missions.MapPost("/{id:int}/decision", async (int id, DecideMission.Request request, DecideMission decide, GetMission get, CancellationToken ct) =>
            {
                await decide.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("The director's decision on an assessed request ({\"decision\": \"approve\"|\"decline\", \"reason\"}); a decline needs its reason.");

        missions.MapPost("/{id:int}/start", async (int id, StartMission.Request request, StartMission start, GetMission get, CancellationToken ct) =>
            {
                await start.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("A staffed mission starts ({\"actualStartDate\"}): it is then in progress.");

        missions.MapPost("/{id:int}/close", async (int id, CloseMission.Request request, CloseMission close, GetMission get, CancellationToken ct) =>
            {
                await close.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Closes a reported mission: every recommendation implemented or abandoned, or else with a reason.");
    }
}
