using Cooperation.Web.Features.Shared;

namespace Cooperation.Tests.Partners.Countries;

public class CountriesAccessTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Cooperant_sees_his_country_and_no_other_in_the_api()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("iso2").GetString().ShouldBe("SN");

        var senegal = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries/SN");
        senegal.GetProperty("activePostings").EnumerateArray().ShouldAllBe(p => !p.GetProperty("nameRedacted").GetBoolean());

        (await api.GetAsync("/api/v1/countries/ML")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cooperant_gets_the_page_of_his_country_and_not_of_another()
    {
        var page = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        (await page.GetAsync("/Partners/Countries/SN")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.GetAsync("/Partners/Countries/ML")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = await HtmlAsync(page, "/Partners/Countries");
        list.ShouldContain("href=\"/Partners/Countries/SN\"");
        list.ShouldNotContain("href=\"/Partners/Countries/ML\"");
    }

    [Fact]
    public async Task Auditor_sees_the_senegal_page_with_names_redacted()
    {
        var names = await factory.ActiveLastNamesAsync("SN");
        var page = await factory.PageClientAsync(DemoAccounts.Auditor);
        var html = await HtmlAsync(page, "/Partners/Countries/SN");
        var table = html[html.IndexOf("data-testid=\"country-postings\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        table.ShouldContain(PersonalData.Redacted);
        foreach (var name in names) table.ShouldNotContain(name.ToUpperInvariant());

        var api = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var senegal = await api.GetFromJsonAsync<JsonElement>("/api/v1/countries/SN");
        senegal.GetProperty("activePostings").EnumerateArray()
            .ShouldAllBe(p => p.GetProperty("nameRedacted").GetBoolean() && p.GetProperty("cooperantName").GetString() == PersonalData.Redacted);
    }

    [Fact]
    public async Task Director_sees_names_and_desk_officer_only_within_her_zones()
    {
        var senegalNames = await factory.ActiveLastNamesAsync("SN");
        var director = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await HtmlAsync(director, "/Partners/Countries/SN");
        html.ShouldContain(senegalNames[0].ToUpperInvariant());

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await desk.GetFromJsonAsync<JsonElement>("/api/v1/countries/SN")).GetProperty("activePostings").EnumerateArray()
            .ShouldAllBe(p => !p.GetProperty("nameRedacted").GetBoolean());
        var lebanon = await desk.GetFromJsonAsync<JsonElement>("/api/v1/countries/LB");
        lebanon.GetProperty("activePostings").GetArrayLength().ShouldBeGreaterThan(0);
        lebanon.GetProperty("activePostings").EnumerateArray().ShouldAllBe(p => p.GetProperty("nameRedacted").GetBoolean());
    }
}
