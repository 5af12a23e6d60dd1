using ClosedXML.Excel;

namespace Cooperation.Tests.Schools.Import;

public class TemplateTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    private static string[] Headers(IXLWorksheet sheet) =>
        sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToArray();

    [Fact]
    public async Task The_nominations_template_downloads_from_the_page_with_French_headers_and_the_accepted_codes()
    {
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);

        var response = await page.GetAsync("/Schools/Import?handler=Template&kind=nominations");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("modele-designations.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBeLessThan(30_000); // light enough for a 256 kbit/s link
        using var workbook = Open(bytes);
        workbook.Worksheets.Select(s => s.Name).ShouldBe(["Candidats", "Codes"]);
        Headers(workbook.Worksheet(1)).ShouldBe(ImportTestData.FrenchIdentityHeaders);
        var codes = workbook.Worksheet("Codes").CellsUsed().Select(c => c.GetString()).ToHashSet();
        codes.ShouldContain("CI");
        codes.ShouldContain("Côte d'Ivoire");
        codes.ShouldContain("DOU");
        codes.ShouldContain("Douane");
        codes.ShouldContain("F");
        codes.ShouldContain("Femme");
    }

    [Fact]
    public async Task The_API_gives_the_templates_in_English_to_an_English_client()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");

        using var nominations = Open(await api.GetByteArrayAsync("/api/v1/imports/templates/nominations"));
        nominations.Worksheets.Select(s => s.Name).ShouldBe(["Candidates", "Codes"]);
        Headers(nominations.Worksheet(1)).ShouldBe(ImportTestData.EnglishIdentityHeaders);
        nominations.Worksheet("Codes").CellsUsed().Select(c => c.GetString()).ShouldContain("Customs");

        using var trainees = Open(await api.GetByteArrayAsync("/api/v1/imports/templates/trainees"));
        Headers(trainees.Worksheet(1)).ShouldBe([.. ImportTestData.EnglishIdentityHeaders, "Course code", "Session start date (YYYY-MM-DD)", "Result", "Certificate code"]);
        trainees.Worksheet("Codes").CellsUsed().Select(c => c.GetString()).ShouldContain("Withdrew");
    }

    [Fact]
    public async Task The_past_trainees_template_of_a_school_lists_its_course_codes()
    {
        var sessionId = (await factory.SessionAsync(school: "EMPABB")).Id;
        var code = await factory.CourseCodeAsync(sessionId);
        var page = await factory.PageClientAsync(DemoAccounts.Admin);

        using var workbook = Open(await page.GetByteArrayAsync("/Schools/Import?handler=Template&kind=trainees&school=EMPABB"));

        Headers(workbook.Worksheet(1)).ShouldBe(ImportTestData.FrenchTraineeHeaders);
        var codes = workbook.Worksheet("Codes").CellsUsed().Select(c => c.GetString()).ToList();
        codes.ShouldContain(code);
        codes.ShouldContain("Réussi");
    }

    [Fact]
    public async Task A_template_filled_in_imports_as_it_is()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        using var workbook = Open(await api.GetByteArrayAsync("/api/v1/imports/templates/nominations"));
        var sheet = workbook.Worksheet(1);
        var suffix = TestData.Unique(6);
        object[][] rows =
        [
            [$"Yao-{suffix}", "Adjoa", new DateTime(1990, 6, 15), "F", "CI", "INT", "Commissaire", "Cheffe de brigade", "adjoa.yao@police.ci"],
            [$"Bamba-{suffix}", "Seydou", new DateTime(1982, 2, 1), "M", "CI", "DOU", "Inspecteur", "", ""],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is DateTime d) sheet.Cell(r + 2, c + 1).Value = d;
                else if (rows[r][c] is string { Length: > 0 } s) sheet.Cell(r + 2, c + 1).SetValue(s);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(stream.ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newTrainees").GetInt32().ShouldBe(2);
        var adjoa = await factory.WithDbAsync(db => db.Trainees.SingleAsync(t => t.LastName == $"Yao-{suffix}"));
        adjoa.BirthDate.ShouldBe(new DateOnly(1990, 6, 15));
        adjoa.Gender.ShouldBe(Cooperation.Web.Domain.Gender.Female);
        adjoa.Email.ShouldBe("adjoa.yao@police.ci");
    }

    [Fact]
    public async Task The_import_page_offers_each_user_what_he_may_import()
    {
        var sessionId = (await factory.SessionAsync()).Id;

        var liaison = WebUtility.HtmlDecode(await (await factory.PageClientAsync(DemoAccounts.LiaisonCi)).GetStringAsync("/Schools/Import"));
        liaison.ShouldContain("data-testid=\"nominations-form\"");
        liaison.ShouldContain($"<option value=\"{sessionId}\"");
        liaison.ShouldNotContain("data-testid=\"trainees-import\"");

        var director = WebUtility.HtmlDecode(await (await factory.PageClientAsync(DemoAccounts.SchoolDirector)).GetStringAsync("/Schools/Import"));
        director.ShouldNotContain("data-testid=\"nominations-import\"");
        director.ShouldContain("<option value=\"EMPABB\"");
        director.ShouldNotContain("<option value=\"CPADD\"");
        director.ShouldContain("handler=Template&kind=trainees&school=EMPABB");

        // The way in: the school's page for whoever manages it, the nominations pages for whoever imports.
        var directorClient = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        (await directorClient.GetStringAsync("/Schools/EMPABB")).ShouldContain("href=\"/Schools/Import?school=EMPABB\"");
        (await (await factory.PageClientAsync(DemoAccounts.Director)).GetStringAsync("/Schools/EMPABB")).ShouldNotContain("data-testid=\"school-import\"");
        (await (await factory.PageClientAsync(DemoAccounts.LiaisonCi)).GetStringAsync("/Schools/Nominations")).ShouldContain("href=\"/Schools/Import\"");
        var chosen = WebUtility.HtmlDecode(await (await factory.PageClientAsync(DemoAccounts.Admin)).GetStringAsync("/Schools/Import?school=CPADD"));
        chosen.ShouldContain("<option value=\"CPADD\" selected=\"selected\">");
        chosen.ShouldContain("handler=Template&kind=trainees&school=CPADD");
    }
}
