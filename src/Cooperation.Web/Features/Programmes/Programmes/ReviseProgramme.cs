using Cooperation.Web.Features.Programmes.Quotas;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// Revises an approved programme during its year: a new plan and its reason; the plan before is kept with the revision,
/// and the approved baseline stays as it was for comparison. The new plan's training places become the country's
/// quotas in the year's sessions (<see cref="PlaceQuotas"/>), in the same save.
/// </summary>
public class ReviseProgramme(CooperationDbContext db, ProgrammeAccess programmes, ProgrammeTerms terms, Access access, TimeProvider clock,
    PlaceQuotas quotas, IStringLocalizer<ReviseProgramme> text) : IUseCase
{
    /// <returns>The quotas placed (or lowered) and the places left.</returns>
    public async Task<QuotaPlacement> HandleAsync(int id, ProgrammeInput input, CancellationToken ct = default)
    {
        var programme = await programmes.DraftedAsync(id, ct);
        programme.EnsureNotClosed();
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", input.Version);
        var reason = errors.Text("reason", "Motif de la révision", input.Reason, Programme.MaxText);
        var plan = await terms.PlanAsync(input, errors, ct);
        errors.ThrowIfAny();
        programme.Revise(reason, plan!, access.ActorName, clock.Today());
        var placement = await quotas.PlaceAsync(programme, ct);
        programmes.Guard(programme, version);
        await db.SaveChangesAsync(ct);
        return placement;
    }
}
