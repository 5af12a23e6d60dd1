using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Jobs;

/// <summary>The director asks for last year's report in the background from its preview, and downloads it from the jobs page when it is ready.</summary>
[Trait("Category", "Browser")]
public class ReportJobsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_report_asked_from_the_preview_is_downloaded_from_the_jobs_page()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, DemoAccounts.Director);
        await page.GotoAsync($"/Reporting/Annual?Year={LastYear}");
        await page.SelectOptionAsync("#JobKind", "annual-docx");
        await page.SelectOptionAsync("#JobLang", "en");
        await page.GetByTestId("request-job").Locator("button[type=submit]").ClickAsync();
        await page.WaitForPathAsync("/Reporting/Jobs");
        (await page.Locator(".fr-alert--success").TextContentAsync())!.ShouldContain("Votre demande est enregistrée");

        // The page follows the job by itself until its file is offered.
        var download = page.GetByTestId("download");
        await download.WaitForAsync(new() { Timeout = 120_000 });
        (await page.Locator("[data-testid^=report-job-]").First.GetAttributeAsync("data-status")).ShouldBe("done");
        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        file.SuggestedFilename.ShouldBe($"rapport-activite-{LastYear}-en.docx");
        using var word = WordprocessingDocument.Open((await file.PathAsync())!, false);
        word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ShouldContain("Key figures");
    }
}
