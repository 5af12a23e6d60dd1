using static Cooperation.Tests.Donations.DonationTestData;

namespace Cooperation.Tests.Donations.Donations;

/// <summary>
/// /api/v1/donations: the non-lethal rule as an API client meets it (the whole table, nothing half-stored), bad input,
/// who proposes, reads and moves which donations, conflicts.
/// </summary>
public class DonationsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private int Stored(string title) => factory.WithDb(db => db.Donations.Count(d => d.Title == title));

    [Fact]
    public async Task Every_item_of_the_table_is_accepted_or_refused_through_the_api_with_the_reason_naming_it()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var english = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        var failures = new List<string>();
        var n = 0;
        foreach (var row in NonLethalTable.Items)
        {
            var (category, description, ml, expected) = ((string)row[0], (string)row[1], (string?)row[2], (string)row[3]);
            var title = UniqueName("Don de table");
            var client = n++ % 2 == 0 ? api : english;
            var response = await client.PostAsJsonAsync("/api/v1/donations", NewDonation(title, "SN", Item(description, category, ml)));
            if (expected == NonLethalTable.Accepted)
            {
                if (response.StatusCode != HttpStatusCode.Created) failures.Add($"{description}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            if (response.StatusCode != HttpStatusCode.BadRequest) { failures.Add($"{description}: {response.StatusCode}"); continue; }
            var message = (await response.ErrorsAsync())["items[0]"][0];
            var reason = expected switch
            {
                NonLethalTable.LethalMl => client == api ? "liste commune des équipements militaires" : "Common Military List",
                NonLethalTable.LethalTerm => client == api ? "nomme une arme" : "names a weapon",
                _ => client == api ? "quatre catégories" : "four categories",
            };
            if (!message.Contains(description) || !message.Contains(reason)) failures.Add($"{description}: « {message} »");
            if (Stored(title) != 0) failures.Add($"{description}: stored although refused");
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_lethal_item_refuses_the_whole_proposal_and_nothing_is_stored()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var title = UniqueName("Don mixte");
        var audit = factory.WithDb(db => db.AuditEntries.Count());
        var response = await api.PostAsJsonAsync("/api/v1/donations", NewDonation(title, "SN",
            Item("Trousses de premiers secours", "civilProtection"), Item("Fusils d'assaut"), Item("Munitions 5,56", ml: "ML3")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await response.ErrorsAsync();
        errors.Keys.ShouldBe(["items[1]", "items[2]"], ignoreOrder: true);
        errors["items[1]"][0].ShouldContain("Fusils d'assaut");
        errors["items[1]"][0].ShouldContain("fusil");
        errors["items[2]"][0].ShouldContain("ML3");
        Stored(title).ShouldBe(0);
        factory.WithDb(db => db.AuditEntries.Count()).ShouldBe(audit);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_the_reason()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var title = UniqueName("Don mal saisi");
        var donation = NewDonation(title, "SN", Item("Radios portatives", quantity: 0), Item("Brancards", "civilProtection", unitValue: -5m),
            Item("Casques", currency: "XOF"), Item("Tentes", currency: "ZZZ", rate: 2m), Item("Jumelles", ml: "ML99"));
        donation["projectId"] = 999_999;
        donation["receivingUnit"] = "";
        var response = await api.PostAsJsonAsync("/api/v1/donations", donation);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await response.ErrorsAsync();
        errors["items[0]"][0].ShouldContain("Radios portatives");
        errors["items[0]"][0].ShouldContain("positi");
        errors["items[1]"][0].ShouldContain("Brancards");
        errors["items[2]"][0].ShouldContain("Taux de change");
        errors["items[3]"][0].ShouldContain("ZZZ");
        errors["items[4]"][0].ShouldContain("ML99");
        errors["projectId"][0].ShouldContain("999999");
        errors.ShouldContainKey("receivingUnit");
        Stored(title).ShouldBe(0);

        var empty = await api.PostAsJsonAsync("/api/v1/donations", NewDonation(title) is var d && d.Remove("items") ? d : d);
        (await empty.ErrorsAsync()).ShouldContainKey("items");
    }

    [Fact]
    public async Task A_proposal_values_its_items_in_euros_at_the_rate_used_and_completes_a_project()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var projectId = factory.WithDb(db => db.Projects.Where(p => p.Locations.Any(l => l.Country!.Iso2 == "SN")).Select(p => p.Id).First());
        var donation = NewDonation(UniqueName("Don valorisé"), "SN",
            Item("Postes radio VHF", ml: "ML11", quantity: 10, unitValue: 655_957m, currency: "XOF", rate: 655.957m),
            Item("Trousses de secours", "civilProtection", quantity: 3, unitValue: 33.33m));
        donation["projectId"] = projectId;
        var created = await ProposeAsync(api, donation);
        created.GetProperty("status").GetString().ShouldBe("proposed");
        created.GetProperty("euroValue").GetDecimal().ShouldBe(10_099.99m);
        created.GetProperty("items")[0].GetProperty("euroValue").GetDecimal().ShouldBe(10_000m);
        created.GetProperty("items")[0].GetProperty("mlCategory").GetString().ShouldBe("ML11");
        created.GetProperty("projectId").GetInt32().ShouldBe(projectId);
        created.GetProperty("deskOfficer").GetString().ShouldBe("Chargée de mission Afrique");

        var list = await JsonAsync(await api.GetAsync($"/api/v1/donations?projectId={projectId}&category=civilProtection&country=SN"));
        list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ShouldContain(created.GetProperty("id").GetInt32());

        // The list's row counts and values the items as the donation does, and names each category once.
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == created.GetProperty("id").GetInt32());
        row.GetProperty("itemCount").GetInt32().ShouldBe(2);
        row.GetProperty("euroValue").GetDecimal().ShouldBe(10_099.99m);
        row.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ShouldBe(["civilProtection", "trainingMeans"]);
    }

    /// <summary>
    /// The list counts, values and names the categories of every donation's items in its own statement: every row of
    /// every page equals a recount from the database, a donation of four items in three categories among them (two
    /// surveillance items name surveillance once).
    /// </summary>
    [Fact]
    public async Task Every_row_of_the_list_counts_values_and_names_the_categories_of_its_items_as_recorded()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var mixed = (await ProposeAsync(desk, NewDonation(UniqueName("Don de trois catégories"), "SN",
            Item("Jumelles de vision nocturne", "surveillance", quantity: 2, unitValue: 2_400m),
            Item("Radar de surveillance côtière", "surveillance", quantity: 1, unitValue: 45_000.5m),
            Item("Trousses de premiers secours", "civilProtection", quantity: 3, unitValue: 85m),
            Item("Vidéoprojecteurs de salle de cours", "trainingCentres", quantity: 1, unitValue: 650m)))).GetProperty("id").GetInt32();
        var expected = factory.WithDb(db => db.Donations.Select(d => new { d.Id, Items = d.Items.Select(i => new { i.Category, i.EuroValue }).ToList() })
            .ToList().ToDictionary(d => d.Id, d => (Count: d.Items.Count, Value: d.Items.Sum(i => i.EuroValue),
                Categories: string.Join(",", d.Items.Select(i => i.Category).Distinct().Order().Select(c => c switch
                {
                    EquipmentCategory.Surveillance => "surveillance",
                    EquipmentCategory.CivilProtection => "civilProtection",
                    EquipmentCategory.TrainingCentres => "trainingCentres",
                    _ => "trainingMeans",
                })))));
        expected[mixed].ShouldBe((4, 50_705.5m, "surveillance,civilProtection,trainingCentres"));

        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var seen = new Dictionary<int, (int, decimal, string)>();
        for (var page = 1; seen.Count < expected.Count && page <= 100; page++)
            foreach (var row in (await JsonAsync(await director.GetAsync($"/api/v1/donations?pageSize=200&page={page}"))).GetProperty("items").EnumerateArray())
                seen[row.GetProperty("id").GetInt32()] = (row.GetProperty("itemCount").GetInt32(), row.GetProperty("euroValue").GetDecimal(),
                    string.Join(",", row.GetProperty("categories").EnumerateArray().Select(c => c.GetString())));
        seen.Count.ShouldBe(expected.Count);
        foreach (var (id, recount) in expected) seen[id].ShouldBe(recount, $"donation {id}");
    }

    /// <summary>
    /// The list by country (one, in any case, several, one without donations, an unknown code) answers the country's
    /// donations as the database holds them, the latest proposed first: found by the donations' own key of their country
    /// (<c>ListFilters.OfCountries</c>), as a country's page lists them.
    /// </summary>
    [Fact]
    public async Task The_list_by_country_answers_the_countrys_donations_latest_first()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var none = factory.WithDb(db => db.Countries.Where(c => !db.Donations.Any(d => d.CountryId == c.Id)).OrderBy(c => c.Iso2).Select(c => c.Iso2).First());
        foreach (var codes in new[] { "SN", "ci", "SN,CI", none, "ZZ" })
        {
            var iso2 = codes.ToUpperInvariant().Split(',');
            var expected = factory.WithDb(db => db.Donations.Where(d => iso2.Contains(d.Country!.Iso2))
                .OrderByDescending(d => d.ProposedOn).ThenByDescending(d => d.Id).Select(d => d.Id).ToList());
            var page = await JsonAsync(await director.GetAsync($"/api/v1/donations?country={codes}&pageSize=200"));
            page.GetProperty("total").GetInt32().ShouldBe(expected.Count, codes);
            page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ShouldBe(expected.Take(200), codes);
        }
    }

    [Fact]
    public async Task A_desk_officer_proposes_only_in_her_zones_and_a_cooperant_reads_only_his_country()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var refused = await desk.PostAsJsonAsync("/api/v1/donations", NewDonation(UniqueName("Don au Liban"), "LB"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync()).ShouldContainKey("country");

        var lebanon = (await ProposeAsync(admin, NewDonation(UniqueName("Don au Liban"), "LB"))).GetProperty("id").GetInt32();
        var senegal = (await ProposeAsync(desk, NewDonation(UniqueName("Don au Sénégal")))).GetProperty("id").GetInt32();

        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await cooperant.GetAsync($"/api/v1/donations/{lebanon}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cooperant.GetAsync($"/api/v1/donations/{senegal}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await JsonAsync(await cooperant.GetAsync("/api/v1/donations?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.GetProperty("country").GetString() == "SN");
        (await cooperant.PostAsJsonAsync("/api/v1/donations", NewDonation(UniqueName("Don")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The desk officer reads the foreign donation but acts on none of it.
        (await desk.GetAsync($"/api/v1/donations/{lebanon}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.PostAsJsonAsync($"/api/v1/donations/{lebanon}/items", new { item = Item("Tentes", "civilProtection") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await MoveAsync(desk, lebanon, "cancelled", HttpStatusCode.Forbidden, reason: "Plus utile");

        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.GetAsync("/api/v1/donations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.GetAsync($"/api/v1/donations/{senegal}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_the_director_approves_and_approval_needs_the_end_user_statement_and_the_risk_note()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var donation = NewDonation(UniqueName("Don à approuver"));
        donation.Remove("humanitarianLaw");
        var id = (await ProposeAsync(desk, donation)).GetProperty("id").GetInt32();

        await MoveAsync(desk, id, "approved", HttpStatusCode.Forbidden);
        // The record says what approval still needs before anyone tries; the refusal says the same.
        (await director.GetFromJsonAsync<JsonElement>($"/api/v1/donations/{id}")).GetProperty("missing").GetProperty("approved").GetString()!
            .ShouldContain("certificat d'utilisation finale");
        var refused = await director.PostAsJsonAsync($"/api/v1/donations/{id}/status", new { to = "approved" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["endUserStatement"][0].ShouldContain("certificat d'utilisation finale");
        (await director.PostAsJsonAsync("/api/v1/donations", NewDonation(UniqueName("Don")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await MoveAsync(desk, id, "handedOver", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Items_are_added_one_by_one_under_the_rule_and_a_stale_version_is_refused()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await ProposeAsync(desk, NewDonation(UniqueName("Don complété")));
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64();

        var lethal = await desk.PostAsJsonAsync($"/api/v1/donations/{id}/items", new { item = Item("Grenades à main"), version });
        lethal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await lethal.ErrorsAsync())["item"][0].ShouldContain("Grenades à main");
        var added = await desk.PostAsJsonAsync($"/api/v1/donations/{id}/items", new { item = Item("Brancards de secours", "civilProtection"), version });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await JsonAsync(added)).GetProperty("items").GetArrayLength().ShouldBe(3);

        var stale = await desk.PutAsJsonAsync($"/api/v1/donations/{id}", new
        {
            title = "Don renommé", country = "SN", receivingAuthority = "Ministère", receivingUnit = "Unité", version,
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        factory.WithDb(db => db.Donations.Single(d => d.Id == id).Title).ShouldNotBe("Don renommé");
    }
}
