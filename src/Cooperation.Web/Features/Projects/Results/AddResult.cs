namespace Cooperation.Web.Features.Projects.Results;

/// <summary>Adds an outcome under the project's objective, or an output serving one of its outcomes.</summary>
public class AddResult(CooperationDbContext db, ProjectAccess projects, IStringLocalizer<AddResult> text) : IUseCase
{
    /// <param name="Level">outcome or output.</param>
    /// <param name="OutcomeId">For an output: the outcome it serves.</param>
    public record Request(string? Level, string? Title, int? OutcomeId = null, long? Version = null);

    public async Task<int> HandleAsync(int projectId, Request request, CancellationToken ct = default)
    {
        var project = await projects.EditableAsync(projectId, ct);
        var errors = new FieldErrors(text);
        var level = ProjectCodes.Read<ResultLevel>(errors, "level", "Niveau", request.Level);
        var title = errors.Text("title", "Intitulé", request.Title, 500);
        ProjectResult? outcome = null;
        if (request.OutcomeId is { } outcomeId && (outcome = project.Results.FirstOrDefault(r => r.Id == outcomeId)) is null)
            errors.Add("outcomeId", "common.unknown", errors.Label("Effet"), outcomeId);
        errors.ThrowIfAny();

        var result = project.AddResult(level!.Value, title!, outcome);
        projects.Guard(project, request.Version);
        await db.SaveChangesAsync(ct);
        return result.Id;
    }
}
