namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>Reports made in the background: ask for one, follow it, download its file.</summary>
public sealed class ReportJobsApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/reports/jobs").WithTags("Reporting");
        jobs.MapPost("", async (RequestReportJob.Command command, RequestReportJob request, CancellationToken ct) =>
            {
                var job = await request.HandleAsync(command, ct);
                return TypedResults.Created($"/api/v1/reports/jobs/{job.Id}", job);
            })
            .WithSummary("Asks for a report to be made in the background: kind annual-pdf or annual-docx (the annual report's file, as "
                + "GET /api/v1/reports/annual/{year}.pdf|.docx makes it) or series (the key figures of the ten years up to year, an Excel workbook); "
                + "year; zone (a zone's code, or null for the whole world: the director, the auditor and the administrator; a desk officer for her "
                + "zones only, 403 otherwise); lang fr or en (else the reader's language). Answers 201 with the job, queued: follow it at its address.");
        jobs.MapGet("", async (ListReportJobs list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithSummary($"The user's report jobs, newest first (an administrator's: everybody's), at most {ListReportJobs.Limit}.");
        jobs.MapGet("/{id:int}", async (int id, GetReportJob get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, ct)))
            .WithSummary("One report job: status (queued, running, done, failed), percent (0 to 100) and step while it runs, error when it "
                + "failed, file (the address of its file) when done. Another user's job answers 404.");
        jobs.MapGet("/{id:int}/file", async (int id, GetReportJob get, CancellationToken ct) => (await get.FileAsync(id, ct)).ToResult())
            .WithSummary("The file a done job made (PDF, DOCX or XLSX). 404 while it is not done, and for another user's job.");
    }
}
