namespace Cooperation.Tests.Partners.Countries;

public class CountryPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Country_page_shows_the_country_and_the_positions_of_its_postings()
    {
        var position = await factory.WithDbAsync(db => db.Postings.ActiveOn(Today)
            .Where(p => p.OrganisationId == null && p.Country!.Iso2 == "SN").Select(p => p.PositionTitle).FirstAsync());
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var response = await page.GetAsync("/Partners/Countries/SN");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain("<h1 data-testid=\"country-name\">Sénégal</h1>");
        html.ShouldContain("data-testid=\"country-postings\"");
        html.ShouldContain(position);
        html.ShouldContain("ENVR-CYBER");

        var english = await HtmlAsync(page, "/Partners/Countries/SN?culture=en");
        english.ShouldContain("<h1 data-testid=\"country-name\">Senegal</h1>");
        english.ShouldContain("Current postings");
    }

    [Fact]
    public async Task Countries_page_filters_sorts_pages_and_exports()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await HtmlAsync(page, "/Partners/Countries?withNetwork=true&zone=AFS&sort=cooperants");
        html.ShouldContain("href=\"/Partners/Countries/SN\">Sénégal</a>");
        html.ShouldNotContain("href=\"/Partners/Countries/LB\"");
        html.ShouldContain("<option value=\"cooperants\" selected");

        var all = await HtmlAsync(page, "/Partners/Countries");
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

    [Fact]
    public async Task An_unknown_order_typed_in_the_address_is_refused_above_the_list_as_the_api_refuses_it()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director, "en");
        var response = await page.GetAsync("/Partners/Countries?sort=colour");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain("data-testid=\"form-error\">The value \"colour\" of the field \"Sort\" is unknown.");
        html.ShouldNotContain("href=\"/Partners/Countries/SN\"");
        html.ShouldContain("<option value=\"zone\">");
    }
}
