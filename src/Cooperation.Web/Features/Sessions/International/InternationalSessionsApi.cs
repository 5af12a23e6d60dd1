namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// /api/v1/international-sessions: the IHEDN international sessions (three a year at the École militaire), their
/// participants and the rotation planner. Desk officers manage the sessions on their zones, the director and
/// administrators all; a liaison officer reads those his country is invited to and proposes its participants.
/// </summary>
public sealed class InternationalSessionsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/international-sessions").WithTags("International sessions (IHEDN)");

        sessions.MapGet("/", async ([AsParameters] ListInternationalSessions.Query query, ListInternationalSessions list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("International sessions: filters year, zone (code), country (invited, ISO2); sort start|zone|theme (\"-\" for descending, default -start); paging.");

        sessions.MapGet("/rotation", async (GetRotation rotation, CancellationToken ct) => TypedResults.Ok(await rotation.HandleAsync(ct)))
            .WithSummary("The rotation planner: zones covered by year over the last ten years and the next five, the zones proposed for the first year still to plan (longest uncovered first, weighted by strategic priority), and warnings (a year without three sessions, a priority zone uncovered for more than the configured years, default 3).");

        sessions.MapGet("/{id:int}", async (int id, GetInternationalSession get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One session: year, number, theme, zone, dates, place, invited countries, the participants the caller sees (redacted for the auditor).");

        sessions.MapPost("/", async (InternationalSessionInput request, CreateInternationalSession create, GetInternationalSession get, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/international-sessions/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Plans a session: year, number (1-3, free in its year), theme, zone (a desk officer's own), startDate (in the year) and endDate, place (École militaire by default), invitedCountries (ISO2), withFica (by default for AFS).");

        sessions.MapPut("/{id:int}", async (int id, InternationalSessionInput request, EditInternationalSession edit, GetInternationalSession get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a session as a whole (same body as POST) with the version read: a stale version answers 409. A country with participants stays invited.");

        sessions.MapGet("/{id:int}/participants", async (int id, ListParticipants list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(id, ct)))
            .WithSummary("The participants of a session the caller sees: name, country, administration, position held, grade, status (proposed|invited|confirmed|attended|declined); redacted for the auditor.");

        sessions.MapPost("/{id:int}/participants", async (int id, AddParticipant.Request request, AddParticipant add, GetInternationalSession get, CancellationToken ct) =>
            {
                var participant = await add.HandleAsync(id, request, ct);
                var page = await get.HandleAsync(id, ct);
                return TypedResults.Created($"/api/v1/international-sessions/{id}/participants/{participant}", page.Participants.Single(p => p.Id == participant));
            })
            .WithSummary("Adds a participant of an invited country: firstName, lastName, birthDate, gender, nationality (default: country), administration, country (ISO2; a liaison officer's own by default), positionHeld, grade, email. A liaison officer proposes (proposed), the session's managers invite (invited). The same person as a trainee on record (name, birth date, nationality) is that record.");

        sessions.MapPost("/{id:int}/participants/{participantId:int}/status", async (int id, int participantId, ChangeParticipantStatus.Request request, ChangeParticipantStatus change, ListParticipants list, CancellationToken ct) =>
            {
                await change.HandleAsync(id, participantId, request, ct);
                return TypedResults.Ok((await list.HandleAsync(id, ct)).Single(p => p.Id == participantId));
            })
            .WithSummary("Moves a participant along ({to: invited|confirmed|attended|declined, version}): proposed → invited → confirmed → attended (once the session has begun), or declined.");

        sessions.MapGet("/{id:int}/participants/{participantId:int}/invitation.pdf", async (int id, int participantId, string? lang, ParticipantInvitationLetter letter, CancellationToken ct) =>
            {
                var pdf = await letter.HandleAsync(id, participantId, lang, ct);
                return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
            })
            .WithSummary("The invitation letter of an invited or confirmed participant, as a PDF; lang=fr|en.");
    }
}
