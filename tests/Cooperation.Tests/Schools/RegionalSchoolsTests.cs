namespace Cooperation.Tests.Schools;

public class RegionalSchoolsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task There_are_20_regional_schools_in_13_countries()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools?pageSize=50");
        list.GetProperty("total").GetInt32().ShouldBe(20);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(s => s.GetProperty("country").GetProperty("iso2").GetString()).Distinct().Count().ShouldBe(13);

        var paged = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools?pageSize=5&page=4");
        paged.GetProperty("items").GetArrayLength().ShouldBe(5);
        paged.GetProperty("total").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task Schools_filter_by_country_and_domain()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var senegal = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools?country=SN");
        senegal.GetProperty("total").GetInt32().ShouldBe(3);

        var cyber = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools?domain=CYBERSECURITY");
        cyber.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("acronym").GetString())
            .ShouldBe(["ENVR-CYBER", "ENVR-CYBER-BAL"], ignoreOrder: true);

        var both = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools?country=CM&domain=PUBLIC_ORDER");
        both.GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task School_shows_its_country_domains_and_opening_year()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director, "en");
        var school = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools/EMPABB");
        school.GetProperty("city").GetString().ShouldBe("Bamako");
        school.GetProperty("openedYear").GetInt32().ShouldBe(1999);
        school.GetProperty("country").GetProperty("name").GetString().ShouldBe("Mali");
        school.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ShouldContain("Peacekeeping");
        (await api.GetAsync("/api/v1/schools/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cooperant_sees_only_the_schools_of_his_country()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/schools");
        list.GetProperty("total").GetInt32().ShouldBe(3);
        (await api.GetAsync("/api/v1/schools/ENVR-CYBER")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/schools/EMPABB")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        (await page.GetAsync("/Schools/EMPABB")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schools_pages_list_filter_show_and_export()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools?domain=HEALTH"));
        html.ShouldContain("href=\"/Schools/ESSAL\"");
        html.ShouldContain("href=\"/Schools/ENVR-ASM\"");
        html.ShouldNotContain("href=\"/Schools/EMPABB\"");
        html.ShouldContain("<option value=\"HEALTH\" selected");

        var school = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/ENVR-GIF"));
        school.ShouldContain("ENVR-GIF — École nationale à vocation régionale de gestion intégrée des frontières");
        school.ShouldContain("href=\"/Partners/Countries/NE\" data-testid=\"school-country\">Niger</a>");
        school.ShouldContain("2024");

        var english = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/ENVR-GIF?culture=en"));
        english.ShouldContain("Integrated border management");

        var csv = await page.GetAsync("/Schools?handler=Export&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(21);
    }

    /// <summary>The catalogue and planning forms are for those who manage a school: a reader manages none.</summary>
    [Fact]
    public async Task Readers_are_offered_no_form()
    {
        foreach (var email in new[] { DemoAccounts.Director, DemoAccounts.LiaisonCi })
        {
            var page = await factory.PageClientAsync(email);
            foreach (var path in new[] { "/Schools/Courses/Create", "/Schools/Sessions/Create" })
            {
                var response = await page.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
            }
            (await page.GetStringAsync("/Schools/Courses")).ShouldNotContain("data-testid=\"new-course\"");
        }
    }
}
