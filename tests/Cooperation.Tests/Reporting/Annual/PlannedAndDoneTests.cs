using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using static Cooperation.Tests.Infrastructure.ProgrammeBuilder;

namespace Cooperation.Tests.Reporting.Annual;

/// <summary>
/// The annual report's "planned and done" section on programmes built with a known follow-up in a year of their own
/// (2004, before the demo's ten years): Senegal's half done, Morocco's more than done, a draft that does not count. The
/// section read back from the JSON, the PDF and the DOCX in French and English carries the figures counted here by hand
/// and those of each programme's follow-up; a desk officer's report holds only her zone's programme.
/// </summary>
public class PlannedAndDoneTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IAsyncLifetime
{
    private const int Year = 2004;
    private int _senegal, _morocco;

    public async Task InitializeAsync()
    {
        if (await ApprovedAsync() is { Count: 2 } built)
        {
            (_morocco, _senegal) = (built["MA"], built["SN"]);
            return;
        }
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var on = new DateOnly(Year, 4, 6);

        // Senegal: 10 places planned at the EMPABB, 4 used (3 passed) of a quota of 8; 10,000 € of surveillance planned, 7,500 € handed over.
        var session = await factory.SessionAsync(start: on, quotas: new() { ["SN"] = 8 }, domain: "PEACEKEEPING", capacity: 20);
        for (var i = 0; i < 4; i++)
        {
            var nomination = await factory.NominateAsync(session.Id, await factory.TraineeAsync("SN"));
            if (i < 3) await factory.PassAsync(nomination, certify: false);
        }
        await factory.HandedOverDonationAsync("SN", EquipmentCategory.Surveillance, 7_500, on.AddMonths(2));
        // Morocco: 20,000 € of training centres planned, 25,000 € handed over (a line counts up to its plan).
        await factory.HandedOverDonationAsync("MA", EquipmentCategory.TrainingCentres, 25_000, on.AddMonths(3));

        _senegal = (await factory.ApprovedProgrammeAsync(admin, NewProgramme("SN", Year, Places(10, budget: 20_000),
            Line("donations", budget: 30_000, category: "surveillance", value: 10_000)))).GetProperty("id").GetInt32();
        _morocco = (await factory.ApprovedProgrammeAsync(admin, NewProgramme("MA", Year,
            Line("donations", budget: 20_000, category: "trainingCentres", value: 20_000)))).GetProperty("id").GetInt32();
        // A draft is no plan of the year.
        (await admin.PostAsJsonAsync("/api/v1/programmes", NewProgramme("CI", Year, Places(50, budget: 100_000)))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The approved programmes of the year by country, once a first test has built them.</summary>
    private Task<Dictionary<string, int>> ApprovedAsync() => factory.WithDbAsync(db => db.Programmes
        .Where(p => p.Year == Year && p.Status == ProgrammeStatus.Approved).Select(p => new { p.Country!.Iso2, p.Id }).ToDictionaryAsync(p => p.Iso2, p => p.Id));

    private async Task<JsonElement> ReportAsync(string account, string query = "")
    {
        var response = await (await factory.ApiClientAsync(account)).GetAsync($"/api/v1/reports/annual/{Year}{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Planning(JsonElement report) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "planning");

    private static decimal Figure(JsonElement section, string code) =>
        section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();

    /// <summary>The lines of the section's table: code, label, values (budget, completion, off course) and link.</summary>
    private static List<(string Code, string Label, (decimal Budget, decimal Completion, decimal OffCourse) Values, string Link)> Lines(JsonElement section) =>
        section.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "programmes").GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("code").GetString()!, l.GetProperty("label").GetString()!,
                (l.GetProperty("values")[0].GetDecimal(), l.GetProperty("values")[1].GetDecimal(), l.GetProperty("values")[2].GetDecimal()),
                l.GetProperty("link").GetString()!)).ToList();

    [Fact]
    public async Task The_section_counts_the_years_approved_programmes_as_their_follow_up_does()
    {
        var planning = Planning(await ReportAsync(DemoAccounts.Director));

        // By hand: Senegal 4/10 places (20,000 €) and 7,500/10,000 € (30,000 €); Morocco 25,000/20,000 € counted as done (20,000 €).
        var senegal = Math.Round((20_000m * 0.4m + 30_000m * 0.75m) / 50_000m, 4);
        var world = Math.Round((20_000m * 0.4m + 30_000m * 0.75m + 20_000m * 1m) / 70_000m, 4);
        (Figure(planning, "programmes"), Figure(planning, "plannedLines"), Figure(planning, "plannedBudget"), Figure(planning, "completion"),
            Figure(planning, "offCourse")).ShouldBe((2m, 3m, 70_000m, world, 1m));
        Lines(planning).ShouldBe([
            ("MA", "Maroc", (20_000m, 1m, 0m), $"/Programmes/{_morocco}"),
            ("SN", "Sénégal", (50_000m, senegal, 1m), $"/Programmes/{_senegal}"),
        ]);

        // Each line is the programme's follow-up.
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        foreach (var (_, _, values, link) in Lines(planning))
        {
            var followUp = await director.GetFromJsonAsync<JsonElement>($"/api/v1{link.ToLowerInvariant()}/follow-up");
            (followUp.GetProperty("budget").GetDecimal(), followUp.GetProperty("completion").GetDecimal(), followUp.GetProperty("offCourse").GetInt32())
                .ShouldBe((values.Budget, values.Completion, (int)values.OffCourse));
        }
        var places = (await director.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{_senegal}/follow-up")).GetProperty("lines")[0];
        (places.GetProperty("quotaPlaces").GetInt32(), places.GetProperty("placesUsed").GetInt32(), places.GetProperty("trained").GetInt32(),
            places.GetProperty("offCourse").GetBoolean()).ShouldBe((8, 4, 3, true));
    }

    [Fact]
    public async Task A_desk_officer_reads_only_her_zones_programmes_and_the_director_one_zone_when_he_asks()
    {
        var planning = Planning(await ReportAsync(DemoAccounts.DeskAfrica));
        Lines(planning).Select(l => l.Code).ShouldBe(["SN"]);
        (Figure(planning, "programmes"), Figure(planning, "plannedBudget"), Figure(planning, "offCourse")).ShouldBe((1m, 50_000m, 1m));
        Figure(planning, "completion").ShouldBe(Math.Round((20_000m * 0.4m + 30_000m * 0.75m) / 50_000m, 4));
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await desk.GetAsync($"/api/v1/reports/annual/{Year}?zone=AFN")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var northAfrica = Planning(await ReportAsync(DemoAccounts.Director, "?zone=AFN"));
        Lines(northAfrica).Select(l => l.Code).ShouldBe(["MA"]);
        Figure(northAfrica, "completion").ShouldBe(1m);
    }

    /// <summary>Spaces left out: the PDF's text is read back letter by letter, and French numbers hold narrow no-break spaces.</summary>
    private static string Squeeze(string value) => new(value.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray());

    [Theory]
    [InlineData("fr", "Prévu et réalisé", "Programmes de l'année par pays", "Sénégal", "50 000 €", "61 %", "Maroc", "20 000 €", "100 %")]
    [InlineData("en", "Planned and done", "The year's programmes by country", "Senegal", "50,000 €", "61 %", "Morocco", "20,000 €", "100 %")]
    public async Task The_PDF_and_the_DOCX_carry_the_sections_figures_and_lines_in_both_languages(string language, string title, string caption,
        string senegal, string senegalBudget, string senegalRate, string morocco, string moroccoBudget, string moroccoRate)
    {
        var json = Planning(await ReportAsync(DemoAccounts.Director, $"?lang={language}"));
        json.GetProperty("title").GetString().ShouldBe(title);
        var figures = json.GetProperty("figures").EnumerateArray()
            .Select(f => (Label: f.GetProperty("label").GetString()!, Text: f.GetProperty("text").GetString()!)).ToList();
        figures.Count.ShouldBe(5);
        figures.ShouldContain(f => f.Text == (language == "fr" ? "72,1 %" : "72.1 %"));
        string[][] lines = [[morocco, moroccoBudget, moroccoRate, "0"], [senegal, senegalBudget, senegalRate, "1"]];
        var api = await factory.ApiClientAsync(DemoAccounts.Director);

        var pdfResponse = await api.GetAsync($"/api/v1/reports/annual/{Year}.pdf?lang={language}");
        pdfResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync()))
        {
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            var section = text[text.LastIndexOf(Squeeze(title), StringComparison.Ordinal)..];
            section.ShouldContain(Squeeze(caption));
            foreach (var (label, value) in figures) section.ShouldContain(Squeeze(label) + Squeeze(value));
            foreach (var line in lines) section.ShouldContain(Squeeze(string.Concat(line)));
        }

        var docxResponse = await api.GetAsync($"/api/v1/reports/annual/{Year}.docx?lang={language}");
        docxResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await docxResponse.Content.ReadAsByteArrayAsync()), false);
        var body = docx.MainDocumentPart!.Document!.Body!.Elements().ToList();
        var heading = body.FindIndex(e => e is Paragraph p && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1" && p.InnerText == title);
        heading.ShouldBeGreaterThan(0);
        var after = body.Skip(heading + 1).ToList();
        var tables = after.OfType<DocumentFormat.OpenXml.Wordprocessing.Table>().Take(2)
            .Select(t => t.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        foreach (var (label, value) in figures) tables[0].ShouldContain(r => r[0] == label && r[1] == value);
        after.OfType<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ShouldContain(caption);
        tables[1].Select(r => Squeeze(string.Concat(r))).ShouldBe(lines.Select(l => Squeeze(string.Concat(l))));
    }
}
