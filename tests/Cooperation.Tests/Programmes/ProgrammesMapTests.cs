using System.Text.RegularExpressions;

namespace Cooperation.Tests.Programmes;

/// <summary>The programmes' map on /Programmes: each country shaded by its programme's completion, the same as the list's, within the reader's zones.</summary>
public partial class ProgrammesMapTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [GeneratedRegex("<script type=\"application/json\" id=\"coop-map-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex MapData();

    private async Task<(JsonElement Map, string Html)> MapAsync(string account, int year)
    {
        var page = await factory.PageClientAsync(account);
        var html = await page.GetStringAsync($"/Programmes?Year={year}");
        var match = MapData().Match(html);
        match.Success.ShouldBeTrue("the page embeds the map's figures");
        return (JsonDocument.Parse(match.Groups[1].Value).RootElement, html);
    }

    /// <summary>The list's programmes of a year, as the API answers them: country → completions (one a programme).</summary>
    private async Task<Dictionary<string, List<decimal?>>> ListAsync(string account, int year)
    {
        var api = await factory.ApiClientAsync(account);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/programmes?year={year}&pageSize=200");
        return list.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("organisation").ValueKind == JsonValueKind.Null)
            .GroupBy(p => p.GetProperty("country").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(p => p.GetProperty("completion") is { ValueKind: JsonValueKind.Number } c ? c.GetDecimal() : (decimal?)null).ToList());
    }

    [Fact]
    public async Task The_map_shades_each_country_by_the_completion_the_list_shows()
    {
        var year = Today.Year - 1;
        var (map, html) = await MapAsync(DemoAccounts.Director, year);
        var list = await ListAsync(DemoAccounts.Director, year);
        list.Count.ShouldBeGreaterThan(10);

        var countries = map.EnumerateObject().ToDictionary(p => p.Value.GetProperty("iso2").GetString()!, p => p.Value);
        countries.Keys.ShouldBe(list.Keys, ignoreOrder: true);
        // Each country on its own shape: the map's key is the country's numeric ISO code.
        var shapes = await factory.WithDbAsync(db => db.Countries.ToDictionaryAsync(c => c.Iso2, c => c.NumericCode));
        foreach (var shape in map.EnumerateObject())
            shape.Name.ShouldBe(shapes[shape.Value.GetProperty("iso2").GetString()!]);
        var compared = 0;
        foreach (var (iso2, completions) in list.Where(l => l.Value.Count == 1))
        {
            var shown = countries[iso2];
            var completion = completions[0];
            (shown.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : shown.GetProperty("value").GetDecimal()).ShouldBe(completion, iso2);
            shown.GetProperty("c").GetInt32().ShouldBe(completion switch { null => 0, < 0.3m => 1, < 0.6m => 2, < 0.9m => 3, < 1m => 4, _ => 5 }, iso2);
            shown.GetProperty("href").GetString()!.ShouldStartWith("/Programmes/");
            compared++;
        }
        compared.ShouldBeGreaterThan(10);
        html.ShouldContain("data-testid=\"programmes-map\"");
        html.ShouldContain("data-testid=\"programmes\"");
    }

    [Fact]
    public async Task The_map_is_kept_until_a_programme_is_written_and_then_shows_it()
    {
        var year = Today.Year + 6;
        (await MapAsync(DemoAccounts.Director, year)).Map.EnumerateObject().ShouldBeEmpty();
        (await MapAsync(DemoAccounts.Director, year)).Map.EnumerateObject().ShouldBeEmpty("served again as counted");

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await desk.PostAsJsonAsync("/api/v1/programmes", ProgrammeBuilder.NewProgramme("SN", year, ProgrammeBuilder.Places(4)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();

        var shown = (await MapAsync(DemoAccounts.Director, year)).Map.EnumerateObject().ToList();
        shown.Select(c => (c.Value.GetProperty("iso2").GetString(), c.Value.GetProperty("href").GetString())).ShouldBe([("SN", $"/Programmes/{id}")]);
    }

    [Fact]
    public async Task A_desk_officers_map_holds_her_zones_countries_only()
    {
        var year = Today.Year - 1;
        var (map, _) = await MapAsync(DemoAccounts.DeskAfrica, year);
        var african = await factory.WithDbAsync(db => db.Countries.Where(c => c.Zone!.Code == "AFS").Select(c => c.Iso2).ToListAsync());
        var shown = map.EnumerateObject().Select(p => p.Value.GetProperty("iso2").GetString()!).ToList();
        shown.ShouldNotBeEmpty();
        shown.ShouldAllBe(iso2 => african.Contains(iso2));
        shown.ShouldBe((await ListAsync(DemoAccounts.DeskAfrica, year)).Keys, ignoreOrder: true);
        (await ListAsync(DemoAccounts.Director, year)).Keys.Count().ShouldBeGreaterThan(shown.Count);
    }
}
