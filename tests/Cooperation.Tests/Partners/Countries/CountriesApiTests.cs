namespace Cooperation.Tests.Partners.Countries;

public class CountriesApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
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
        senegal.GetProperty("activeCooperants").GetInt32().ShouldBe(await factory.ActiveCountryPostingsAsync("SN"));
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
        (await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("sort", out _).ShouldBeTrue();
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
        postings.Count.ShouldBe(await factory.ActiveCountryPostingsAsync("SN"));
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
        var problem = await JsonAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("Not found");
        problem.GetProperty("detail").GetString()!.ShouldContain("outside your scope");
    }
}
