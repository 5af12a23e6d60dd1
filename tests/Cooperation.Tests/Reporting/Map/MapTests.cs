using System.Text.RegularExpressions;

namespace Cooperation.Tests.Reporting.Map;

public partial class MapTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [GeneratedRegex("<script type=\"application/json\" id=\"coop-map-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex MapData();

    private static JsonElement Data(string html)
    {
        var match = MapData().Match(html);
        match.Success.ShouldBeTrue("the page embeds its figures as a JSON block");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    private Task<int> ActivePostingsInAsync(string iso2) =>
        factory.WithDbAsync(db => db.Postings.ActiveOn(Today).CountAsync(p => p.Country!.Iso2 == iso2));

    [Fact]
    public async Task Map_shows_the_coopérants_in_post_in_Senegal_and_links_to_the_country_page()
    {
        var expected = await ActivePostingsInAsync("SN");
        expected.ShouldBeGreaterThan(0);
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await page.GetStringAsync("/Reporting/Map");

        var senegal = Data(html).GetProperty("686");
        senegal.GetProperty("iso2").GetString().ShouldBe("SN");
        senegal.GetProperty("name").GetString().ShouldBe("Sénégal");
        senegal.GetProperty("count").GetInt32().ShouldBe(expected);
        html.ShouldContain($"data-testid=\"count-SN\">{expected}<");
        html.ShouldContain("href=\"/Partners/Countries/SN\"");
        Data(html).EnumerateObject().Count().ShouldBeGreaterThan(10);
        html.ShouldContain("data-testid=\"map-legend\"");
        html.ShouldContain("/js/map.");
        html.ShouldContain("/lib/world-atlas/countries-110m.");
    }

    [Fact]
    public async Task Map_speaks_the_user_language()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director, language: "en");
        var html = await page.GetStringAsync("/Reporting/Map");
        Data(html).GetProperty("686").GetProperty("name").GetString().ShouldBe("Senegal");
        html.ShouldContain("Network map");
        html.ShouldContain("{0}: {1} cooperation officer(s)");
    }

    [Fact]
    public async Task A_coopérant_sees_only_his_own_country_on_the_map()
    {
        var page = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var html = await page.GetStringAsync("/Reporting/Map");

        var countries = Data(html).EnumerateObject().Select(p => p.Name).ToList();
        countries.ShouldBe(["686"]);
        Data(html).GetProperty("686").GetProperty("count").GetInt32().ShouldBe(await ActivePostingsInAsync("SN"));
        Regex.Matches(html, "href=\"/Partners/Countries/([A-Z]{2})\"").Select(m => m.Groups[1].Value).Distinct().ShouldBe(["SN"]);
        Regex.Matches(html, "data-testid=\"count-([A-Z]{2})\"").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Map_table_exports_to_csv()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var response = await page.GetAsync("/Reporting/Map?handler=Export&format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.ShouldContain("Sénégal;SN;" + await ActivePostingsInAsync("SN"));
    }

    [Theory]
    [InlineData("/lib/leaflet/leaflet.js", "javascript")]
    [InlineData("/lib/leaflet/leaflet.css", "css")]
    [InlineData("/js/map.js", "javascript")]
    public async Task Map_scripts_and_styles_are_served(string path, string type)
    {
        var response = await factory.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType!.ShouldContain(type);
    }

    [Fact]
    public async Task Country_shapes_are_served_compressed_to_whoever_accepts_it()
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/lib/world-atlas/countries-110m.json");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldHaveSingleItem().ShouldBeOneOf("br", "gzip");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // ~108 KB raw: a compressed body is well under half of that.
        bytes.Length.ShouldBeLessThan(50_000);

        var plain = await client.GetAsync("/lib/world-atlas/countries-110m.json");
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        var json = JsonDocument.Parse(await plain.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("type").GetString().ShouldBe("Topology");
    }
}
