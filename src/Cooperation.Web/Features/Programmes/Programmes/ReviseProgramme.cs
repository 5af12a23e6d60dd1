namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// Revises an approved programme during its year: a new plan and its reason; the plan before is kept with the revision,
/// and the approved baseline stays as it was for comparison.
/// </summary>
public class ReviseProgramme(CooperationDbContext db, ProgrammeAccess programmes, ProgrammeTerms terms, Access access, TimeProvider clock,
    IStringLocalizer<ReviseProgramme> text) : IUseCase
{
    public async Task HandleAsync(int id, ProgrammeInput input, CancellationToken ct = default)
    {
        var programme = await programmes.DraftedAsync(id, ct);
        programme.EnsureNotClosed();
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", input.Version);
        var reason = errors.Text("reason", "Motif de la révision", input.Reason, Programme.MaxText);
        var plan = await terms.PlanAsync(input, errors, ct);
        errors.ThrowIfAny();
        programme.Revise(reason, plan!, access.ActorName, clock.Today());
        programmes.Guard(programme, version);
        await db.SaveChangesAsync(ct);
    }
}
