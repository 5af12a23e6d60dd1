namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// /api/v1/trainees: records and careers. A record outside the user's scope is a 404, a write he may not make a 403,
/// a broken rule a 400 naming the field, a stale version a 409.
/// </summary>
public sealed class TraineesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var trainees = api.MapGroup("/trainees").WithTags("Trainees");
        trainees.MapGet("", async ([AsParameters] TraineeFilter query, ListTrainees list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Trainees in the user's scope, filtered, sorted and paged.")
            .WithDescription("nationality (ISO2), administration (ARM, INT, ECO, JUS, DOU), gender (female, male), school (acronym), "
                + "year (a session begun that year), prominent=true (alumni holding or having held a prominent position), q (names); "
                + "sort: name, nationality, administration, last (latest session), '-' for descending. Names are '•••' for the auditor.");
        trainees.MapGet("/{id:int}", async (int id, GetTrainee get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("A trainee's record: identity, nominations and enrolments (session, course, school, dates, status, result, "
                + "certificate code) and career, prominent positions marked (404 outside the user's scope).");
        trainees.MapPut("/{id:int}", async (int id, TraineeInput input, EditTrainee edit, GetTrainee get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, input, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Corrects a trainee's identity and position (liaison officer of his country, headquarters) by the same rules as a "
                + "nomination; send the version read (409 if stale).");
        trainees.MapPost("/{id:int}/career", async (int id, CareerInput input, AddCareerEntry add, GetTrainee get, CancellationToken ct) =>
            {
                var entryId = await add.HandleAsync(id, input, ct);
                return TypedResults.Created($"/api/v1/trainees/{id}/career/{entryId}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Adds a position to an alumnus's career (desk officer of his country's zone, administrator); answers the record.");
        trainees.MapPut("/{id:int}/career/{entryId:int}", async (int id, int entryId, CareerInput input, EditCareerEntry edit, GetTrainee get,
                CancellationToken ct) =>
            {
                await edit.HandleAsync(id, entryId, input, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a position of a career; send the trainee's version read (409 if stale).");
        trainees.MapDelete("/{id:int}/career/{entryId:int}", async (int id, int entryId, long? version, RemoveCareerEntry remove, GetTrainee get,
                CancellationToken ct) =>
            {
                await remove.HandleAsync(id, entryId, version, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Removes a position from a career; ?version= the trainee's version read (409 if stale).");
    }
}
