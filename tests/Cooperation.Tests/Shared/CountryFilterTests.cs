namespace Cooperation.Tests.Shared;

/// <summary>
/// Lists filter by several countries at once (<c>?country=SN&amp;country=CI</c>) through the shared list kernel, in the
/// API and on the pages, whose filter form offers a multiple choice.
/// </summary>
public class CountryFilterTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static async Task<int> TotalAsync(HttpClient api, string query) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/postings?{query}&pageSize=200")).GetProperty("total").GetInt32();

    [Fact]
    public async Task The_api_lists_the_postings_of_several_countries_at_once()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var senegal = await TotalAsync(api, "country=SN");
        var ivory = await TotalAsync(api, "country=CI");
        senegal.ShouldBeGreaterThan(0);
        ivory.ShouldBeGreaterThan(0);

        var both = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=SN&country=CI&pageSize=200");
        both.GetProperty("total").GetInt32().ShouldBe(senegal + ivory);
        both.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("country").GetString()).Distinct()
            .ShouldBe(["CI", "SN"], ignoreOrder: true);
        (await TotalAsync(api, "country=SN,CI")).ShouldBe(senegal + ivory);
    }

    [Fact]
    public async Task A_list_page_filters_by_several_countries_and_keeps_them_chosen_in_its_form_and_its_export()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(page, "/Network/Postings?Country=SN&Country=CI");
        html.ShouldContain("data-testid=\"country-filter\"");
        html.ShouldContain("multiple");
        html.ShouldContain("<option value=\"SN\" selected=\"selected\">");
        html.ShouldContain("<option value=\"CI\" selected=\"selected\">");
        html.ShouldNotContain("<option value=\"ML\" selected=\"selected\">");

        var csv = await page.GetStringAsync("/Network/Postings?Country=SN&Country=CI&handler=Export&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        lines.Count.ShouldBe(await TotalAsync(api, "country=SN&country=CI"));
    }

    [Fact]
    public async Task Country_choices_are_the_partner_countries_with_an_escape_to_show_them_all()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(page, "/Schools/Nominations/Create");
        html.ShouldContain("<option value=\"SN\">");
        // Antarctica, Åland and Bouvet Island are no partners.
        html.ShouldNotContain("<option value=\"AQ\">");
        html.ShouldNotContain("<option value=\"AX\">");
        html.ShouldContain("data-testid=\"all-countries\"");

        html = await HtmlAsync(page, "/Schools/Nominations/Create?AllCountries=true");
        html.ShouldContain("<option value=\"AQ\">");
        html.ShouldNotContain("data-testid=\"all-countries\"");
    }
}
