namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>A file of the report: its bytes, content type and name.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string Name);

/// <summary>
/// The report as a file to read and sign (PDF) or to edit (DOCX), in the current language: the same figures as
/// <see cref="ComputeAnnualReport"/> answers, with the charts and the map drawn once for either.
/// </summary>
public class GetAnnualReportFile(ComputeAnnualReport compute, IWebHostEnvironment env, IConfiguration config, IStringLocalizer<GetAnnualReportFile> text) : IUseCase
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<ReportFile> PdfAsync(ComputeAnnualReport.Query query, CancellationToken ct = default, ReportProgress? progress = null)
    {
        var (report, pictures, signature) = await PrepareAsync(query, progress, ct);
        return new ReportFile(AnnualReportPdf.Render(report, pictures, signature, text), PdfType, ReportWords.FileName(report, "pdf"));
    }

    public async Task<ReportFile> DocxAsync(ComputeAnnualReport.Query query, CancellationToken ct = default, ReportProgress? progress = null)
    {
        var (report, pictures, signature) = await PrepareAsync(query, progress, ct);
        return new ReportFile(AnnualReportDocx.Render(report, pictures, signature, text), DocxType, ReportWords.FileName(report, "docx"));
    }

    /// <summary>
    /// The report, its pictures and its signature. With <paramref name="progress"/> (a background job), the report is
    /// counted afresh section after section, then one more step is told before the charts, the map and the file are drawn.
    /// </summary>
    private async Task<(AnnualReport, ReportPictures, LetterSignature)> PrepareAsync(ComputeAnnualReport.Query query, ReportProgress? progress, CancellationToken ct)
    {
        const int parts = ComputeAnnualReport.SectionCount + 1;
        var report = progress is null ? await compute.HandleAsync(query, ct)
            : await compute.HandleAsync(query, (done, _, step) => progress(done, parts, step), ct);
        if (progress is not null) await progress(parts - 1, parts, text["Graphiques, carte et mise en page"]);
        return (report, ReportPictures.Of(report, WorldShapes.Of(env), text), LetterSignature.From(config, report.Language == "en"));
    }
}
