namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// /api/v1/sessions: the sessions the caller may see (a liaison officer those with seats for his country, a school
/// director his school's), their quotas and status, and their calendar. A school's director, the desk officers of its
/// zone and administrators plan and change them.
/// </summary>
public sealed class SessionsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Training: sessions");

        sessions.MapGet("/", async ([AsParameters] ListSessions.Query query, ListSessions list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Sessions: filters school (acronym), courseId, course (code), domain, status (Planned|Open|Closed|Completed|Cancelled), from/to (yyyy-mm-dd), country (invited, ISO2), openToMyCountry; sort start|end|course|school|fill|status (\"-\" for descending, default -start); paging.");

        sessions.MapGet("/calendar.ics", async ([AsParameters] ListSessions.Query query, ListSessions list, IStringLocalizer<ListSessions> text, TimeProvider clock, CancellationToken ct) =>
                SessionCalendar.File(await list.AllAsync(query, ct), text, "sessions", clock))
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .WithSummary("The sessions of the filtered list (same filters as GET /sessions) as an iCalendar file: one all-day event per session.");

        sessions.MapGet("/{id:int}", async (int id, GetSession get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One session: course, school, dates, place, capacity, status (finished: completed or cancelled), quotas with accepted and waitlisted candidates per country, nominations counted by status, and the status changes the caller may make.");

        sessions.MapGet("/{id:int}/calendar.ics", async (int id, ListSessions list, IStringLocalizer<ListSessions> text, TimeProvider clock, CancellationToken ct) =>
                SessionCalendar.File([await list.GetAsync(id, ct)], text, $"session-{id}", clock))
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .WithSummary("One session as an iCalendar file (all-day event; its UID stays the same when the session changes).");

        sessions.MapPost("/", async (CreateSession.Request request, CreateSession create, GetSession get, CancellationToken ct) =>
            {
                var id = await create.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/sessions/{id}", await get.HandleAsync(id, ct));
            })
            .WithSummary("Plans a session of a course (courseId, or school + course code): dates, place, capacity and quotas [{country, seats}], all quotas together at most the capacity, and projectId for the project it serves. It starts Planned.");

        sessions.MapPut("/{id:int}", async (int id, EditSession.Request request, EditSession edit, GetSession get, CancellationToken ct) =>
            {
                await edit.HandleAsync(id, request, ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Changes a session's dates, place, capacity and projectId (none detaches it); send the version read (a stale version answers 409).");

        sessions.MapPut("/{id:int}/quotas/{iso2}", async (int id, string iso2, QuotaRequest request, SetQuota set, GetSession get, CancellationToken ct) =>
            {
                await set.HandleAsync(id, new SetQuota.Request(request.Version, [new QuotaInput(iso2, request.Seats)]), ct);
                return TypedResults.Ok(await get.HandleAsync(id, ct));
            })
            .WithSummary("Sets the seats of an invited country (0 withdraws the invitation). All quotas together never exceed the capacity, nor does a quota drop below the country's accepted candidates.");

        foreach (var action in ChangeSessionStatus.All)
        {
            sessions.MapPost($"/{{id:int}}/{action}", async (int id, [FromBody] ChangeSessionStatus.Request? request, ChangeSessionStatus change, GetSession get, CancellationToken ct) =>
                {
                    await change.HandleAsync(id, action, request ?? new ChangeSessionStatus.Request(), ct);
                    return TypedResults.Ok(await get.HandleAsync(id, ct));
                })
                .WithName($"Session{char.ToUpperInvariant(action[0])}{action[1..]}")
                .WithSummary(action switch
                {
                    ChangeSessionStatus.Open => "Opens the session to nominations (from Planned or Closed).",
                    ChangeSessionStatus.Close => "Closes nominations (from Open).",
                    ChangeSessionStatus.Cancel => "Cancels the session (unless already completed or cancelled).",
                    _ => "Marks the session completed: nominations open or closed, and its end date reached.",
                });
        }
    }

    /// <param name="Seats">Seats of the country; 0 withdraws the invitation.</param>
    /// <param name="Version">The session's version as read (optional); a stale one answers 409.</param>
    public record QuotaRequest(int? Seats, long? Version = null);
}
