using Cooperation.Web.Features.Programmes.Quotas;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// Moves a programme along its cycle: the desk officer submits and closes it, the director approves or returns it.
/// Each step is the entity's rule; each refusal names its field. The approval places the training places as the
/// country's quotas in the year's sessions (<see cref="PlaceQuotas"/>), in the same save.
/// </summary>
public class ProgrammeCycle(CooperationDbContext db, ProgrammeAccess programmes, Access access, TimeProvider clock, PlaceQuotas quotas,
    IStringLocalizer<ProgrammeCycle> text)
    : IUseCase
{
    /// <param name="Comment">The director's comments, to return it; the year's assessment, to close it.</param>
    /// <param name="Version">The version read; a programme changed meanwhile answers 409.</param>
    public record Request(string? Comment = null, long? Version = null);

    public enum Step { Submit = 1, Approve = 2, Return = 3, Close = 4 }

    /// <returns>For an approval, the quotas placed and the places left; otherwise null.</returns>
    public async Task<QuotaPlacement?> HandleAsync(int id, Step step, Request request, CancellationToken ct = default)
    {
        var programme = step is Step.Approve or Step.Return ? await programmes.DecidedAsync(id, ct) : await programmes.DraftedAsync(id, ct);
        var errors = new FieldErrors(text);
        var comment = errors.Text(step == Step.Close ? "assessment" : "comment", step == Step.Close ? "Bilan" : "Observations", request.Comment,
            Programme.MaxText, optional: true);
        errors.ThrowIfAny();
        QuotaPlacement? placement = null;
        switch (step)
        {
            case Step.Submit: programme.Submit(clock.Today()); break;
            case Step.Approve:
                programme.Approve(await programmes.AnotherApprovedAsync(programme, ct), access.ActorName, clock.Today());
                placement = await quotas.PlaceAsync(programme, ct);
                break;
            case Step.Return: programme.Return(comment, access.ActorName); break;
            default: programme.Close(comment, clock.Today()); break;
        }
        programmes.Guard(programme, request.Version);
        await db.SaveChangesAsync(ct);
        return placement;
    }
}
