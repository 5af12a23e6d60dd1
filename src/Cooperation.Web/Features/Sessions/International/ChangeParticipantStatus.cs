namespace Cooperation.Web.Features.Sessions.International;

/// <summary>Moves a participant along: proposed → invited → confirmed → attended (once the session has begun), or declined; the session's managers decide.</summary>
public class ChangeParticipantStatus(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<ChangeParticipantStatus> text) : IUseCase
{
    /// <param name="To">invited, confirmed, attended or declined.</param>
    /// <param name="Version">The participant's version read (optional): a stale one answers 409.</param>
    public record Request(string? To, long? Version = null);

    public async Task HandleAsync(int sessionId, int participantId, Request request, CancellationToken ct = default)
    {
        var session = await EditInternationalSession.ManageableAsync(db, access, sessionId, ct);
        var participant = session.Participants.SingleOrDefault(p => p.Id == participantId) ?? throw new RecordNotFoundException();
        var to = ParticipantLabels.Parse(request.To);
        if (string.IsNullOrWhiteSpace(request.To)) throw FieldErrors.One(text, "to", "common.required", text["Statut"].Value);
        if (to is null) throw FieldErrors.One(text, "to", "common.unknown", text["Statut"].Value, request.To.Trim());
        participant.MoveTo(to.Value, clock.Today());
        if (request.Version is { } version) db.Entry(participant).Property(p => p.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
    }
}
