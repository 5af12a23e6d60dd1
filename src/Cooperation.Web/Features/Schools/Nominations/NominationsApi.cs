namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// /api/v1/nominations: partners' nominations of candidates to sessions and the decisions on them. A list is limited
/// to the user's scope; a nomination outside it is a 404; an action the user may not take a 403; a rule broken a 400
/// naming the field and the reason; a stale version a 409.
/// </summary>
public sealed class NominationsApi : IApiRoutes
{
    public record NominationCreated(int Id, int TraineeId, bool ExistingTrainee, int NearMatches, NominationDetails Nomination);
    public record DecisionTaken(NominationDetails Nomination, NominationRow? Promoted);
    public record TraineesMerged(int TraineeId, NominationDetails Nomination);

    public void Map(RouteGroupBuilder api)
    {
        var nominations = api.MapGroup("/nominations").WithTags("Training: nominations");

        nominations.MapGet("/", async ([AsParameters] ListNominations.Query query, ListNominations list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Nominations of the user's scope: filters session (id), school (acronym), country (ISO2), status, screening, awaiting=true (submitted or under review), mine=true, search; sort submitted|session|name|country|status (\"-\" for descending); paging.");

        nominations.MapGet("/{id:int}", async (int id, GetNomination get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One nomination: candidate, session seats, screening, history from the audit trail and the actions open to the user.");

        nominations.MapPost("/", async (NominateCandidate.Request request, NominateCandidate nominate, GetNomination get, CancellationToken ct) =>
            {
                var result = await nominate.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/nominations/{result.NominationId}",
                    new NominationCreated(result.NominationId, result.TraineeId, result.ExistingTrainee, result.NearMatches, await get.HandleAsync(result.NominationId, ct)));
            })
            .WithSummary("Nominates a candidate to a session: {sessionId, country?, candidate: {firstName, lastName, birthDate, gender (F|M, Femme|Homme, Female|Male), nationality?, administration (ARM|INT|ECO|JUS|DOU), rank, position, email}}. A trainee with the same name, birth date and nationality is reused (existingTrainee: true). The session must be one the user sees, open, with a quota for the country, and the course open to the candidate's administration.");

        MapDecision(nominations, "review", Decision.Review, "Puts a nomination under review.");
        MapDecision(nominations, "accept", Decision.Accept, "Accepts a nomination: refused unless the screening is cleared, a seat is free in the session and in the country's quota.");
        MapDecision(nominations, "waitlist", Decision.Waitlist, "Puts a nomination on the session's waiting list.");
        MapDecision(nominations, "refuse", Decision.Refuse, "Refuses a nomination (final).");
        MapDecision(nominations, "withdraw", Decision.Withdraw, "Withdraws a nomination (final); an accepted one frees its seat, which the first cleared waitlisted candidate takes (promoted).");

        nominations.MapPost("/{id:int}/screening", async (int id, ScreenCandidate.Request request, ScreenCandidate screen, GetNomination get, CancellationToken ct) =>
            {
                await screen.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Records the candidate's screening: {outcome: Cleared|Refused, version}. Headquarters only.");

        nominations.MapGet("/{id:int}/near-matches", async (int id, FindNearMatches find, CancellationToken ct) =>
                TypedResults.Ok(await find.HandleAsync(id, ct)))
            .WithSummary("Trainees who may be the same person as the candidate: same nationality and birth date with a similar name, or the same name with a birth date within a year.");

        nominations.MapPost("/{id:int}/merge", async (int id, MergeTrainee.Request request, MergeTrainee merge, GetNomination get, CancellationToken ct) =>
            {
                var kept = await merge.HandleAsync(id, request, ct);
                return TypedResults.Ok(new TraineesMerged(kept, await get.HandleAsync(id, ct)));
            })
            .WithSummary("Merges the candidate's trainee record into one of its near-matches {traineeId}: every nomination and career entry moves to it, the duplicate is deleted.");

        nominations.MapGet("/{id:int}/invitation.pdf", async (int id, string? lang, InvitationLetter letter, CancellationToken ct) =>
            {
                var pdf = await letter.HandleAsync(id, lang, ct);
                return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
            })
            .WithSummary("The invitation letter (convocation) of an accepted candidate, as a PDF; lang=fr|en.");
    }

    private static void MapDecision(RouteGroupBuilder group, string route, Decision decision, string summary) =>
        group.MapPost($"/{{id:int}}/{route}", async (int id, [FromBody] DecideNomination.Request? request, DecideNomination decide, GetNomination get,
                ListNominations list, CancellationToken ct) =>
            {
                var result = await decide.HandleAsync(id, decision, request ?? new DecideNomination.Request(), ct);
                var promoted = result.PromotedId is { } p ? await list.FindAsync(p, ct) : null;
                return TypedResults.Ok(new DecisionTaken(await get.HandleAsync(id, ct), promoted));
            })
            .WithSummary(summary + " Body: {version} (optional; a stale version answers 409).");
}
