namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// Changes the plan of a draft or returned programme, guarded by the version read; an approved one changes only by a
/// revision with its reason (<see cref="ReviseProgramme"/>), a closed one never.
/// </summary>
public class EditProgramme(CooperationDbContext db, ProgrammeAccess programmes, ProgrammeTerms terms, IStringLocalizer<EditProgramme> text) : IUseCase
{
    public async Task HandleAsync(int id, ProgrammeInput input, CancellationToken ct = default)
    {
        var programme = await programmes.DraftedAsync(id, ct);
        programme.EnsureNotClosed();
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", input.Version);
        var plan = await terms.PlanAsync(input, errors, ct);
        errors.ThrowIfAny();
        programme.Plan(plan!);
        programmes.Guard(programme, version);
        await db.SaveChangesAsync(ct);
    }
}
