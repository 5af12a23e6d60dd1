namespace Cooperation.Web.Features.Projects.Results;

/// <summary>/api/v1/projects/{id}/indicators and /results: the results chain of a project, its indicators and their actual values.</summary>
public sealed class ResultsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{id:int}").WithTags("Projects: results");

        project.MapGet("/indicators", async (int id, GetResults get, CancellationToken ct) => TypedResults.Ok((await get.HandleAsync(id, ct)).Indicators))
            .WithSummary("The project's indicators: unit, baseline and target with their years, actual values by year, the latest value and the progress toward the target (0 to 1).");

        project.MapPost("/indicators", async (int id, AddIndicator.Request request, AddIndicator add, GetResults get, CancellationToken ct) =>
            {
                var indicatorId = await add.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/projects/{id}/indicators", (await get.HandleAsync(id, ct)).Indicators.Single(i => i.Id == indicatorId));
            })
            .WithSummary("Adds an indicator to the objective (no resultId) or to an outcome or output: title, unit, baseline, baselineYear, target, targetYear.");

        project.MapPost("/indicators/{indicatorId:int}/values", async (int id, int indicatorId, RecordActual.Request request, RecordActual record, GetResults get, CancellationToken ct) =>
            {
                await record.HandleAsync(id, indicatorId, request, ct);
                return TypedResults.Ok((await get.HandleAsync(id, ct)).Indicators.Single(i => i.Id == indicatorId));
            })
            .WithSummary("Records the actual value of an indicator for a year, from its baseline year to this one (the same year again replaces it). Closing a project needs a value for every indicator.");

        project.MapGet("/results", async (int id, GetResults get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("The results chain: the objective, its outcomes and their outputs, and the indicators of each.");

        project.MapPost("/results", async (int id, AddResult.Request request, AddResult add, GetResults get, CancellationToken ct) =>
            {
                var resultId = await add.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/projects/{id}/results", (await get.HandleAsync(id, ct)).Results.Single(r => r.Id == resultId));
            })
            .WithSummary("Adds an outcome (level outcome) or an output serving one of the project's outcomes (level output, outcomeId).");
    }
}
