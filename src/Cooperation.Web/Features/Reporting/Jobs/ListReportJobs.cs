namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>The user's report jobs, newest first (an administrator's: everybody's), at most <see cref="Limit"/>: a queue to follow, not an archive.</summary>
public class ListReportJobs(CooperationDbContext db, Access access, GetReportJob jobs) : IUseCase
{
    public const int Limit = 100;

    public async Task<IReadOnlyList<ReportJobView>> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.MayRequestReportJobs || access.SeesAllReportJobs);
        var list = await jobs.Visible(db.ReportJobs.AsNoTracking()).OrderByDescending(j => j.QueuedAt).ThenByDescending(j => j.Id).Take(Limit)
            .Select(GetReportJob.Projection).ToListAsync(ct);
        return list.Select(GetReportJob.With).ToList();
    }
}
