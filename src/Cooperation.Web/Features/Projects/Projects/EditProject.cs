namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>
/// Changes a project as a whole (its terms, places, budget, EU part, classification), guarded by the version the user
/// read: a project changed meanwhile is refused (409), never overwritten. Its status moves by <see cref="ChangeProjectStatus"/>.
/// </summary>
public class EditProject(CooperationDbContext db, ProjectAccess projects, ProjectTerms terms, IStringLocalizer<EditProject> text) : IUseCase
{
    public async Task HandleAsync(int id, ProjectInput input, CancellationToken ct = default)
    {
        await projects.EnsureEditableAsync(id, ct);
        var project = await db.Projects
            .Include(p => p.Locations).Include(p => p.Sectors).Include(p => p.Domains).Include(p => p.Budget)
            .AsSplitQuery().SingleAsync(p => p.Id == id, ct);
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", input.Version);
        if (project.IsFinished) errors.Add("status", "project.finished");
        errors.ThrowIfAny();
        await terms.ApplyAsync(project, input, errors, ct);
        projects.Guard(project, version);
        await db.SaveChangesAsync(ct);
    }
}
