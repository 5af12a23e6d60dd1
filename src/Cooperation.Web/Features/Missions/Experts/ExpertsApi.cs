namespace Cooperation.Web.Features.Missions.Experts;

/// <summary>/api/v1/experts: the registry of short-term experts, reused across missions.</summary>
public sealed class ExpertsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var experts = api.MapGroup("/experts").WithTags("Missions");

        experts.MapGet("/", async ([AsParameters] ListExperts.Query query, ListExperts list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Short-term experts of the registry: filters search (name or speciality), administration; sort name|administration|speciality; paging. Names, grades and contacts are redacted for the auditor.");

        experts.MapPost("/", async (CreateExpert.Request request, CreateExpert create, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/experts/{id}", new ExpertCreated(id));
            })
            .WithSummary("Adds a short-term expert to the registry: firstName, lastName, administration (ARM|INT|ECO|JUS), grade, speciality, email, phone.");
    }
}

/// <summary>The answer to an expert's creation: his id (<c>{"id": 12}</c>).</summary>
public sealed record ExpertCreated(int Id);
