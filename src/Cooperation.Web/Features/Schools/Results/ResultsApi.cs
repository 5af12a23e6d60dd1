namespace Cooperation.Web.Features.Schools.Results;

/// <summary>/api/v1/sessions/{id}/results and /certificates: attendance, results and the certificates of a session.</summary>
public sealed class ResultsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Results");

        sessions.MapPut("/{id:int}/results", async (int id, RecordResults.Request request, RecordResults record, GetSessionResults get, CancellationToken ct) =>
            {
                await record.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Records attendance and results of the session's enrolments in one go: {rows: [{nominationId, attended, result, version}]}.")
            .WithDescription("result: passed, failed, withdrew, or null to leave it. Results only on accepted, attended enrolments: "
                + "each refused row is named (rows[i].result) with the trainee and the reason, and nothing is saved. "
                + "School director, desk officer of the school's zone, administrator.");

        sessions.MapPost("/{id:int}/certificates", async (int id, IssueCertificates issue, CancellationToken ct) =>
                TypedResults.Ok(await issue.HandleAsync(id, ct)))
            .WithSummary("Issues a certificate to every trainee of the session who passed and has none yet; answers the new codes.");
    }
}
