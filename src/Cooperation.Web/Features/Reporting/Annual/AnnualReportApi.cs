namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>The annual activity report: its figures as JSON, and the same figures as PDF and DOCX.</summary>
public sealed class AnnualReportApi : IApiRoutes
{
    private const string Scope = " The scope is the whole world, or one zone (zone=AFS...): the director, the auditor and the administrator may ask for either; "
        + "a desk officer only for a zone of hers (her first zone when none is given; another zone answers 403). lang=fr or en (else the reader's language); "
        + "year from 2000 to the current one (400 otherwise).";

    public void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports/annual").WithTags("Reporting");
        reports.MapGet("/{year:int}", async (int year, string? zone, string? lang, ComputeAnnualReport compute, IStringLocalizer<ComputeAnnualReport> text,
                CancellationToken ct) =>
            {
                ReportLanguage.Apply(lang, text);
                return TypedResults.Ok(await compute.HandleAsync(new ComputeAnnualReport.Query(year, zone), ct));
            })
            .WithSummary("The annual activity report's figures, computed from the data: keyFigures (with previous, the year before, and change), then "
                + "sections (network, training, missions, donations, projects, partnerships, internationalSessions, gender, planning), each with its "
                + "figures and tables; every figure and line has the address (link) of the list it counts, with that list's filters. Counts are "
                + "numbers, shares between 0 and 1, amounts in euros; map: coopérants in post and the year's actions by country." + Scope);
        reports.MapGet("/{year:int}.pdf", async (int year, string? zone, string? lang, GetAnnualReportFile files, IStringLocalizer<ComputeAnnualReport> text,
                CancellationToken ct) =>
            {
                ReportLanguage.Apply(lang, text);
                var file = await files.PdfAsync(new ComputeAnnualReport.Query(year, zone), ct);
                return TypedResults.File(file.Content, file.ContentType, file.Name);
            })
            .WithSummary("The annual activity report as PDF, to read and sign: the same figures as the JSON, with its charts and world map." + Scope);
        reports.MapGet("/{year:int}.docx", async (int year, string? zone, string? lang, GetAnnualReportFile files, IStringLocalizer<ComputeAnnualReport> text,
                CancellationToken ct) =>
            {
                ReportLanguage.Apply(lang, text);
                var file = await files.DocxAsync(new ComputeAnnualReport.Query(year, zone), ct);
                return TypedResults.File(file.Content, file.ContentType, file.Name);
            })
            .WithSummary("The annual activity report as a Word document to edit (Heading1/Heading2 styles, tables, charts and map as pictures): "
                + "the same figures as the JSON." + Scope);
        reports.MapPost("/{year:int}/final", async (int year, DeclareReportFinal declare, CancellationToken ct) =>
                TypedResults.Ok(await declare.HandleAsync(year, ct)))
            .WithSummary("Declares the year's report final (the director or an administrator; a year that has ended, once): that year's sessions and "
                + "their results, transactions, donations and missions are locked from then on. An administrator still changes one by sending its "
                + "reason in the Amendment-Reason header (percent-encoded UTF-8); everybody else is refused (400, field amendmentReason); the report "
                + "lists each change in its lockedYear section.");
    }
}
