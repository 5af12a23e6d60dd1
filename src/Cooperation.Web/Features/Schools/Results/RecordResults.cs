using Cooperation.Web.Features.Schools.Sessions;
using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Results;

/// <summary>
/// Records attendance and results of a session's enrolments, all rows at once: the domain allows a result only on an
/// accepted enrolment once the session has run, and a result that agrees with the attendance (withdrew only for one not present to the end); every refused row is reported (field <c>rows[i].attended</c> or <c>rows[i].result</c>,
/// the message naming the trainee) and nothing is saved unless every row is valid. Each row carries the nomination's
/// version that was read.
/// </summary>
public class RecordResults(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<RecordResults> text) : IUseCase
{
    /// <param name="Result">passed, failed or withdrew; empty leaves the recorded result as it is.</param>
    public record Row(int NominationId, bool Attended, string? Result, long? Version);

    public record Request(IReadOnlyList<Row>? Rows);

    public async Task HandleAsync(int sessionId, Request request, CancellationToken ct = default)
    {
        await SessionAccess.EnsureManageableAsync(db, access, sessionId, ct);
        var rows = request.Rows ?? [];
        if (rows.Count == 0) throw FieldErrors.One(text, "rows", "common.required", text["Inscriptions"].Value);

        var session = await db.CourseSessions.SingleAsync(s => s.Id == sessionId, ct);
        var today = clock.Today();
        // Before the session has run, every row would be refused for the same reason: say it once.
        try { session.EnsureResultsOpen(today); }
        catch (DomainException e) { throw FieldErrors.One(text, "rows", e.MessageKey, e.Args); }

        var errors = new FieldErrors(text);
        var ids = rows.Select(r => r.NominationId).Distinct().ToList();
        var nominations = await db.Nominations.Include(n => n.Trainee)
            .Where(n => n.SessionId == sessionId && ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var field = $"rows[{i}]";
            if (!nominations.TryGetValue(row.NominationId, out var nomination))
            {
                errors.Add($"{field}.nominationId", "results.notInSession", row.NominationId);
                continue;
            }
            var name = nomination.Trainee!.FullName;
            if (row.Version is null)
            {
                errors.Add($"{field}.version", "results.row", name, text["common.required", errors.Label("Version")].Value);
                continue;
            }
            if (!TraineeRules.TryParseResult(row.Result, out var result))
            {
                errors.Add($"{field}.result", "results.row", name, text["common.unknown", errors.Label("Résultat"), row.Result!.Trim()].Value);
                continue;
            }
            db.Entry(nomination).Property(n => n.Version).OriginalValue = row.Version.Value;
            try
            {
                if (nomination.Attended != row.Attended || (result is { } r && r != nomination.Result))
                    nomination.RecordOutcome(row.Attended, result, session.EndDate, today);
            }
            catch (DomainException e)
            {
                errors.Add($"{field}.{e.Field}", "results.row", name, text[e.MessageKey, e.Args].Value);
            }
        }
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
    }
}
