using Cooperation.Web.Features.Partners;

namespace Cooperation.Tests.Partners;

public class CountriesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now.Date);

    private Task<int> ActiveCountryPostingsAsync(string iso2) => factory.WithDbAsync(db =>
        db.Postings.ActiveOn(Today).Where(p => p.OrganisationId == null && p.Country!.Iso2 == iso2).CountAsync());

    [Fact]
    public async Task Countries_list_gives_the_total_and_pages_through_it()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var total = await factory.WithDbAsync(db => db.Countries.CountAsync());

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?pageSize=10");
        first.GetProperty("total").GetInt32().ShouldBe(total);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(10);
        first.GetProperty("items").GetArrayLength().ShouldBe(10);

        var second = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?pageSize=10&page=2");
        second.GetProperty("items").GetArrayLength().ShouldBe(10);
        var codes = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("iso2").GetString())
            .Concat(second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("iso2").GetString()));
        codes.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public async Task With_network_gives_the_46_countries_where_coopérants_are_posted()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?withNetwork=true&pageSize=200");
        list.GetProperty("total").GetInt32().ShouldBe(46);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.ShouldAllBe(i => i.GetProperty("activeCooperants").GetInt32() > 0);
        var senegal = items.Single(i => i.GetProperty("iso2").GetString() == "SN");
        senegal.GetProperty("activeCooperants").GetInt32().ShouldBe(await ActiveCountryPostingsAsync("SN"));
        senegal.GetProperty("regionalSchools").GetInt32().ShouldBe(3);
        senegal.GetProperty("zoneCode").GetString().ShouldBe("AFS");
    }

    [Fact]
    public async Task Countries_filter_by_zone_and_name_and_sort_by_network_size()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var africa = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?zone=AFS&pageSize=200");
        africa.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("zoneCode").GetString() == "AFS");

        var byName = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?q=senegal");
        byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("iso2").GetString()).ShouldContain("SN");

        var sorted = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?withNetwork=true&sort=cooperants&pageSize=200");
        var counts = sorted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("activeCooperants").GetInt32()).ToList();
        counts.ShouldBe(counts.OrderByDescending(c => c).ToList());

        var wrong = await api.GetAsync("/api/v1/countries?sort=colour");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sort", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Senegal_shows_its_active_postings_and_what_is_connected_to_it()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var senegal = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries/sn");
        senegal.GetProperty("iso2").GetString().ShouldBe("SN");
        senegal.GetProperty("nameFr").GetString().ShouldBe("Sénégal");
        senegal.GetProperty("zone").GetProperty("code").GetString().ShouldBe("AFS");
        var postings = senegal.GetProperty("activePostings").EnumerateArray().ToList();
        postings.Count.ShouldBe(await ActiveCountryPostingsAsync("SN"));
        postings.ShouldAllBe(p => !p.GetProperty("nameRedacted").GetBoolean());
        senegal.GetProperty("cooperantsByAdministration").EnumerateArray().Sum(a => a.GetProperty("cooperants").GetInt32()).ShouldBe(postings.Count);
        senegal.GetProperty("regionalSchools").EnumerateArray().Select(s => s.GetProperty("acronym").GetString())
            .ShouldBe(["ECOLE-GENDARMERIE-SN", "ENVR-ASM", "ENVR-CYBER"], ignoreOrder: true);
        senegal.GetProperty("history").GetProperty("postings").GetInt32().ShouldBeGreaterThanOrEqualTo(postings.Count);

        var mauritania = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries/MR");
        mauritania.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("acronym").GetString()).ShouldContain("G5S");
    }

    [Fact]
    public async Task Unknown_country_is_a_404_problem()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director, language: "en");
        var response = await api.GetAsync("/api/v1/countries/QQ");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("outside your scope");
    }

    [Fact]
    public async Task Country_page_shows_the_country_and_the_positions_of_its_postings()
    {
        var position = await factory.WithDbAsync(db => db.Postings.ActiveOn(Today)
            .Where(p => p.OrganisationId == null && p.Country!.Iso2 == "SN").Select(p => p.PositionTitle).FirstAsync());
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var response = await page.GetAsync("/Partners/Countries/SN");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("<h1 data-testid=\"country-name\">Sénégal</h1>");
        html.ShouldContain("data-testid=\"country-postings\"");
        html.ShouldContain(position);
        html.ShouldContain("ENVR-CYBER");

        var english = WebUtility.HtmlDecode(await page.GetStringAsync("/Partners/Countries/SN?culture=en"));
        english.ShouldContain("<h1 data-testid=\"country-name\">Senegal</h1>");
        english.ShouldContain("Current postings");
    }

    [Fact]
    public async Task Countries_page_filters_sorts_pages_and_exports()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/Partners/Countries?withNetwork=true&zone=AFS&sort=cooperants"));
        html.ShouldContain("href=\"/Partners/Countries/SN\">Sénégal</a>");
        html.ShouldNotContain("href=\"/Partners/Countries/LB\"");
        html.ShouldContain("<option value=\"cooperants\" selected");

        var all = WebUtility.HtmlDecode(await page.GetStringAsync("/Partners/Countries"));
        all.ShouldContain("fr-pagination");

        var csv = await page.GetAsync("/Partners/Countries?handler=Export&format=csv&withNetwork=true");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(47);
        lines.ShouldContain(l => l.StartsWith("SN;Sénégal;Senegal;"));

        var xlsx = await page.GetAsync("/Partners/Countries?handler=Export&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        workbook.Worksheets.First().RowsUsed().Count().ShouldBe(await factory.WithDbAsync(db => db.Countries.CountAsync()) + 1);
    }
}
