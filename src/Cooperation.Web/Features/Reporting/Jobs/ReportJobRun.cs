using Quartz;

namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// The scheduler's job for one report job: a job of its own (report-{id}), fired once at once, that asks to be run again
/// when the instance running it stops or dies before it ends (<c>RequestRecovery</c>). The work is <see cref="RunReportJob"/>.
/// </summary>
public sealed class ReportJobRun(RunReportJob run) : IJob
{
    public const string Group = "reports", IdKey = "reportJobId";

    public static IJobDetail Detail(int reportJobId) => JobBuilder.Create<ReportJobRun>()
        .WithIdentity($"report-{reportJobId}", Group)
        .UsingJobData(IdKey, reportJobId)
        .RequestRecovery()
        .Build();

    public static ITrigger Trigger(int reportJobId) => TriggerBuilder.Create()
        .WithIdentity($"report-{reportJobId}", Group)
        .StartNow()
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) =>
        await run.HandleAsync(context.MergedJobDataMap.GetInt(IdKey), context.Recovering, ct);
}
