namespace Cooperation.Web.Features.Schools.Results;

/// <summary>/api/v1/sessions/{id}/results and /certificates: attendance, results and the certificates of a session.</summary>
public static class ResultsApi
{
    public static void MapResultsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Results");
        sessions.MapPut("/{id:int}/results", async Task<Results<Ok<SessionResults>, ValidationProblem, ProblemHttpResult>> (int id,
                RecordResults.Request request, RecordResults record, GetSessionResults get, IStringLocalizer<RecordResults> text, CancellationToken ct) =>
            {
                var errors = await record.HandleAsync(id, request, ct);
                if (errors is null) return NotFound(text);
                if (errors.Count > 0) return Invalid(errors, text);
                return TypedResults.Ok((await get.HandleAsync(id, ct))!);
            })
            .WithSummary("Records attendance and results of the session's enrolments in one go: {rows: [{nominationId, attended, result, version}]}.")
            .WithDescription("result: passed, failed, withdrew, or null to leave it. Results only on accepted, attended enrolments: "
                + "each refused row is named (rows[i].result) with the trainee and the reason, and nothing is saved. "
                + "School director, desk officer of the school's zone, administrator.");
        sessions.MapPost("/{id:int}/certificates", async Task<Results<Ok<IReadOnlyList<IssuedCertificate>>, ProblemHttpResult>> (int id,
                IssueCertificates issue, IStringLocalizer<IssueCertificates> text, CancellationToken ct) =>
                await issue.HandleAsync(id, ct) is { } issued ? TypedResults.Ok(issued) : NotFound(text))
            .WithSummary("Issues a certificate to every trainee of the session who passed and has none yet; answers the new codes.");
    }

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer text) =>
        TypedResults.ValidationProblem(errors, title: text["Données invalides"], detail: string.Join(" ", errors.Values.SelectMany(m => m)));

    private static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(text["common.notFound"], statusCode: StatusCodes.Status404NotFound, title: text["Introuvable"]);
}
