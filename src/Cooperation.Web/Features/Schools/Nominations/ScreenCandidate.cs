namespace Cooperation.Web.Features.Schools.Nominations;

/// <summary>
/// Records the outcome of a candidate's screening (vetting): cleared or refused, with who decided and when. A security
/// decision, taken by headquarters only; a nomination is accepted only once its candidate is cleared.
/// </summary>
public class ScreenCandidate(CooperationDbContext db, Access access, TimeProvider clock, IAuditActor actor, IStringLocalizer<ScreenCandidate> text) : IUseCase
{
    /// <param name="Outcome">Cleared or Refused.</param>
    /// <param name="Version">The version read; a nomination changed meanwhile answers 409.</param>
    public record Request(string? Outcome, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var visible = await access.VisibleNominationsAsync(db.Nominations, ct);
        var nomination = await visible.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new RecordNotFoundException();
        if (!await access.CanScreenAsync(nomination.CountryId, ct)) throw new ForbiddenException("common.forbidden");

        var errors = new FieldErrors(text);
        ScreeningStatus? outcome = request.Outcome?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "CLEARED" => ScreeningStatus.Cleared,
            "REFUSED" => ScreeningStatus.Refused,
            _ => null,
        };
        if (outcome is null)
        {
            if (string.IsNullOrWhiteSpace(request.Outcome)) errors.Add("outcome", "common.required", errors.Label("Résultat du criblage"));
            else errors.Add("outcome", "common.unknown", errors.Label("Résultat du criblage"), request.Outcome);
        }
        errors.ThrowIfAny();

        nomination.Screen(outcome!.Value, clock.GetUtcNow().UtcDateTime, actor.Current.UserName);
        if (request.Version is { } version) db.Entry(nomination).Property(n => n.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
    }
}
