namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>Creates a project, identified, in one of the zones the desk officer edits.</summary>
public class CreateProject(CooperationDbContext db, Access access, ProjectTerms terms, IStringLocalizer<CreateProject> text) : IUseCase
{
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanCreateProjects);

    /// <returns>The id of the new project.</returns>
    public async Task<int> HandleAsync(ProjectInput input, CancellationToken ct = default)
    {
        Authorize();
        var project = new Project { Title = "" };
        await terms.ApplyAsync(project, input, new FieldErrors(text), ct);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project.Id;
    }
}
