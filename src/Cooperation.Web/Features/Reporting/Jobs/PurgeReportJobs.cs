using Microsoft.Extensions.Options;
using Quartz;

namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// Deletes the report jobs finished more than <see cref="JobOptions.KeepDays"/> days ago, with their files (audited
/// deletes, a batch at a time). Run by <see cref="PurgeReportJobsJob"/>.
/// </summary>
public class PurgeReportJobs(CooperationDbContext db, TimeProvider clock, IOptions<JobOptions> options) : IUseCase
{
    private const int Batch = 200;

    /// <summary>Returns how many jobs were deleted.</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepDays);
        var deleted = 0;
        while (true)
        {
            var jobs = await db.ReportJobs.Include(j => j.ResultFile)
                .Where(j => (j.Status == ReportJobStatus.Done || j.Status == ReportJobStatus.Failed) && j.FinishedAt < before)
                .OrderBy(j => j.Id).Take(Batch).ToListAsync(ct);
            if (jobs.Count == 0) return deleted;
            foreach (var job in jobs)
            {
                if (job.ResultFile is { } file) db.StoredFiles.Remove(file);
                db.ReportJobs.Remove(job);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            deleted += jobs.Count;
        }
    }
}

/// <summary>Purges the old report jobs every <see cref="JobOptions.PurgeEveryHours"/> hours, on one instance.</summary>
[DisallowConcurrentExecution]
public sealed class PurgeReportJobsJob(IServiceScopeFactory scopes, ILogger<PurgeReportJobsJob> log) : IJob
{
    public static readonly JobKey Key = new("purge-report-jobs", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<PurgeReportJobs>().HandleAsync(ct);
        if (deleted > 0) log.LogInformation("{Count} finished report job(s) purged with their files.", deleted);
    }
}
