using System.Globalization;
using Cooperation.Web.Features.Reporting.Annual;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// Makes what a report job asked for, as the user who asked (<see cref="BackgroundUser"/>: his access today), in the
/// job's language, telling its progress as it goes (the report's sections; the series' years), and keeps the file as a
/// <see cref="StoredFile"/> of the job. A job already done or failed is left as it is, so that a second firing (a
/// recovery after a stop) never makes it twice; one interrupted while running starts again from the beginning.
/// </summary>
public sealed class RunReportJob(IServiceScopeFactory scopes, BackgroundUser users, TimeProvider clock, ILogger<RunReportJob> log)
{
    public async Task HandleAsync(int id, bool recovering, CancellationToken ct)
    {
        using var activity = Observability.Source.StartActivity("report.job");
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CooperationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // The claim: queued, or running when an interrupted run comes back. Counted, so that a run twice shows.
        var claimed = await db.OutsidePastYearsAsync(() => db.ReportJobs.Where(j => j.Id == id && (j.Status == ReportJobStatus.Queued || j.Status == ReportJobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ReportJobStatus.Running).SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Runs, j => j.Runs + 1).SetProperty(j => j.Percent, 0).SetProperty(j => j.Step, (string?)null), ct));
        if (claimed == 0) return;
        var job = await db.ReportJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        if (recovering) log.LogInformation("Report job {Id} runs again after an interruption (run {Runs}).", id, job.Runs);

        var culture = new CultureInfo(job.Language == "en" ? "en-GB" : "fr-FR");
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            StoredFile? file = null;
            string? refusal = null;
            var signedIn = await users.RunAsAsync(sp, job.RequestedById, async () =>
            {
                try
                {
                    file = await MakeAsync(sp, job, ct);
                }
                catch (Exception e) when (Refusal(sp, e) is { } message)
                {
                    refusal = message;
                }
            });
            var text = sp.GetRequiredService<IStringLocalizer<RunReportJob>>();
            if (!signedIn) refusal = text["Le compte qui a demandé ce rapport n'est plus actif."];
            await FinishAsync(db, id, file, refusal, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A stop: the scheduler hands the firing back, and the job runs again on the next start or another instance.
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Report job {Id} failed.", id);
            using var failScope = scopes.CreateScope();
            var text = failScope.ServiceProvider.GetRequiredService<IStringLocalizer<RunReportJob>>();
            await FinishAsync(failScope.ServiceProvider.GetRequiredService<CooperationDbContext>(), id, null,
                text["La génération a échoué ; demandez-la de nouveau ou signalez-le à l'administrateur."], CancellationToken.None);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previousCulture, previousUiCulture);
        }
    }

    /// <summary>The file the job asked for, made with the services of the job's scope, as its requester.</summary>
    private static async Task<StoredFile> MakeAsync(IServiceProvider sp, ReportJob job, CancellationToken ct)
    {
        var db = sp.GetRequiredService<CooperationDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var zone = job.ZoneId is { } zoneId ? await db.Zones.AsNoTracking().Where(z => z.Id == zoneId).Select(z => z.Code).SingleAsync(ct) : null;
        var query = new ComputeAnnualReport.Query(job.Year, zone);
        // Each step is written at once (not through the change tracker: a percent is no event the audit trail keeps).
        async Task Progress(int done, int total, string step)
        {
            var percent = (int)Math.Round(100.0 * done / Math.Max(1, total) * 0.95);
            var shown = step.Length > ReportJob.MaxStep ? step[..ReportJob.MaxStep] : step;
            await db.OutsidePastYearsAsync(() => db.ReportJobs.Where(j => j.Id == job.Id && j.Status == ReportJobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Percent, percent).SetProperty(j => j.Step, shown), ct));
        }

        var files = sp.GetRequiredService<GetAnnualReportFile>();
        var (content, name, kind) = job.Kind switch
        {
            ReportJobKind.AnnualPdf => await files.PdfAsync(query, ct, Progress) is var pdf ? (pdf.Content, pdf.Name, FileKinds.Pdf) : default,
            ReportJobKind.AnnualDocx => await files.DocxAsync(query, ct, Progress) is var docx ? (docx.Content, docx.Name, FileKinds.Docx) : default,
            _ => await sp.GetRequiredService<ReportSeries>().HandleAsync(query, Progress, ct) is var series
                ? (series.Content, series.Name, FileKinds.Xlsx) : default,
        };
        return StoredFile.Of(name, kind, content, clock.GetUtcNow());
    }

    /// <summary>What the user sees when the report is refused him now (his access changed, a zone he no longer holds): the message of the refusal.</summary>
    private static string? Refusal(IServiceProvider sp, Exception e)
    {
        var text = sp.GetRequiredService<IStringLocalizer<RunReportJob>>();
        return e switch
        {
            InvalidInputException invalid => invalid.Detail,
            ForbiddenException forbidden => text[forbidden.MessageKey],
            RecordNotFoundException => text["common.notFound"],
            DomainException broken => text[broken.MessageKey, broken.Args],
            _ => null,
        };
    }

    /// <summary>The job done with its file, or failed with the reason; written through the change tracker, so audited.</summary>
    private async Task FinishAsync(CooperationDbContext db, int id, StoredFile? file, string? error, CancellationToken ct)
    {
        var job = await db.ReportJobs.SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (file is not null) job.Finish(file, now);
        else job.Fail(error ?? "", now);
        await db.SaveChangesAsync(ct);
    }
}
