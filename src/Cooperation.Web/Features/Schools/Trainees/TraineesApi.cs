namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// /api/v1/trainees (records and careers) and /api/v1/alumni/prominent (the influence network). A record outside
/// the user's scope is a 404, a write he may not make a 403, a broken rule a 400 naming the field, a stale version a 409.
/// </summary>
public static class TraineesApi
{
    public static void MapTraineesApi(this RouteGroupBuilder api)
    {
        var trainees = api.MapGroup("/trainees").WithTags("Trainees");
        trainees.MapGet("", async ([AsParameters] TraineeFilter filter, ListTrainees list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(filter, ct)))
            .WithSummary("Trainees in the user's scope, filtered, sorted and paged.")
            .WithDescription("nationality (ISO2), administration (ARM, INT, ECO, JUS, DOU), gender (female, male), school (acronym), "
                + "year (a session begun that year), prominent=true (alumni holding or having held a prominent position), q (names); "
                + "sort: name, nationality, administration, last (latest session), '-' for descending. Names are '•••' for the auditor.");
        trainees.MapGet("/{id:int}", async Task<Results<Ok<TraineeDetails>, ProblemHttpResult>> (int id, GetTrainee get,
                IStringLocalizer<GetTrainee> text, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } trainee ? TypedResults.Ok(trainee) : NotFound(text))
            .WithSummary("A trainee's record: identity, nominations and enrolments (session, course, school, dates, status, result, "
                + "certificate code) and career, prominent positions marked (404 outside the user's scope).");
        trainees.MapPut("/{id:int}", async Task<Results<Ok<TraineeDetails>, ValidationProblem, ProblemHttpResult>> (int id, TraineeInput input,
                EditTrainee edit, GetTrainee get, IStringLocalizer<EditTrainee> text, CancellationToken ct) =>
            {
                var saved = await edit.HandleAsync(id, input, ct);
                if (saved is null) return NotFound(text);
                if (!saved.Succeeded) return Invalid(saved.Errors, text);
                return TypedResults.Ok((await get.HandleAsync(id, ct))!);
            })
            .WithSummary("Corrects a trainee's identity and position (liaison officer of his country, headquarters); send the version read (409 if stale).");
        trainees.MapPost("/{id:int}/career", async Task<Results<Created<TraineeDetails>, ValidationProblem, ProblemHttpResult>> (int id,
                CareerInput input, AddCareerEntry add, GetTrainee get, IStringLocalizer<AddCareerEntry> text, CancellationToken ct) =>
            {
                var saved = await add.HandleAsync(id, input, ct);
                if (saved is null) return NotFound(text);
                if (!saved.Succeeded) return Invalid(saved.Errors, text);
                return TypedResults.Created($"/api/v1/trainees/{id}/career/{saved.Id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Adds a position to an alumnus's career (desk officer of his country's zone, administrator); answers the record.");
        trainees.MapPut("/{id:int}/career/{entryId:int}", async Task<Results<Ok<TraineeDetails>, ValidationProblem, ProblemHttpResult>> (int id,
                int entryId, CareerInput input, EditCareerEntry edit, GetTrainee get, IStringLocalizer<EditCareerEntry> text, CancellationToken ct) =>
            {
                var saved = await edit.HandleAsync(id, entryId, input, ct);
                if (saved is null) return NotFound(text);
                if (!saved.Succeeded) return Invalid(saved.Errors, text);
                return TypedResults.Ok((await get.HandleAsync(id, ct))!);
            })
            .WithSummary("Changes a position of a career; send the trainee's version read (409 if stale).");
        trainees.MapDelete("/{id:int}/career/{entryId:int}", async Task<Results<Ok<TraineeDetails>, ValidationProblem, ProblemHttpResult>> (int id,
                int entryId, long? version, RemoveCareerEntry remove, GetTrainee get, IStringLocalizer<RemoveCareerEntry> text, CancellationToken ct) =>
            {
                var saved = await remove.HandleAsync(id, entryId, version, ct);
                if (saved is null) return NotFound(text);
                if (!saved.Succeeded) return Invalid(saved.Errors, text);
                return TypedResults.Ok((await get.HandleAsync(id, ct))!);
            })
            .WithSummary("Removes a position from a career; ?version= the trainee's version read (409 if stale).");

        api.MapGet("/alumni/prominent", async ([AsParameters] AlumniFilter filter, ListProminentAlumni list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(filter, ct)))
            .WithTags("Trainees")
            .WithSummary("The influence network: alumni (a session passed) who hold or held a prominent position, counted by country, and a page of them.")
            .WithDescription("Filters zone (code) and country (ISO2) of nationality, domain (code) of a course passed. "
                + "Answers {items, total, page, pageSize, countries: [{country, countryName, count}]}.");
    }

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer text) =>
        TypedResults.ValidationProblem(errors, title: text["Données invalides"], detail: string.Join(" ", errors.Values.SelectMany(m => m)));

    private static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(text["common.notFound"], statusCode: StatusCodes.Status404NotFound, title: text["Introuvable"]);
}
