namespace Cooperation.Web.Features.Partners.Organisations;

public sealed class OrganisationsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Partners");

        organisations.MapGet("", async ([AsParameters] ListOrganisations.Query query, ListOrganisations list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("International and regional organisations with their seat and active postings; filters q, kind.");
        organisations.MapGet("/{acronym}", async (string acronym, GetOrganisation get, CancellationToken ct) =>
                TypedResults.Ok(await get.HandleAsync(acronym, ct)))
            .WithSummary("An organisation, its seat country and the postings to it; 404 when unknown or outside the caller's scope.");
    }
}
