using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Jobs;

/// <summary>
/// Reports made in the background, asked for through the API: the files read back hold the figures of
/// GET /api/v1/reports/annual/{year}; progress shows while a job runs; a job is its requester's alone.
/// </summary>
public class ReportJobsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private async Task<JsonElement> ReportAsync(string account, int year, string query = "", string? language = null)
    {
        var api = await factory.ApiClientAsync(account, language);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/annual/{year}{query}");
    }

    private static IEnumerable<JsonElement> KeyFigures(JsonElement report) => report.GetProperty("keyFigures").EnumerateArray();

    [Fact]
    public async Task The_files_a_job_makes_hold_the_figures_of_the_report()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var pdfJob = await api.RequestJobAsync("annual-pdf", LastYear, lang: "fr");
        pdfJob.GetProperty("status").GetString().ShouldBeOneOf("queued", "running");
        pdfJob.GetProperty("file").ValueKind.ShouldBe(JsonValueKind.Null);
        var docxJob = await api.RequestJobAsync("annual-docx", LastYear, lang: "en");
        var seriesJob = await api.RequestJobAsync("series", LastYear, lang: "fr");

        var pdf = await api.FinishedAsync(pdfJob.Id());
        pdf.GetProperty("status").GetString().ShouldBe("done", pdf.ToString());
        pdf.GetProperty("percent").GetInt32().ShouldBe(100);
        pdf.GetProperty("runs").GetInt32().ShouldBe(1);
        pdf.GetProperty("fileName").GetString().ShouldBe($"rapport-activite-{LastYear}-fr.pdf");
        var french = await ReportAsync(DemoAccounts.Director, LastYear, "?lang=fr");
        var pdfFile = await api.GetAsync(pdf.GetProperty("file").GetString());
        pdfFile.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var document = PdfDocument.Open(await pdfFile.Content.ReadAsByteArrayAsync()))
        {
            var text = ReportJobTestHelpers.Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
            foreach (var figure in KeyFigures(french))
            {
                text.ShouldContain(ReportJobTestHelpers.Squeeze(figure.GetProperty("label").GetString()!));
                text.ShouldContain(ReportJobTestHelpers.Squeeze(figure.GetProperty("text").GetString()!));
            }
        }

        var docx = await api.FinishedAsync(docxJob.Id());
        docx.GetProperty("status").GetString().ShouldBe("done", docx.ToString());
        var english = await ReportAsync(DemoAccounts.Director, LastYear, "?lang=en");
        using (var word = WordprocessingDocument.Open(new MemoryStream(await api.GetByteArrayAsync(docx.GetProperty("file").GetString())), false))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText)
                .ShouldContain("Key figures");
            var rows = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First().Elements<TableRow>().Skip(1)
                .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            foreach (var figure in KeyFigures(english))
                rows.ShouldContain(r => r[0] == figure.GetProperty("label").GetString() && r[1] == figure.GetProperty("text").GetString());
        }

        // The series: ten years, each line the key figures of that year's report.
        var series = await api.FinishedAsync(seriesJob.Id());
        series.GetProperty("status").GetString().ShouldBe("done", series.ToString());
        series.GetProperty("fileName").GetString().ShouldBe($"serie-{LastYear - 9}-{LastYear}-fr.xlsx");
        var earlier = await ReportAsync(DemoAccounts.Director, LastYear - 5, "?lang=fr");
        using var book = new XLWorkbook(new MemoryStream(await api.GetByteArrayAsync(series.GetProperty("file").GetString())));
        var sheet = book.Worksheets.First();
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        headers[0].ShouldBe("Année");
        sheet.RowsUsed().Count().ShouldBe(11);
        foreach (var (report, row) in new[] { (french, 11), (earlier, 6) })
        {
            sheet.Cell(row, 1).GetValue<int>().ShouldBe(report.GetProperty("year").GetInt32());
            foreach (var code in new[] { "activeCooperants", "trainees", "missions" })
            {
                var figure = KeyFigures(report).Single(f => f.GetProperty("code").GetString() == code);
                var column = headers.IndexOf(figure.GetProperty("label").GetString()!) + 1;
                column.ShouldBeGreaterThan(1, code);
                sheet.Cell(row, column).GetValue<decimal>().ShouldBe(figure.GetProperty("value").GetDecimal(), $"{code} {row}");
            }
        }

        // His list holds them, newest first; each of them is in the audit trail.
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/reports/jobs");
        list.EnumerateArray().Select(j => j.GetProperty("id").GetInt32()).Take(3).ShouldBe([seriesJob.Id(), docxJob.Id(), pdfJob.Id()]);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(ReportJob) && e.EntityKey == pdfJob.Id().ToString())))
            .ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Progress_shows_while_a_series_is_counted()
    {
        // An instance of its own whose series takes a quarter of a second more over each year: the test sees it running
        // however fast the figures are counted (on a fast run it was done before the first look).
        using var owner = new JoblessFactory();
        using var instance = new InstanceOf(owner, services: SlowYears.Register);
        var api = await instance.ApiClientAsync(DemoAccounts.Director);
        var pages = await instance.PageClientAsync(DemoAccounts.Director);
        var job = await api.RequestJobAsync("series", LastYear, zone: "AFS", lang: "en");
        var seen = new List<(string Status, int Percent, string? Step)>();
        string? page = null;
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            var now = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/jobs/{job.Id()}");
            var status = now.GetProperty("status").GetString()!;
            var percent = now.GetProperty("percent").GetInt32();
            seen.Add((status, percent, now.GetProperty("step").GetString()));
            if (status == "running" && percent > 0 && page is null)
                page = await pages.GetStringAsync("/Reporting/Jobs");
            if (status is "done" or "failed") break;
            await Task.Delay(100);
        }
        seen.Last().Status.ShouldBe("done");
        var running = seen.Where(s => s.Status == "running" && s.Percent is > 0 and < 100).ToList();
        running.ShouldNotBeEmpty(string.Join("; ", seen));
        running.ShouldAllBe(s => s.Step!.StartsWith("Year "));
        running.Select(s => s.Percent).ShouldBe(running.Select(s => s.Percent).Order());
        // The page shows the bar of the running job and follows it.
        page.ShouldNotBeNull();
        page.ShouldContain($"data-testid=\"report-job-{job.Id()}\" data-status=\"running\"");
        page.ShouldContain($"<progress id=\"progress-{job.Id()}\" max=\"100\"");
        page.ShouldContain("data-active=\"true\"");
    }

    [Fact]
    public async Task A_job_is_its_requester_s_and_a_desk_officer_asks_for_her_zones_only()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);

        (await desk.PostAsJsonAsync("/api/v1/reports/jobs", new { kind = "annual-pdf", year = LastYear, zone = "MOY" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync("/api/v1/reports/jobs", new { kind = "annual-pdf", year = LastYear, zone = (string?)null })).StatusCode
            .ShouldBe(HttpStatusCode.Created);
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await cooperant.PostAsJsonAsync("/api/v1/reports/jobs", new { kind = "annual-pdf", year = LastYear })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        // Her job, for her zone: the director (who is not an administrator) does not find it, nor its file; the administrator does.
        var job = await desk.RequestJobAsync("annual-docx", LastYear, zone: "AFS");
        job.GetProperty("zone").GetString().ShouldBe("AFS");
        var done = await desk.FinishedAsync(job.Id());
        done.GetProperty("status").GetString().ShouldBe("done", done.ToString());
        (await desk.GetAsync(done.GetProperty("file").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await director.GetAsync($"/api/v1/reports/jobs/{job.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await director.GetAsync($"/api/v1/reports/jobs/{job.Id()}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await director.GetFromJsonAsync<JsonElement>("/api/v1/reports/jobs")).EnumerateArray()
            .ShouldNotContain(j => j.GetProperty("id").GetInt32() == job.Id());
        var pages = await factory.PageClientAsync(DemoAccounts.Director);
        (await pages.GetAsync($"/Reporting/Jobs?handler=File&id={job.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetStringAsync("/Reporting/Jobs")).ShouldNotContain($"report-job-{job.Id()}\"");
        (await admin.GetAsync($"/api/v1/reports/jobs/{job.Id()}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/reports/jobs")).EnumerateArray()
            .ShouldContain(j => j.GetProperty("id").GetInt32() == job.Id());
        // A desk officer's list holds none of another user's jobs.
        var directorJob = await director.RequestJobAsync("annual-pdf", LastYear);
        (await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/jobs")).EnumerateArray()
            .ShouldNotContain(j => j.GetProperty("id").GetInt32() == directorJob.Id());
        (await desk.GetAsync($"/api/v1/reports/jobs/{directorJob.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await director.FinishedAsync(directorJob.Id());
    }

    [Fact]
    public async Task A_request_that_cannot_be_read_is_refused_naming_each_field_in_the_user_s_language()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var response = await api.PostAsJsonAsync("/api/v1/reports/jobs", new { kind = "xls", year = 1990, zone = "XX", lang = "de" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await response.ErrorsAsync();
        errors["kind"][0].ShouldBe("Le document « xls » n'est pas proposé : choisissez annual-pdf, annual-docx ou series.");
        errors["year"][0].ShouldBe($"L'année doit être comprise entre 2000 et {DateTime.Now.Year}.");
        errors.ShouldContainKey("zone");
        errors.ShouldContainKey("lang");
        var english = await factory.ApiClientAsync(DemoAccounts.Director, "en");
        var missing = await english.PostAsJsonAsync("/api/v1/reports/jobs", new { kind = (string?)null, year = (int?)null });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var missingErrors = await missing.ErrorsAsync();
        missingErrors["kind"][0].ShouldContain("Document");
        missingErrors["year"][0].ShouldContain("Year");
        (await factory.WithDbAsync(db => db.ReportJobs.CountAsync(j => j.Year == 1990))).ShouldBe(0);
    }
}
