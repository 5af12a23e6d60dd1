using Cooperation.Web.Features.Projects.Iati;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>Creates a project, identified, in one of the zones the desk officer edits.</summary>
public class CreateProject(CooperationDbContext db, Access access, ProjectTerms terms, IOptions<IatiOptions> iati, IStringLocalizer<CreateProject> text) : IUseCase
{
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanCreateProjects);

    /// <returns>The id of the new project.</returns>
    public async Task<int> HandleAsync(ProjectInput input, CancellationToken ct = default)
    {
        Authorize();
        var project = new Project { Title = "" };
        await terms.ApplyAsync(project, input, new FieldErrors(text), ct);
        db.Projects.Add(project);
        if (!project.IatiPublished)
        {
            await db.SaveChangesAsync(ct);
            return project.Id;
        }
        // Published at once: its IATI identifier takes its number, so both are written in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        project.GiveIatiIdentifier(iati.Value.IdentifierFor(project.Id));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return project.Id;
    }
}
