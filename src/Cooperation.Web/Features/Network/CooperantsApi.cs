
namespace Cooperation.Web.Features.Network;

public static class CooperantsApi
{
    public static void MapCooperantsApi(this RouteGroupBuilder api)
    {
        var cooperants = api.MapGroup("/cooperants").WithTags("Network");
        cooperants.MapGet("/", List)
            .WithSummary("Coopérants in the user's scope, filtered, sorted and paged.")
            .WithDescription("q searches names; administration (ARM, INT, ECO, JUS), zone (AFS...) and country (ISO2) filter on the "
                + "coopérant's country (that of his active posting, else his latest); status: active (default), former, awaiting, all; "
                + "sort: name, administration, country or start, prefixed with '-' for descending order. Names are '•••' where "
                + "the user may not see personal data.");
        cooperants.MapGet("/{id:int}", Get)
            .WithSummary("A coopérant's profile and postings, newest first (404 outside the user's scope).");
        cooperants.MapPost("/", Create)
            .WithSummary("Records a new coopérant (administrators and desk officers). References are codes: administration, specialtyDomain.");
        cooperants.MapPut("/{id:int}", Edit)
            .WithSummary("Changes a coopérant's profile from the version read (409 if it changed since). "
                + "A coopérant may change only his own email, phone and languages.");
    }

    private static async Task<Ok<Paged<CooperantListItem>>> List([AsParameters] CooperantFilter filter, ListCooperants list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(filter, ct));

    private static async Task<Results<Ok<CooperantDetails>, ProblemHttpResult>> Get(int id, GetCooperant get,
        IStringLocalizer<CooperantInput> text, CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } details ? TypedResults.Ok(details) : NotFound(text);

    private static async Task<Results<Created<CooperantDetails>, ValidationProblem>> Create(CooperantInput input, CreateCooperant create,
        GetCooperant get, IStringLocalizer<CooperantInput> text, CancellationToken ct)
    {
        var saved = await create.HandleAsync(input, ct);
        if (!saved.Succeeded) return Invalid(saved, text);
        return TypedResults.Created($"/api/v1/cooperants/{saved.Id}", await get.HandleAsync(saved.Id, ct));
    }

    private static async Task<Results<Ok<CooperantDetails>, ValidationProblem, ProblemHttpResult>> Edit(int id, CooperantInput input,
        EditCooperant edit, GetCooperant get, IStringLocalizer<CooperantInput> text, CancellationToken ct)
    {
        var saved = await edit.HandleAsync(id, input, ct);
        if (saved is null) return NotFound(text);
        if (!saved.Succeeded) return Invalid(saved, text);
        return TypedResults.Ok((await get.HandleAsync(id, ct))!);
    }

    private static ValidationProblem Invalid(CooperantSaved saved, IStringLocalizer text) =>
        TypedResults.ValidationProblem(saved.Errors, title: text["Données invalides"],
            detail: string.Join(" ", saved.Errors.Values.SelectMany(m => m)));

    private static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(text["common.notFound"], statusCode: StatusCodes.Status404NotFound, title: text["Introuvable"]);
}
