namespace Cooperation.Web.Features.Schools;

/// <summary>/api/v1/schools: the training places, by acronym; a coopérant reads those of his country.</summary>
public sealed class SchoolsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var schools = api.MapGroup("/schools").WithTags("Schools");

        schools.MapGet("", async ([AsParameters] ListSchools.Query query, ListSchools list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Training places by country: the ENVR by default; kind=all, FrenchSchool or PeacekeepingCentre for the others; filters country (ISO2), domain (code), q.");

        schools.MapGet("/{acronym}", async (string acronym, ListSchools list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(acronym, ct)))
            .WithSummary("A regional school (ENVR); 404 when unknown or outside the caller's scope.");
    }
}
