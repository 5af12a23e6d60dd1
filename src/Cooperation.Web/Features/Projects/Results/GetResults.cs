namespace Cooperation.Web.Features.Projects.Results;

public record ActualValue(int Year, decimal Value);

/// <summary>
/// An indicator: what it measures (the objective when <see cref="ResultId"/> is null, else an outcome or output), its
/// unit, baseline, target, the actual values by year, the latest one and the progress toward the target (0 to 1, beyond when exceeded).
/// </summary>
public record IndicatorRow(
    int Id, int? ResultId, string Title, string Unit, decimal Baseline, int BaselineYear, decimal Target, int TargetYear,
    IReadOnlyList<ActualValue> Actuals, decimal? Latest, double? Progress);

/// <summary>An outcome, or an output with the outcome it serves.</summary>
public record ResultRow(int Id, string Level, string LevelName, int? OutcomeId, string Title);

/// <summary>The results chain: objective → outcomes → outputs, and the indicators of each.</summary>
public record ResultsChain(int ProjectId, string Objective, IReadOnlyList<ResultRow> Results, IReadOnlyList<IndicatorRow> Indicators, bool CanEdit);

public class GetResults(CooperationDbContext db, Access access, ProjectAccess projects, IStringLocalizer<GetResults> text) : IUseCase
{
    public async Task<ResultsChain> HandleAsync(int projectId, CancellationToken ct = default)
    {
        var zone = await projects.ReadableZoneAsync(projectId, ct);
        var objective = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Objective).SingleAsync(ct);
        return await ReadAsync(projectId, objective, zone, ct);
    }

    /// <summary>
    /// The same, for a caller that has just checked the user reads the project (<see cref="Cooperation.Web.Features.Projects.Projects.GetProject"/>) and read its
    /// objective and zone.
    /// </summary>
    internal async Task<ResultsChain> ReadAsync(int projectId, string objective, int zone, CancellationToken ct)
    {
        var results = (await db.ProjectResults.AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Level, r.ParentId, r.Title }).ToListAsync(ct))
            .Select(r => new ResultRow(r.Id, ProjectCodes.Of(r.Level), r.Level.Name(text), r.ParentId, r.Title)).ToList();
        var indicators = (await db.Indicators.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
                .Select(i => new
                {
                    i.Id, i.ResultId, i.Title, i.Unit, i.Baseline, i.BaselineYear, i.Target, i.TargetYear,
                    Values = i.Values.OrderBy(v => v.Year).Select(v => new ActualValue(v.Year, v.Value)).ToList(),
                }).ToListAsync(ct))
            .Select(i =>
            {
                var latest = i.Values.Count == 0 ? (decimal?)null : i.Values[^1].Value;
                return new IndicatorRow(i.Id, i.ResultId, i.Title, i.Unit, i.Baseline, i.BaselineYear, i.Target, i.TargetYear, i.Values,
                    latest, Indicator.Progress(i.Baseline, i.Target, latest));
            }).ToList();
        return new ResultsChain(projectId, objective, results, indicators, access.CanEditProject(zone));
    }
}
