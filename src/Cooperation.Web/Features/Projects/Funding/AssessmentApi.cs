namespace Cooperation.Web.Features.Projects.Funding;

/// <summary>/api/v1/projects/{id}/assessment: the four-criteria assessment of an EU-funded project.</summary>
public sealed class AssessmentApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{id:int}").WithTags("Projects: EU funding");

        project.MapGet("/assessment", async (int id, GetAssessment get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("The EU involvement of a project (mode, operator, contract) and its four-criteria assessment: politicalOrientation, expertiseAddedValue, expertiseImpact, complementarity, each met|partly|notMet with a comment; who assessed and when.");

        project.MapPut("/assessment", async (int id, AssessProject.Request request, AssessProject assess, GetAssessment get, CancellationToken ct) =>
            {
                await assess.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Records the assessment of an EU-funded project before its approval (identified or in preparation): each criterion {rating: met|partly|notMet, comment}, assessedBy (default: you), assessedOn (default: today). Approval is refused while a criterion is not met.");
    }
}
