namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>
/// Moves a project one step along its cycle (identified → in preparation → approved → running → closed → evaluated, or
/// abandoned before closing). Each step that needs something refuses, naming it, until it is there; each change is audited.
/// </summary>
public class ChangeProjectStatus(CooperationDbContext db, ProjectAccess projects, TimeProvider clock, IStringLocalizer<ChangeProjectStatus> text) : IUseCase
{
    /// <param name="To">The next status: inPreparation, approved, running, closed, evaluated or abandoned.</param>
    /// <param name="EvaluationSummary">What the evaluation found: required to move to evaluated.</param>
    /// <param name="Version">The project's version as read; a stale one answers 409.</param>
    public record Request(string? To, string? EvaluationSummary = null, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var project = await projects.EditableAsync(id, ct);
        var errors = new FieldErrors(text);
        var to = ProjectCodes.Read<ProjectStatus>(errors, "to", "Nouveau statut", request.To);
        var summary = errors.Text("evaluationSummary", "Synthèse de l'évaluation", request.EvaluationSummary, Project.MaxText, optional: true);
        errors.ThrowIfAny();

        if (summary is not null) project.EvaluationSummary = summary;
        project.MoveTo(to!.Value, clock.Today());
        projects.Guard(project, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
