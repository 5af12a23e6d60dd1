namespace Cooperation.Web.Features.Projects.Results;

/// <summary>Records the actual value of an indicator for a year (a later record of the same year replaces it).</summary>
public class RecordActual(CooperationDbContext db, ProjectAccess projects, TimeProvider clock, IStringLocalizer<RecordActual> text) : IUseCase
{
    public record Request(int? Year, decimal? Value, long? Version = null);

    public async Task HandleAsync(int projectId, int indicatorId, Request request, CancellationToken ct = default)
    {
        var project = await projects.EditableAsync(projectId, ct);
        var indicator = project.Indicators.FirstOrDefault(i => i.Id == indicatorId) ?? throw new RecordNotFoundException();
        var errors = new FieldErrors(text);
        var year = AddIndicator.Year(errors, "year", "Année", request.Year);
        var value = errors.Required("value", "Valeur constatée", request.Value);
        errors.ThrowIfAny();

        indicator.RecordActual(year!.Value, value!.Value, clock.Today());
        projects.Guard(project, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
