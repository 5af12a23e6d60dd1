using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Cooperation.Tests.Reporting.Training;

public class TrainingFiguresTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task The_steering_page_shows_the_tables_filtered_by_school_and_year()
    {
        // A year long before the demo data's ten years: the tables hold this test's session only.
        var year = DateTime.Now.Year - 30;
        await factory.SessionWithTraineesAsync("CPADD", new DateOnly(year, 3, 3), 4, SessionStatus.Completed,
            (Gender.Female, NominationStatus.Accepted), (Gender.Male, NominationStatus.Accepted), (Gender.Female, NominationStatus.Accepted));
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);

        var html = await HtmlAsync(page, $"/Reporting/Training?School=CPADD&Year={year}");

        html.ShouldContain("data-testid=\"by-year\"");
        html.ShouldContain($"data-testid=\"by-year-{year - 9}\"");
        html.ShouldContain("data-testid=\"by-school-CPADD\"");
        html.ShouldNotContain("data-testid=\"by-school-EMPABB\"");
        html.ShouldContain("data-testid=\"by-nationality-CI\"");
        html.ShouldContain("data-testid=\"by-administration-ARM\"");
        html.ShouldContain("data-testid=\"by-domain-");
        html.ShouldContain("data-testid=\"year-trainees\">3<");
        html.ShouldContain("data-testid=\"year-women-share\">66,7 %<");
        html.ShouldContain("data-testid=\"year-fill-rate\">75 %<");
        html.ShouldContain("<svg class=\"coop-bar\" focusable=\"false\"><rect width=\"100%\"");
    }

    [Fact]
    public async Task The_steering_page_writes_its_counts_with_the_reader_s_thousands_separator()
    {
        var year = DateTime.Now.Year - 1;
        var french = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Auditor), $"/Reporting/Training?Year={year}");
        var english = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Auditor, "en"), $"/Reporting/Training?Year={year}");

        // The directorate trains thousands a year: 2 712 in French (a narrow no-break space), 2,712 in English.
        var fr = Regex.Match(french, "data-testid=\"year-trainees\">([^<]+)<").Groups[1].Value;
        var en = Regex.Match(english, "data-testid=\"year-trainees\">([^<]+)<").Groups[1].Value;
        Figure(fr).ShouldBeGreaterThan(999);
        fr.ShouldMatch("^\\d{1,3}(\u202F\\d{3})+$");
        en.ShouldBe(fr.Replace('\u202F', ','));
        Regex.Match(french, "data-testid=\"by-year-" + year + "\">.*?data-testid=\"trainees\">([^<]+)<", RegexOptions.Singleline).Groups[1].Value.ShouldBe(fr);
    }

    [Fact]
    public async Task The_steering_figures_export_one_table_a_sheet_with_numbers_and_percentages_and_to_CSV()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Auditor, "en");

        var xlsx = await page.GetAsync("/Reporting/Training?handler=Export&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var year = workbook.Worksheets.Skip(1).First().Name[^5..^1];
        workbook.Worksheets.Select(w => w.Name).ShouldBe(
            ["By year", $"By school ({year})", $"By nationality ({year})", $"By administration ({year})", $"By field of cooperation ({year})"]);
        var byYear = workbook.Worksheet("By year");
        byYear.Row(1).CellsUsed().Select(c => c.GetString())
            .ShouldBe(["Code", "Name", "Sessions", "Seats offered", "Accepted enrolments", "Trainees", "Women", "Share of women", "Fill rate"]);
        byYear.Column(1).CellsUsed().Count().ShouldBe(11);
        var line = byYear.Row(2);
        line.Cell(6).DataType.ShouldBe(XLDataType.Number);
        line.Cell(6).Style.NumberFormat.Format.ShouldBe("#,##0");
        // A share is a number between 0 and 1 shown as a percentage, not the text "0.194".
        var share = line.Cell(8);
        share.DataType.ShouldBe(XLDataType.Number);
        share.GetDouble().ShouldBeInRange(0, 1);
        share.Style.NumberFormat.Format.ShouldBe("0.0%");

        var csv = await page.GetStringAsync("/Reporting/Training?handler=Export&format=csv");
        csv.ShouldContain("Table;Code;Name;Sessions");
        csv.ShouldMatch(@"By year;[^\n]*;\d+\.\d%");
    }

    [Fact]
    public async Task The_steering_page_is_for_headquarters()
    {
        foreach (var account in new[] { DemoAccounts.Admin, DemoAccounts.Director, DemoAccounts.DeskAfrica, DemoAccounts.Auditor })
            (await (await factory.PageClientAsync(account)).GetAsync("/Reporting/Training")).StatusCode.ShouldBe(HttpStatusCode.OK, account);
        foreach (var account in new[] { DemoAccounts.CooperantSenegal, DemoAccounts.LiaisonCi })
        {
            var response = await (await factory.PageClientAsync(account)).GetAsync("/Reporting/Training");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, account);
            response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        }
    }
}
