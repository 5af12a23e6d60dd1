namespace Cooperation.Tests.Partners.Organisations;

public class OrganisationsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Organisations_list_holds_the_partners_of_the_directorate()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
        var acronyms = list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("acronym").GetString()).ToList();
        foreach (var acronym in new[] { "ONU", "UA", "UE", "OIF", "G5S", "CEDEAO" }) acronyms.ShouldContain(acronym);
        list.GetProperty("items").EnumerateArray().Count(o => o.GetProperty("activePostings").GetInt32() > 0).ShouldBe(6);

        var regional = await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations?kind=Regional");
        regional.GetProperty("items").EnumerateArray().ShouldAllBe(o => o.GetProperty("kind").GetString() == "Regional");
    }

    /// <summary>
    /// The list's counts are kept like the figures: they equal a recount of the postings running today and the open
    /// vacancies, and a vacancy opened at an organisation shows in its count at the next request.
    /// </summary>
    [Fact]
    public async Task The_lists_counts_equal_a_recount_and_follow_a_new_vacancy()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<Dictionary<string, (int Postings, int Vacancies)>> ListedAsync() =>
            (await director.GetFromJsonAsync<JsonElement>("/api/v1/organisations")).GetProperty("items").EnumerateArray().ToDictionary(
                o => o.GetProperty("acronym").GetString()!, o => (o.GetProperty("activePostings").GetInt32(), o.GetProperty("openVacancies").GetInt32()));
        Task<Dictionary<string, (int, int)>> RecountAsync() => factory.WithDbAsync(db => db.Organisations.Select(o => new
        {
            o.Acronym,
            Postings = db.Postings.ActiveOn(Today).Count(p => p.OrganisationId == o.Id),
            Vacancies = db.Vacancies.Count(v => v.OrganisationId == o.Id && v.FilledByPostingId == null),
        }).ToDictionaryAsync(o => o.Acronym, o => (o.Postings, o.Vacancies)));

        var before = await ListedAsync();
        before.ShouldBe(await RecountAsync(), ignoreOrder: true);

        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var opened = await admin.PostAsJsonAsync("/api/v1/vacancies", new
        {
            organisation = "UA", hostAuthorityType = "ORGANISATION", hostAuthorityName = "Commission de l'Union africaine",
            positionTitle = "Conseiller paix et sécurité", administration = "ARM",
            wishedStartDate = Today.AddMonths(4).ToString("yyyy-MM-dd"), durationMonths = 24,
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var after = await ListedAsync();
        after["UA"].ShouldBe((before["UA"].Postings, before["UA"].Vacancies + 1));
        after.ShouldBe(await RecountAsync(), ignoreOrder: true);
    }

    [Fact]
    public async Task Organisation_shows_its_seat_and_the_postings_to_it()
    {
        var expected = await factory.WithDbAsync(db => db.Postings.ActiveOn(Today).CountAsync(p => p.Organisation!.Acronym == "UA"));
        var api = await factory.ApiClientAsync(DemoAccounts.Director, "en");
        var au = await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations/ua");
        au.GetProperty("name").GetString().ShouldBe("African Union");
        au.GetProperty("seatCountry").GetProperty("iso2").GetString().ShouldBe("ET");
        au.GetProperty("activePostings").GetArrayLength().ShouldBe(expected);
        au.GetProperty("activePostings").EnumerateArray().ShouldAllBe(p => p.GetProperty("organisation").GetString() == "UA");

        (await api.GetAsync("/api/v1/organisations/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_coopérant_sees_no_organisation_outside_his_country()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await api.GetAsync("/api/v1/organisations/ONU")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Organisation_pages_list_link_and_export()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var list = await HtmlAsync(page, "/Partners/Organisations");
        list.ShouldContain("href=\"/Partners/Organisations/G5S\"");
        list.ShouldContain("data-testid=\"partners-nav\"");

        var g5 = await HtmlAsync(page, "/Partners/Organisations/G5S");
        g5.ShouldContain("G5S — G5 Sahel");
        g5.ShouldContain("href=\"/Partners/Countries/MR\" data-testid=\"seat-country\">Mauritanie</a>");
        g5.ShouldContain("data-testid=\"organisation-postings\"");

        var csv = await page.GetAsync("/Partners/Organisations?handler=Export&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(await factory.WithDbAsync(db => db.Organisations.CountAsync()) + 1);
        (await page.GetAsync("/Partners/Organisations/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Partners_and_schools_routes_are_described_in_the_openapi_document()
    {
        var doc = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/countries", "/api/v1/countries/{iso2}", "/api/v1/organisations", "/api/v1/organisations/{acronym}",
                     "/api/v1/zones", "/api/v1/zones/{code}/priority", "/api/v1/schools", "/api/v1/schools/{acronym}" })
            doc.ShouldContain($"\"{route}\"");
    }
}
