namespace Cooperation.Web.Features.Network.Cooperants;

public sealed class CooperantsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var cooperants = api.MapGroup("/cooperants").WithTags("Network");
        cooperants.MapGet("/", async ([AsParameters] CooperantFilter query, ListCooperants list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Coopérants in the user's scope, filtered, sorted and paged.")
            .WithDescription("q searches names; administration (ARM, INT, ECO, JUS), zone (AFS...) and country (ISO2) filter on the "
                + "coopérant's country (that of his active posting, else his latest); status: active (default), former, awaiting, all; "
                + "sort: name, administration, country or start, prefixed with '-' for descending order. Names are '•••' where "
                + "the user may not see personal data.");
        cooperants.MapGet("/{id:int}", async (int id, GetCooperant get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("A coopérant's profile and postings, newest first (404 outside the user's scope).");
        cooperants.MapPost("/", async (CooperantInput input, CreateCooperant create, GetCooperant get, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(input, ct);
                return TypedResults.Created($"/api/v1/cooperants/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Records a new coopérant (administrators and desk officers). References are codes: administration, specialtyDomain.");
        cooperants.MapPut("/{id:int}", async (int id, CooperantInput input, EditCooperant edit, GetCooperant get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, input, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a coopérant's profile from the version read (409 if it changed since). "
                + "A coopérant may change only his own email, phone and languages.");
    }
}
