namespace Cooperation.Web.Features.Network.Postings;

/// <summary>
/// /api/v1/postings. References go by code: country ISO2, organisation acronym, host authority type. A list asked
/// for a country outside the user's scope is simply empty; a single record outside it is a 404; a write outside it a 403.
/// </summary>
public sealed class PostingsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var postings = api.MapGroup("/postings").WithTags("Network");

        postings.MapGet("/", async ([AsParameters] ListPostings.Query query, ListPostings list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Postings of the user's scope: filters country, organisation, zone, administration, active, cooperantId; sort start|end|country|name (\"-\" for descending); paging.");

        postings.MapGet("/{id:int}", async (int id, ListPostings list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(id, ct)))
            .WithSummary("One posting.");

        postings.MapPost("/", async (CreatePosting.Request request, CreatePosting create, ListPostings list, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/postings/{id}", await list.GetAsync(id, ct));
            })
            .WithSummary("Posts a coopérant: give country (ISO2) or organisation (acronym), and projectId for the project it serves. Refused when it overlaps another posting of his.");

        postings.MapPut("/{id:int}", async (int id, EditPosting.Request request, EditPosting edit, ListPostings list, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await list.GetAsync(id, ct));
            })
            .WithSummary("Changes a posting as a whole, its projectId included (none detaches it); send the version read (a stale version answers 409).");

        postings.MapPost("/{id:int}/end", async (int id, EndPosting.Request request, EndPosting end, ListPostings list, CancellationToken ct) =>
            {
                await end.HandleAsync(id, request, ct);
                return TypedResults.Ok(await list.GetAsync(id, ct));
            })
            .WithSummary("Ends a posting on its actual end date.");
    }
}
