using ClosedXML.Excel;
using Cooperation.Tests.Schools.Trainees;

namespace Cooperation.Tests.Schools.Alumni;

/// <summary>The influence network: alumni in prominent positions, by country, within the user's scope.</summary>
public class AlumniTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task The_influence_network_counts_prominent_alumni_by_country()
    {
        var (alumnus, _, _) = await factory.AlumnusAsync("SN");
        var notYet = await factory.TraineeAsync("SN");
        await factory.CareerAsync(notYet.Id, "Ministre de la défense", new DateOnly(2020, 1, 1), null, true);

        var api = await factory.ApiClientAsync(DemoAccounts.Director, language: "en");
        var report = await api.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?country=SN&pageSize=200");
        var ids = report.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        ids.ShouldContain(alumnus.Id);
        ids.ShouldNotContain(notYet.Id); // a prominent position, but no session passed: not an alumnus
        var senegal = report.GetProperty("countries").EnumerateArray().Single();
        senegal.GetProperty("country").GetString().ShouldBe("SN");
        senegal.GetProperty("countryName").GetString().ShouldBe("Senegal");
        senegal.GetProperty("count").GetInt32().ShouldBe(report.GetProperty("total").GetInt32());
        var item = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == alumnus.Id);
        item.GetProperty("positions")[0].GetProperty("position").GetString().ShouldBe("Chef d'état-major adjoint de l'armée de terre");
        item.GetProperty("positions")[0].GetProperty("current").GetBoolean().ShouldBeTrue();

        (await api.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?country=SN&domain=CYBERSECURITY&pageSize=200"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldNotContain(alumnus.Id);
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?zone=AFS&domain=PEACEKEEPING&pageSize=200"))
            .GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("country").GetString()).ShouldContain("SN");

        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await HtmlAsync(await page.GetAsync("/Schools/Alumni?country=SN"));
        html.ShouldContain("Réseau d'influence");
        html.ShouldContain("data-testid=\"country-SN\"");
        html.ShouldContain(alumnus.LastName.ToUpperInvariant());
        html.ShouldNotContain(notYet.LastName.ToUpperInvariant());
        var export = await page.GetAsync("/Schools/Alumni?country=SN&handler=Export&format=xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        workbook.Worksheets.First().RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()).ShouldContain(alumnus.LastName);
    }

    [Fact]
    public async Task A_page_of_the_report_read_again_after_a_write_shows_it()
    {
        var (alumnus, _, _) = await factory.AlumnusAsync("CI");
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<List<string>> PositionsAsync() =>
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?country=CI&pageSize=200"))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == alumnus.Id)
            .GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("position").GetString()!).ToList();
        var before = await PositionsAsync();
        (await PositionsAsync()).ShouldBe(before);

        await factory.CareerAsync(alumnus.Id, "Chef d'état-major des armées", new DateOnly(2025, 1, 1), null, true);

        var after = await PositionsAsync();
        after.Count.ShouldBe(before.Count + 1);
        after[0].ShouldBe("Chef d'état-major des armées");
    }
}
