using System.Text.RegularExpressions;
using static Cooperation.Tests.Reporting.ReportingTestData;

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
        senegal.GetProperty("value").GetInt32().ShouldBe(expected);
        senegal.GetProperty("href").GetString().ShouldBe("/Partners/Countries/SN");
        senegal.GetProperty("c").GetInt32().ShouldBeInRange(1, 5);
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
        Data(html).GetProperty("686").GetProperty("t").GetString()!.ShouldStartWith("Senegal: ");
        html.ShouldContain("Trainees by nationality");
    }

    [Fact]
    public async Task A_coopérant_sees_only_his_own_country_on_the_map()
    {
        var page = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var html = await page.GetStringAsync("/Reporting/Map");

        var countries = Data(html).EnumerateObject().Select(p => p.Name).ToList();
        countries.ShouldBe(["686"]);
        Data(html).GetProperty("686").GetProperty("value").GetInt32().ShouldBe(await ActivePostingsInAsync("SN"));
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

    // ---------------------------------------------------------------- layers

    private async Task<JsonElement> LayerAsync(string account, string query)
    {
        var page = await factory.PageClientAsync(account);
        var response = await page.GetAsync($"/Reporting/Map?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, query);
        return Data(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_trainees_layer_counts_last_years_trainees_by_nationality()
    {
        var (first, last) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var expected = await factory.WithDbAsync(async db => (await db.Nominations.Where(n => n.Status == NominationStatus.Accepted)
                .Select(n => new { n.TraineeId, Nationality = n.Trainee!.Nationality!.Iso2, n.Session!.StartDate, n.Session.Status }).ToListAsync())
            .Where(n => n.StartDate >= first && n.StartDate <= last && n.Status != SessionStatus.Cancelled)
            .GroupBy(n => n.Nationality).ToDictionary(g => g.Key, g => g.Select(n => n.TraineeId).Distinct().Count()));
        expected.Count.ShouldBeGreaterThan(5);

        var data = await LayerAsync(DemoAccounts.Director, $"layer=trainees&year={LastYear}");
        data.EnumerateObject().ToDictionary(p => p.Value.GetProperty("iso2").GetString()!, p => p.Value.GetProperty("value").GetInt32()).ShouldBe(expected, ignoreOrder: true);
        (await LayerAsync(DemoAccounts.Director, "layer=trainees")).GetRawText().ShouldBe(data.GetRawText());

        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await page.GetStringAsync($"/Reporting/Map?layer=trainees&year={LastYear}");
        html.ShouldContain($"data-testid=\"count-CI\">{expected["CI"]}<");
        html.ShouldContain("aria-current=\"page\"");
    }

    private Task<Dictionary<string, (int Count, decimal Value)>> HandedOverAsync(int year) => factory.WithDbAsync(async db =>
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var donations = (await db.Donations.Select(d => new { d.Id, d.Country!.Iso2, d.HandedOverOn, d.Status }).ToListAsync())
            .Where(d => d.HandedOverOn >= first && d.HandedOverOn <= last && d.Status != DonationStatus.Cancelled).ToList();
        var ids = donations.Select(d => d.Id).ToHashSet();
        var items = (await db.DonationItems.Select(i => new { i.DonationId, i.EuroValue, i.Quantity, i.QuantityHandedOver }).ToListAsync()).Where(i => ids.Contains(i.DonationId))
            .ToLookup(i => i.DonationId, i => i.Quantity == 0 ? 0 : Math.Round(i.EuroValue * (i.QuantityHandedOver ?? 0) / i.Quantity, 2, MidpointRounding.AwayFromZero));
        return donations.GroupBy(d => d.Iso2).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(d => items[d.Id].Sum())));
    });

    [Fact]
    public async Task The_donations_layer_counts_or_values_the_year_by_country_and_a_coopérant_sees_his_country_only()
    {
        // A donation of Senegal handed over last year (the demo data may have none), so that its coopérant has something to see.
        var year = LastYear;
        await factory.WithDbAsync(async db =>
        {
            var donation = await db.Donations.Include(d => d.Items).Where(d => d.Status != DonationStatus.Cancelled && d.Items.Count > 0).OrderBy(d => d.Id).FirstAsync();
            donation.CountryId = await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync();
            donation.Status = DonationStatus.HandedOver;
            donation.HandedOverOn = new DateOnly(year, 6, 15);
            foreach (var item in donation.Items) item.QuantityHandedOver = item.Quantity;
            return await db.SaveChangesAsync();
        });
        var expected = await HandedOverAsync(year);
        expected.ShouldContainKey("SN");
        var counts = await LayerAsync(DemoAccounts.Director, $"layer=donations&year={year}");
        counts.EnumerateObject().ToDictionary(p => p.Value.GetProperty("iso2").GetString()!, p => p.Value.GetProperty("value").GetInt32())
            .ShouldBe(expected.ToDictionary(e => e.Key, e => e.Value.Count), ignoreOrder: true);
        var values = await LayerAsync(DemoAccounts.Director, $"layer=donations&year={year}&measure=value");
        values.GetProperty("686").GetProperty("value").GetDecimal().ShouldBe(expected["SN"].Value);
        expected.Count.ShouldBeGreaterThan(1);

        var mine = await LayerAsync(DemoAccounts.CooperantSenegal, $"layer=donations&year={year}&measure=value");
        mine.EnumerateObject().Select(p => p.Name).ShouldBe(["686"]);
        mine.GetProperty("686").GetProperty("value").GetDecimal().ShouldBe(expected["SN"].Value);
    }

    [Fact]
    public async Task The_projects_layer_counts_the_projects_running_in_each_country()
    {
        var expected = await factory.WithDbAsync(async db => (await db.Set<ProjectLocation>()
                .Where(l => l.CountryId != null && l.Project!.Status == ProjectStatus.Running).Select(l => new { Id = l.ProjectId, l.Country!.Iso2 }).ToListAsync())
            .GroupBy(x => x.Iso2).ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().Count()));
        expected.ShouldNotBeEmpty();
        var data = await LayerAsync(DemoAccounts.DeskAfrica, "layer=projects");
        data.EnumerateObject().ToDictionary(p => p.Value.GetProperty("iso2").GetString()!, p => p.Value.GetProperty("value").GetInt32()).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task A_layer_out_of_the_users_reach_or_unknown_is_refused_naming_it()
    {
        var school = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var refused = await school.GetAsync("/Reporting/Map?layer=projects");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("La couche « projects » n'est pas proposée");
        var html = await school.GetStringAsync("/Reporting/Map");
        html.ShouldNotContain("layer=projects");
        html.ShouldNotContain("layer=donations");

        var director = await factory.PageClientAsync(DemoAccounts.Director, language: "en");
        var unknown = await director.GetAsync("/Reporting/Map?layer=weather");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("The layer “weather” is not offered");
        (await director.GetAsync("/Reporting/Map?layer=trainees&year=1990")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
