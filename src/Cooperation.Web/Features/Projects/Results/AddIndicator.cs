namespace Cooperation.Web.Features.Projects.Results;

/// <summary>Adds an indicator to the objective, an outcome or an output: its unit, baseline and target, each with its year.</summary>
public class AddIndicator(CooperationDbContext db, ProjectAccess projects, IStringLocalizer<AddIndicator> text) : IUseCase
{
    /// <param name="ResultId">The outcome or output it measures; none for the objective.</param>
    public record Request(
        string? Title, string? Unit, decimal? Baseline, int? BaselineYear, decimal? Target, int? TargetYear, int? ResultId = null, long? Version = null);

    public async Task<int> HandleAsync(int projectId, Request request, CancellationToken ct = default)
    {
        var project = await projects.EditableAsync(projectId, ct);
        var errors = new FieldErrors(text);
        var title = errors.Text("title", "Intitulé de l'indicateur", request.Title, 500);
        var unit = errors.Text("unit", "Unité", request.Unit, 100);
        var baseline = errors.Required("baseline", "Valeur de référence", request.Baseline);
        var baselineYear = Year(errors, "baselineYear", "Année de référence", request.BaselineYear);
        var target = errors.Required("target", "Cible", request.Target);
        var targetYear = Year(errors, "targetYear", "Année cible", request.TargetYear);
        ProjectResult? result = null;
        if (request.ResultId is { } resultId && (result = project.Results.FirstOrDefault(r => r.Id == resultId)) is null)
            errors.Add("resultId", "common.unknown", errors.Label("Résultat mesuré"), resultId);
        errors.ThrowIfAny();

        var indicator = project.AddIndicator(title!, unit!, baseline!.Value, baselineYear!.Value, target!.Value, targetYear!.Value, result);
        projects.Guard(project, request.Version);
        await db.SaveChangesAsync(ct);
        return indicator.Id;
    }

    internal static int? Year(FieldErrors errors, string field, string label, int? year)
    {
        if (errors.Required(field, label, year) is not { } y) return null;
        if (y is >= 1990 and <= 2100) return y;
        errors.Add(field, "project.yearRange", errors.Label(label));
        return null;
    }
}
