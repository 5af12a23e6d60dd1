using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Annual;

/// <summary>
/// The annual activity report on the scale-1 demo data: its JSON against counts made here independently, the scope of
/// a desk officer, the PDF and the DOCX read back, and the preview in a browser. One application for all (the browser
/// fixture's), so that the class costs one start.
/// </summary>
public class AnnualReportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private CooperationFactory Factory => browser.Factory;

    private async Task<JsonElement> ReportAsync(string account, string query = "", string? language = null)
    {
        var api = await Factory.ApiClientAsync(account, language);
        var response = await api.GetAsync($"/api/v1/reports/annual/{LastYear}{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Figure(JsonElement report, string section, string code) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("code").GetString() == section)
            .GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    private static JsonElement Table(JsonElement report, string section, string code) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("code").GetString() == section)
            .GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);

    /// <summary>Last year's figures, counted here from the tables without the application's queries.</summary>
    private Task<(int Cooperants, int Trainees, int Women, decimal Donated)> CountAsync(string? zone) => Factory.WithDbAsync(async db =>
    {
        var (first, last) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var postings = await db.Postings.Select(p => new { p.CooperantId, p.StartDate, p.ActualEndDate, Zone = p.Country!.Zone!.Code }).ToListAsync();
        var cooperants = postings.Where(p => (zone is null || p.Zone == zone) && p.StartDate <= last && (p.ActualEndDate is null || p.ActualEndDate > last))
            .Select(p => p.CooperantId).Distinct().Count();
        var accepted = (await db.Nominations.Where(n => n.Status == NominationStatus.Accepted)
                .Select(n => new { n.TraineeId, n.Trainee!.Gender, n.Session!.StartDate, SessionStatus = n.Session.Status, Zone = n.Country!.Zone!.Code }).ToListAsync())
            .Where(n => n.StartDate >= first && n.StartDate <= last && n.SessionStatus != SessionStatus.Cancelled && (zone is null || n.Zone == zone)).ToList();
        var items = (await db.DonationItems.Select(i => new
            {
                i.EuroValue, i.Quantity, i.QuantityHandedOver, i.Donation!.HandedOverOn, i.Donation.Status, Zone = i.Donation.Country!.Zone!.Code,
            }).ToListAsync())
            .Where(i => i.HandedOverOn >= first && i.HandedOverOn <= last && i.Status != DonationStatus.Cancelled && (zone is null || i.Zone == zone));
        return (cooperants, accepted.Select(a => a.TraineeId).Distinct().Count(),
            accepted.Where(a => a.Gender == Gender.Female).Select(a => a.TraineeId).Distinct().Count(),
            items.Sum(i => i.Quantity == 0 ? 0 : Math.Round(i.EuroValue * (i.QuantityHandedOver ?? 0) / i.Quantity, 2, MidpointRounding.AwayFromZero)));
    });

    [Fact]
    public async Task The_report_of_last_year_counts_what_the_data_holds()
    {
        var report = await ReportAsync(DemoAccounts.Director);
        var (cooperants, trainees, women, donated) = await CountAsync(null);

        report.GetProperty("year").GetInt32().ShouldBe(LastYear);
        Figure(report, "network", "activeCooperants").GetProperty("value").GetDecimal().ShouldBe(cooperants);
        cooperants.ShouldBeGreaterThan(250);
        Figure(report, "training", "trainees").GetProperty("value").GetDecimal().ShouldBe(trainees);
        trainees.ShouldBeGreaterThan(0);
        Figure(report, "training", "womenShare").GetProperty("value").GetDecimal().ShouldBe((decimal)Math.Round((double)women / trainees, 3));
        Figure(report, "donations", "donatedValue").GetProperty("value").GetDecimal().ShouldBe(donated);
        donated.ShouldBeGreaterThan(0);

        // Each line of the tables by country, school, administration and domain: its distinct trainees and distinct women,
        // counted here from the accepted nominations; and the enrolments and certificates of the year.
        var (first, last) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var nominations = await Factory.WithDbAsync(db => db.Nominations.Where(n => n.Status == NominationStatus.Accepted)
            .Select(n => new
            {
                n.TraineeId, n.Trainee!.Gender, n.Session!.StartDate, SessionStatus = n.Session.Status, n.Country!.Iso2, n.CertificateCode,
                School = n.Session.Course!.School!.Acronym, Administration = n.Trainee.Administration!.Code, Domain = n.Session.Course.Domain!.Code,
            }).ToListAsync());
        var accepted = nominations.Where(n => n.StartDate >= first && n.StartDate <= last && n.SessionStatus != SessionStatus.Cancelled).ToList();
        void TableCounts(string table, Func<(string Iso2, string School, string Administration, string Domain), string> key)
        {
            var expected = accepted.GroupBy(n => key((n.Iso2, n.School, n.Administration, n.Domain))).ToDictionary(g => g.Key, g => (
                g.Select(n => n.TraineeId).Distinct().Count(), g.Where(n => n.Gender == Gender.Female).Select(n => n.TraineeId).Distinct().Count()));
            var lines = Table(report, "training", table).GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!,
                l => ((int)l.GetProperty("values")[0].GetDecimal(), (int)l.GetProperty("values")[1].GetDecimal()));
            lines.ShouldBe(expected, ignoreOrder: true);
            lines.Values.Sum(l => l.Item2).ShouldBeGreaterThan(0);
        }
        TableCounts("byCountry", n => n.Iso2);
        TableCounts("bySchool", n => n.School);
        TableCounts("byAdministration", n => n.Administration);
        TableCounts("byDomain", n => n.Domain);
        Figure(report, "training", "enrolments").GetProperty("value").GetDecimal().ShouldBe(accepted.Count);
        Figure(report, "training", "certificates").GetProperty("value").GetDecimal().ShouldBe(accepted.Count(n => n.CertificateCode != null));

        // The key figures compare with the year before, and each figure leads to its list with that list's filters.
        var key = report.GetProperty("keyFigures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "trainees");
        key.GetProperty("previous").GetDecimal().ShouldBe(nominations
            .Where(n => n.StartDate.Year == LastYear - 1 && n.SessionStatus != SessionStatus.Cancelled).Select(n => n.TraineeId).Distinct().Count());
        key.GetProperty("link").GetString().ShouldBe($"/Schools/Nominations?Status=Accepted&Year={LastYear}");
        Figure(report, "network", "activeCooperants").GetProperty("link").GetString().ShouldBe($"/Network/Postings?ActiveOn={LastYear}-12-31");
        report.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ShouldBe(
            ["network", "training", "missions", "donations", "projects", "oda", "partnerships", "internationalSessions", "gender", "planning"]);
        Figure(report, "internationalSessions", "internationalSessions").GetProperty("value").GetDecimal().ShouldBe(3);
        report.GetProperty("map").GetArrayLength().ShouldBeGreaterThan(20);

        // The list the figure links to counts the same.
        var api = await Factory.ApiClientAsync(DemoAccounts.Director);
        var postings = await api.GetFromJsonAsync<JsonElement>($"/api/v1/postings?ActiveOn={LastYear}-12-31&pageSize=1");
        postings.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(cooperants);
    }

    [Fact]
    public async Task A_desk_officer_reads_the_report_of_her_zone_only()
    {
        var report = await ReportAsync(DemoAccounts.DeskAfrica);
        var (cooperants, trainees, _, donated) = await CountAsync("AFS");

        report.GetProperty("zone").GetString().ShouldBe("AFS");
        Figure(report, "network", "activeCooperants").GetProperty("value").GetDecimal().ShouldBe(cooperants);
        Figure(report, "training", "trainees").GetProperty("value").GetDecimal().ShouldBe(trainees);
        Figure(report, "donations", "donatedValue").GetProperty("value").GetDecimal().ShouldBe(donated);
        var world = await CountAsync(null);
        cooperants.ShouldBeLessThan(world.Cooperants);

        // No record of another zone: every country of her tables and of her map lies in Sub-Saharan Africa.
        var african = await Factory.WithDbAsync(db => db.Countries.Where(c => c.Zone!.Code == "AFS").Select(c => c.Iso2).ToListAsync());
        Table(report, "training", "byCountry").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()!)
            .ShouldAllBe(code => african.Contains(code));
        report.GetProperty("map").EnumerateArray().Select(c => c.GetProperty("iso2").GetString()!).ShouldAllBe(code => african.Contains(code));
        Table(report, "network", "byZone").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ShouldBe(["AFS"]);

        var api = await Factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await api.GetAsync($"/api/v1/reports/annual/{LastYear}?zone=MOY")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync($"/api/v1/reports/annual/{LastYear}.pdf?zone=MOY")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Factory.ApiClientAsync(DemoAccounts.CooperantSenegal)).GetAsync($"/api/v1/reports/annual/{LastYear}")).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        var wrongYear = await api.GetAsync("/api/v1/reports/annual/1990?zone=AFS");
        wrongYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongYear.ErrorsAsync())["year"][0].ShouldBe($"L'année doit être comprise entre 2000 et {DateTime.Now.Year}.");
        var wrongLanguage = await api.GetAsync($"/api/v1/reports/annual/{LastYear}?lang=de");
        wrongLanguage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongLanguage.ErrorsAsync()).ShouldContainKey("lang");
    }

    /// <summary>Spaces left out: the PDF's text is read back letter by letter, and French numbers hold narrow no-break spaces.</summary>
    private static string Squeeze(string value) => new(value.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray());

    [Theory]
    [InlineData("fr", "Chiffres clés", "La formation", "Stagiaires par école")]
    [InlineData("en", "Key figures", "Training", "Trainees by school")]
    public async Task The_PDF_and_the_DOCX_carry_the_figures_of_the_JSON(string language, string keyFigures, string training, string bySchool)
    {
        var report = await ReportAsync(DemoAccounts.Director, $"?lang={language}");
        var keys = report.GetProperty("keyFigures").EnumerateArray().Select(f => (Label: f.GetProperty("label").GetString()!, Text: f.GetProperty("text").GetString()!)).ToList();
        keys.Count.ShouldBe(6);
        var api = await Factory.ApiClientAsync(DemoAccounts.Director);

        var pdfResponse = await api.GetAsync($"/api/v1/reports/annual/{LastYear}.pdf?lang={language}");
        pdfResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdfResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync()))
        {
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            text.ShouldContain(Squeeze(keyFigures));
            text.ShouldContain(Squeeze(training));
            text.ShouldContain(Squeeze(bySchool));
            foreach (var (label, value) in keys)
            {
                text.ShouldContain(Squeeze(label));
                text.ShouldContain(Squeeze(value));
            }
            pdf.GetPages().Any(p => p.GetImages().Any()).ShouldBeTrue("the map and the charts are pictures");
        }

        var docxResponse = await api.GetAsync($"/api/v1/reports/annual/{LastYear}.docx?lang={language}");
        docxResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await docxResponse.Content.ReadAsByteArrayAsync()), false);
        var body = docx.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        headings.ShouldContain(keyFigures);
        headings.ShouldContain(training);
        body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ShouldContain(bySchool);
        docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ShouldContain("Heading1");
        var keyTable = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        var rows = keyTable.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        foreach (var (label, value) in keys) rows.ShouldContain(r => r[0] == label && r[1] == value);
        docx.MainDocumentPart.ImageParts.Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task The_preview_of_last_year_links_its_figures_and_downloads_both_files()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, DemoAccounts.Director);
        await page.GetByTestId("menu-annual-report").ClickAsync();
        await page.GetByTestId("report-key-figures").WaitForAsync();
        (await page.Locator("h1").TextContentAsync())!.ShouldContain(LastYear.ToString());

        var json = await ReportAsync(DemoAccounts.Director);
        var trainees = json.GetProperty("keyFigures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "trainees");
        (await page.GetByTestId("key-trainees").GetByTestId("value").TextContentAsync()).ShouldBe(trainees.GetProperty("text").GetString());
        (await page.GetByTestId("figure-donations-donatedValue").Locator("a").GetAttributeAsync("href"))
            .ShouldBe($"/Donations/Donations?Year={LastYear}");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        pdf.SuggestedFilename.ShouldBe($"rapport-activite-{LastYear}-fr.pdf");
        using (var document = PdfDocument.Open(await File.ReadAllBytesAsync((await pdf.PathAsync())!)))
            Squeeze(string.Concat(document.GetPages().Select(p => p.Text))).ShouldContain(Squeeze(trainees.GetProperty("text").GetString()!));
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-docx-en").ClickAsync());
        docx.SuggestedFilename.ShouldBe($"rapport-activite-{LastYear}-en.docx");
        using var word = WordprocessingDocument.Open((await docx.PathAsync())!, false);
        word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ShouldContain("Key figures");
    }
}
