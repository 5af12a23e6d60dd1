namespace Cooperation.Tests.Partners.Zones;

/// <summary>Each test changes a zone of its own, so that they do not depend on each other.</summary>
public class ZonesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static async Task<JsonElement> ZoneAsync(HttpClient api, string code) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/zones")).GetProperty("items").EnumerateArray()
            .Single(z => z.GetProperty("code").GetString() == code);

    private static async Task<HttpResponseMessage> SetAsync(HttpClient api, string code, object priority, long version) =>
        await api.PutAsJsonAsync($"/api/v1/zones/{code}/priority", new { priority, version });

    /// <summary>The priority form of a zone on the zones page, as a browser posts it.</summary>
    private static Task<HttpResponseMessage> PostPriorityAsync(HttpClient page, string code, string priority, long version) =>
        PostFormAsync(page, "/Partners/Zones?handler=Priority",
            new Dictionary<string, string> { ["code"] = code, ["priority"] = priority, ["version"] = version.ToString() }, tokenPage: "/Partners/Zones");

    [Fact]
    public async Task Zones_list_their_priority_countries_and_coopérants()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var zones = await api.GetFromJsonAsync<JsonElement>("/api/v1/zones");
        var items = zones.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(8);
        items.ShouldAllBe(z => !z.GetProperty("canEdit").GetBoolean());
        var africa = items.Single(z => z.GetProperty("code").GetString() == "AFS");
        africa.GetProperty("countries").GetInt32().ShouldBe(await factory.WithDbAsync(db => db.Countries.CountAsync(c => c.Zone!.Code == "AFS")));
        africa.GetProperty("activeCooperants").GetInt32().ShouldBeGreaterThan(100);
        items.Sum(z => z.GetProperty("activeCooperants").GetInt32()).ShouldBeLessThanOrEqualTo(312);
    }

    [Fact]
    public async Task A_coopérant_sees_only_the_zone_of_his_country_and_may_not_edit_it()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var zones = await api.GetFromJsonAsync<JsonElement>("/api/v1/zones");
        zones.GetProperty("items").EnumerateArray().Select(z => z.GetProperty("code").GetString()).ShouldBe(["AFS"]);
        zones.GetProperty("items")[0].GetProperty("canEdit").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Desk_officer_sets_the_priority_of_her_zone_and_the_change_is_audited()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var zone = await ZoneAsync(api, "AFS");
        zone.GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        zone.GetProperty("priority").GetString().ShouldBe("High");
        var version = zone.GetProperty("version").GetInt64();

        var response = await SetAsync(api, "AFS", "Medium", version);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await JsonAsync(response);
        saved.GetProperty("priority").GetString().ShouldBe("Medium");
        saved.GetProperty("version").GetInt64().ShouldBe(version + 1);
        (await ZoneAsync(api, "AFS")).GetProperty("priority").GetString().ShouldBe("Medium");

        var (id, entries) = await factory.WithDbAsync(async db =>
        {
            var id = await db.Zones.Where(z => z.Code == "AFS").Select(z => z.Id).SingleAsync();
            var key = id.ToString();
            return (id, await db.AuditEntries.Where(a => a.EntityType == "Zone" && a.EntityKey == key && a.Action == "Updated").ToListAsync());
        });
        var entry = entries.ShouldHaveSingleItem();
        entry.Action.ShouldBe("Updated");
        entry.UserName.ShouldBe(DemoAccounts.DeskAfrica);
        entry.Before!.ShouldContain("\"Priority\":3");
        entry.After!.ShouldContain("\"Priority\":2");
        id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Desk_officer_may_not_set_a_zone_outside_her_scope_nor_the_director_any()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var middleEast = await ZoneAsync(desk, "MOY");
        middleEast.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await SetAsync(desk, "MOY", "Low", middleEast.GetProperty("version").GetInt64())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var northAfrica = await ZoneAsync(director, "AFN");
        var refused = await SetAsync(director, "AFN", "Low", northAfrica.GetProperty("version").GetInt64());
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await SetAsync(auditor, "AFN", "Low", northAfrica.GetProperty("version").GetInt64())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ZoneAsync(director, "MOY")).GetProperty("priority").GetString().ShouldBe("High");
        (await ZoneAsync(director, "AFN")).GetProperty("priority").GetString().ShouldBe("High");
    }

    [Theory]
    [InlineData("fr", "La priorité « Urgent » n'est pas valide")]
    [InlineData("en", "The priority \"Urgent\" is not valid")]
    public async Task Invalid_priority_is_refused_naming_the_field_in_the_user_language(string language, string message)
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language);
        var zone = await ZoneAsync(api, "ASE");
        var response = await SetAsync(api, "ASE", "Urgent", zone.GetProperty("version").GetInt64());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        problem.GetProperty("errors").GetProperty("priority")[0].GetString()!.ShouldStartWith(message);

        var number = await SetAsync(api, "ASE", 3, zone.GetProperty("version").GetInt64());
        number.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(number)).GetProperty("errors").TryGetProperty("priority", out _).ShouldBeTrue();
        (await ZoneAsync(api, "ASE")).GetProperty("version").GetInt64().ShouldBe(zone.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Stale_version_is_a_409_conflict()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        var version = (await ZoneAsync(api, "IPA")).GetProperty("version").GetInt64();
        (await SetAsync(api, "IPA", "High", version)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await SetAsync(api, "IPA", "Low", version);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("changed by someone else");
        (await ZoneAsync(api, "IPA")).GetProperty("priority").GetString().ShouldBe("High");

        (await SetAsync(api, "ZZZ", "High", 0)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Zones_page_lets_an_administrator_save_a_priority_and_explains_a_conflict()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(page, "/Partners/Zones");
        html.ShouldContain("id=\"priority-AML\"");
        var version = await factory.WithDbAsync(db => db.Zones.Where(z => z.Code == "AML").Select(z => z.Version).SingleAsync());

        var saved = await PostPriorityAsync(page, "AML", "Medium", version);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await HtmlAsync(page, saved.Headers.Location!.ToString());
        after.ShouldContain("Priorité de la zone « Amérique latine et Caraïbes » enregistrée : Moyenne.");

        var stale = await HtmlAsync(await PostPriorityAsync(page, "AML", "High", version));
        stale.ShouldContain("data-testid=\"conflict\"");
        stale.ShouldContain("Cet enregistrement a été modifié par quelqu'un d'autre");

        var invalid = await HtmlAsync(await PostPriorityAsync(page, "AML", "Urgent", version + 1));
        invalid.ShouldContain("fr-error-text");
        invalid.ShouldContain("La priorité « Urgent » n'est pas valide");
    }

    [Fact]
    public async Task Zones_page_offers_the_select_only_where_the_user_may_edit()
    {
        var deskPage = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var desk = await HtmlAsync(deskPage, "/Partners/Zones");
        desk.ShouldContain("id=\"priority-AFS\"");
        desk.ShouldNotContain("id=\"priority-MOY\"");
        // A form forged for a zone outside her scope is refused as the API refuses it.
        var version = await factory.WithDbAsync(db => db.Zones.Where(z => z.Code == "MOY").Select(z => z.Version).SingleAsync());
        var forged = await PostPriorityAsync(deskPage, "MOY", "Low", version);
        forged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forged.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await factory.WithDbAsync(db => db.Zones.Where(z => z.Code == "MOY").Select(z => z.Version).SingleAsync())).ShouldBe(version);

        var director = await factory.PageClientAsync(DemoAccounts.Director, "en");
        var html = await HtmlAsync(director, "/Partners/Zones");
        html.ShouldNotContain("<select");
        html.ShouldContain("Geographic zones");
    }
}
