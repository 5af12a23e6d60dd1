using System.Globalization;
using Cooperation.Web.Features.Reporting.Annual;
using Quartz;

namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// Asks for a report to be made in the background: the annual report's file (PDF or DOCX) or the ten-year series of its
/// key figures (Excel), for a year, a scope and a language. The same access as the report itself (a desk officer for her
/// zones only). The job is recorded, then handed to the scheduler, which runs it on one instance (<see cref="ReportJobRun"/>).
/// </summary>
public class RequestReportJob(CooperationDbContext db, Access access, ReferenceCodes codes, TimeProvider clock, ISchedulerFactory schedulers,
    GetReportJob jobs, IStringLocalizer<RequestReportJob> text, ILogger<RequestReportJob> log) : IUseCase
{
    /// <param name="Kind">annual-pdf, annual-docx or series.</param>
    /// <param name="Year">The report's year, or the last of the series' ten.</param>
    /// <param name="Zone">A zone's code; none for the whole world (a desk officer: her first zone).</param>
    /// <param name="Lang">fr or en; none for the user's language.</param>
    public sealed record Command(string? Kind, int? Year, string? Zone, string? Lang);

    public async Task<ReportJobView> HandleAsync(Command command, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.MayRequestReportJobs);
        var errors = new FieldErrors(text);
        ReportJobKind? kind = null;
        if (string.IsNullOrWhiteSpace(command.Kind)) errors.Add("kind", "common.required", errors.Label("Document"));
        else if (ReportJobWords.Kinds.TryGetValue(command.Kind.Trim().ToLowerInvariant(), out var k)) kind = k;
        else errors.Add("kind", "reportJob.kind", command.Kind.Trim());
        var today = clock.Today();
        if (command.Year is not { } year) errors.Add("year", "common.required", errors.Label("Année"));
        else if (year < ComputeAnnualReport.FirstYear || year > today.Year) errors.Add("year", "report.year", ComputeAnnualReport.FirstYear, today.Year);
        var zoneId = string.IsNullOrWhiteSpace(command.Zone) ? access.DefaultAnnualReportZoneId
            : await codes.ZoneAsync(command.Zone, errors, required: false, ct: ct);
        var language = string.IsNullOrWhiteSpace(command.Lang) ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr")
            : command.Lang.Trim().ToLowerInvariant();
        if (language is not ("fr" or "en")) errors.Add("lang", "report.lang", command.Lang!.Trim());
        errors.ThrowIfAny();
        ForbiddenException.ThrowUnless(access.MayReadAnnualReport(zoneId));

        var userId = access.UserId!;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).SingleAsync(ct) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var job = ReportJob.Queue(userId, name, kind!.Value, command.Year!.Value, zoneId, language, now);
        db.ReportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.ScheduleJob(ReportJobRun.Detail(job.Id), ReportJobRun.Trigger(job.Id), cancellationToken: ct);
        }
        catch (Exception e) when (e is SchedulerException or System.Data.Common.DbException)
        {
            // Not scheduled, so never run: the requester sees it failed rather than waiting for ever.
            log.LogError(e, "Report job {Id} could not be scheduled.", job.Id);
            job.Fail(text["La tâche n'a pas pu être planifiée ; demandez-la de nouveau."], clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return await jobs.HandleAsync(job.Id, ct);
    }
}
