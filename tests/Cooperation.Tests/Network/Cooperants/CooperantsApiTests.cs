using Cooperation.Web.Features.Network;

namespace Cooperation.Tests.Network.Cooperants;

public class CooperantsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private Task<int> ActiveCountAsync(string iso2) => factory.WithDbAsync(db =>
    {
        var today = Today;
        return db.Postings.Where(p => p.Country!.Iso2 == iso2 && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today))
            .Select(p => p.CooperantId).Distinct().CountAsync();
    });

    /// <summary>Ids of coopérants in post in a country, as the administrator lists them.</summary>
    private async Task<List<int>> PostedInAsync(string iso2)
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?country={iso2}&pageSize=200");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }

    private Task<int> OwnCooperantIdAsync() => factory.WithDbAsync(db =>
        db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId!.Value).SingleAsync());

    private static object Body(JsonElement c, string? phone = null, string? rank = null) => new
    {
        firstName = c.GetProperty("firstName").GetString(),
        lastName = c.GetProperty("lastName").GetString(),
        administration = c.GetProperty("administration").GetString(),
        rank = rank ?? c.GetProperty("rank").GetString(),
        specialtyDomain = c.GetProperty("specialtyDomain").GetString(),
        languages = c.GetProperty("languages").GetString(),
        email = c.GetProperty("email").GetString(),
        phone = phone ?? c.GetProperty("phone").GetString(),
        version = c.GetProperty("version").GetInt64(),
    };


    [Fact]
    public async Task List_is_paged_and_counts_the_whole_network()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?pageSize=10&page=2");
        page.GetProperty("total").GetInt32().ShouldBe(312);
        page.GetProperty("page").GetInt32().ShouldBe(2);
        page.GetProperty("pageSize").GetInt32().ShouldBe(10);
        page.GetProperty("items").GetArrayLength().ShouldBe(10);

        var former = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?status=former&pageSize=1");
        former.GetProperty("total").GetInt32().ShouldBe(156);
        former.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("former");
    }

    [Fact]
    public async Task Country_filter_gives_only_the_coopérants_posted_there()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?country=SN&pageSize=5");
        page.GetProperty("total").GetInt32().ShouldBe(await ActiveCountAsync("SN"));
        page.GetProperty("pageSize").GetInt32().ShouldBe(5);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(5);
        items.ShouldAllBe(i => i.GetProperty("country").GetString() == "SN" && i.GetProperty("status").GetString() == "active");
    }

    /// <summary>
    /// The list by country or zone, in every status, answers the coopérants whose placing posting (the active one, else
    /// the latest) is there, as a recount of every coopérant's postings finds them: one who served there once and is now
    /// posted elsewhere is not among them, though the list reads the postings of the place first (<c>ListCooperants</c>).
    /// </summary>
    [Fact]
    public async Task The_list_by_country_or_zone_answers_those_placed_there_not_those_who_once_served_there()
    {
        var today = Today;
        var cooperants = await factory.WithDbAsync(db => db.Cooperants.Select(c => new
        {
            c.Id,
            Postings = c.Postings.Select(p => new { p.StartDate, p.ActualEndDate, p.Country!.Iso2, Zone = p.Country.Zone!.Code }).ToList(),
        }).ToListAsync());
        var placed = cooperants.Select(c => (c.Id, c.Postings,
            Placing: Placement.Placing(c.Postings, p => p.StartDate, p => p.ActualEndDate, today))).ToList();
        // Served in another country, and in another zone, before (not Africa's: more than a page of coopérants).
        var once = placed.First(c => c.Placing is { } p && c.Postings.Any(i => i.Iso2 != p.Iso2));
        var elsewhere = once.Postings.First(i => i.Iso2 != once.Placing!.Iso2).Iso2;
        var otherZone = placed.First(c => c.Placing is { } p && c.Postings.Any(i => i.Zone != p.Zone && i.Zone != "AFS"));
        var zoneElsewhere = otherZone.Postings.First(i => i.Zone != otherZone.Placing!.Zone && i.Zone != "AFS").Zone;
        var none = await factory.WithDbAsync(db => db.Countries.Where(c => !db.Postings.Any(p => p.CountryId == c.Id)).Select(c => c.Iso2).FirstAsync());
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var filters = new[] { "SN", elsewhere, $"{elsewhere},SN", none }.Select(c => (Filter: "country", Codes: c))
            .Concat(new[] { zoneElsewhere, "MOY" }.Select(z => (Filter: "zone", Codes: z)));
        foreach (var (filter, codes) in filters)
            foreach (var status in CooperantStatus.Filters)
            {
                var wanted = codes.Split(',');
                var expected = placed.Where(c => c.Placing is { } p && wanted.Contains(filter == "zone" ? p.Zone : p.Iso2)
                        && (status == CooperantStatus.All || CooperantStatus.Of(p.StartDate, p.ActualEndDate, today) == status))
                    .Select(c => c.Id).Order().ToList();
                var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?{filter}={codes}&status={status}&pageSize=200");
                var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToList();
                page.GetProperty("total").GetInt32().ShouldBe(expected.Count, $"{filter} {codes} {status}");
                ids.ShouldBe(expected, $"{filter} {codes} {status}");
                if (filter == "country" && codes == elsewhere) ids.ShouldNotContain(once.Id);
                if (filter == "zone" && codes == zoneElsewhere) ids.ShouldNotContain(otherZone.Id);
            }
    }

    [Fact]
    public async Task Administration_zone_name_and_sort_filters_apply()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var justice = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?administration=jus&pageSize=200");
        justice.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("administration").GetString() == "JUS");
        justice.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);

        var levant = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?zone=MOY&pageSize=200");
        var countries = levant.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("country").GetString()).Distinct().ToList();
        countries.ShouldContain("LB");
        countries.ShouldNotContain("SN");

        var first = (await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?country=LB&pageSize=1")).GetProperty("items")[0];
        var lastName = first.GetProperty("lastName").GetString()!;
        // Lower case and without accents finds the name all the same.
        var query = Uri.EscapeDataString(RemoveAccents(lastName).ToLowerInvariant());
        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?q={query}&pageSize=200");
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldContain(first.GetProperty("id").GetInt32());

        var byStart = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?sort=-start&pageSize=50");
        var starts = byStart.GetProperty("items").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("startDate").GetString()!)).ToList();
        starts.ShouldBe(starts.OrderByDescending(d => d).ToList());
    }

    [Fact]
    public async Task Unknown_filter_codes_are_named()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director, language: "en");
        var response = await api.GetAsync("/api/v1/cooperants?country=ZZ");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        problem.GetProperty("errors").GetProperty("country")[0].GetString()!.ShouldContain("ZZ");

        (await api.GetAsync("/api/v1/cooperants?sort=salary")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_routes_are_described_in_the_OpenAPI_document()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        document.ShouldContain("\"/api/v1/cooperants\"");
        document.ShouldContain("\"/api/v1/cooperants/{id}\"");
    }

    [Fact]
    public async Task Created_coopérant_gets_201_and_is_then_visible()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var response = await api.PostAsJsonAsync("/api/v1/cooperants", new
        {
            firstName = "Hélène", lastName = "Créateur-Test", administration = "INT", rank = "Commissaire de police",
            specialtyDomain = "PUBLIC_ORDER", languages = "français, anglais", email = "helene.createur@interieur.gouv.fr", phone = "+33 6 11 22 33 44",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/api/v1/cooperants/");

        var details = await api.GetFromJsonAsync<JsonElement>(location);
        details.GetProperty("lastName").GetString().ShouldBe("Créateur-Test");
        details.GetProperty("administration").GetString().ShouldBe("INT");
        details.GetProperty("specialtyDomain").GetString().ShouldBe("PUBLIC_ORDER");
        details.GetProperty("status").GetString().ShouldBe("awaiting");
        details.GetProperty("postings").GetArrayLength().ShouldBe(0);

        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?q=createur&status=awaiting");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lastName").GetString()).ShouldContain("Créateur-Test");
    }

    [Fact]
    public async Task Missing_last_name_is_refused_naming_the_field_in_French_by_default_and_in_English_when_asked()
    {
        var body = new { firstName = "Paul", lastName = "", administration = "ARM", rank = "Colonel" };
        var french = await (await factory.ApiClientAsync(DemoAccounts.Admin)).PostAsJsonAsync("/api/v1/cooperants", body);
        french.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(french)).GetProperty("errors").GetProperty("lastName")[0].GetString().ShouldBe("Le champ « Nom » est obligatoire.");

        var english = await (await factory.ApiClientAsync(DemoAccounts.Admin, language: "en")).PostAsJsonAsync("/api/v1/cooperants", body);
        english.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(english)).GetProperty("errors").GetProperty("lastName")[0].GetString().ShouldBe("The field \"Last name\" is required.");
    }

    [Fact]
    public async Task Administration_must_second_coopérants_and_email_must_be_an_address()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");
        var customs = await api.PostAsJsonAsync("/api/v1/cooperants",
            new { firstName = "Paul", lastName = "Douanier", administration = "DOU", rank = "Inspecteur", email = "paul-at-example" });
        customs.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(customs)).GetProperty("errors");
        errors.GetProperty("administration")[0].GetString()!.ShouldContain("does not second");
        errors.GetProperty("email")[0].GetString()!.ShouldContain("paul-at-example");

        var unknown = await api.PostAsJsonAsync("/api/v1/cooperants",
            new { firstName = "Paul", lastName = "Inconnu", administration = "XYZ", rank = "Colonel", specialtyDomain = "ASTROLOGY" });
        errors = (await JsonAsync(unknown)).GetProperty("errors");
        errors.GetProperty("administration")[0].GetString()!.ShouldContain("XYZ");
        errors.GetProperty("specialtyDomain")[0].GetString()!.ShouldContain("ASTROLOGY");
        (await factory.WithDbAsync(db => db.Cooperants.CountAsync(c => c.LastName == "Douanier" || c.LastName == "Inconnu"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_changes_nothing()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await api.PostAsJsonAsync("/api/v1/cooperants",
            new { firstName = "Marc", lastName = "Concurrent", administration = "ARM", rank = "Commandant" });
        var original = await JsonAsync(created);
        var id = original.GetProperty("id").GetInt32();

        var first = await api.PutAsJsonAsync($"/api/v1/cooperants/{id}", Body(original, rank: "Lieutenant-colonel"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(first)).GetProperty("version").GetInt64().ShouldBe(original.GetProperty("version").GetInt64() + 1);

        var stale = await api.PutAsJsonAsync($"/api/v1/cooperants/{id}", Body(original, rank: "Colonel"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}")).GetProperty("rank").GetString().ShouldBe("Lieutenant-colonel");
    }

    [Fact]
    public async Task A_put_without_version_names_the_field()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var id = (await PostedInAsync("CI"))[0];
        var c = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}");
        var response = await api.PutAsJsonAsync($"/api/v1/cooperants/{id}", new
        {
            firstName = c.GetProperty("firstName").GetString(), lastName = c.GetProperty("lastName").GetString(),
            administration = c.GetProperty("administration").GetString(), rank = c.GetProperty("rank").GetString(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_coopérant_in_Senegal_sees_only_Senegal()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?status=all&pageSize=200");
        page.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("country").GetString() == "SN");
        var active = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants");
        active.GetProperty("total").GetInt32().ShouldBe(await ActiveCountAsync("SN"));
        active.GetProperty("items")[0].GetProperty("redacted").GetBoolean().ShouldBeFalse();

        var mali = (await PostedInAsync("ML"))[0];
        (await api.GetAsync($"/api/v1/cooperants/{mali}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var maliCooperant = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{mali}");
        (await api.PutAsJsonAsync($"/api/v1/cooperants/{mali}", Body(maliCooperant, phone: "+223 70 00 00 00")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var own = await OwnCooperantIdAsync();
        var colleague = (await PostedInAsync("SN")).First(id => id != own);
        var colleagueProfile = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{colleague}");
        colleagueProfile.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await api.PutAsJsonAsync($"/api/v1/cooperants/{colleague}", Body(colleagueProfile, phone: "+221 70 00 00 00")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsJsonAsync("/api/v1/cooperants", new { firstName = "A", lastName = "B", administration = "ARM", rank = "Colonel" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_auditor_sees_redacted_names_and_cannot_create()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?pageSize=20");
        page.GetProperty("total").GetInt32().ShouldBe(312);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(i =>
            i.GetProperty("lastName").GetString() == "•••" && i.GetProperty("firstName").GetString() == "•••" && i.GetProperty("redacted").GetBoolean());
        // Positions are not personal: they stay visible.
        page.GetProperty("items")[0].GetProperty("positionTitle").GetString().ShouldNotBeNullOrEmpty();

        var id = page.GetProperty("items")[0].GetProperty("id").GetInt32();
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}");
        details.GetProperty("email").GetString().ShouldBe("•••");
        details.GetProperty("phone").GetString().ShouldBe("•••");

        // Searching a name would reveal it: the auditor's searches find nobody.
        var realName = await factory.WithDbAsync(db => db.Cooperants.Where(c => c.Id == id).Select(c => c.LastName).SingleAsync());
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?q={Uri.EscapeDataString(realName)}&status=all"))
            .GetProperty("total").GetInt32().ShouldBe(0);

        var response = await api.PostAsJsonAsync("/api/v1/cooperants", new { firstName = "A", lastName = "B", administration = "ARM", rank = "Colonel" });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_Africa_desk_officer_edits_in_Senegal_but_not_in_Lebanon()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lebanon = (await PostedInAsync("LB"))[0];
        var lebanonProfile = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{lebanon}");
        lebanonProfile.GetProperty("redacted").GetBoolean().ShouldBeTrue();
        lebanonProfile.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var lebanonReal = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{lebanon}");
        (await api.PutAsJsonAsync($"/api/v1/cooperants/{lebanon}", Body(lebanonReal, phone: "+961 1 00 00 00")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var own = await OwnCooperantIdAsync();
        var senegal = (await PostedInAsync("SN")).Where(id => id != own).Skip(1).First();
        var profile = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{senegal}");
        profile.GetProperty("redacted").GetBoolean().ShouldBeFalse();
        var response = await api.PutAsJsonAsync($"/api/v1/cooperants/{senegal}", Body(profile, rank: "Colonel"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("rank").GetString().ShouldBe("Colonel");
    }

    [Fact]
    public async Task The_coopérant_edits_his_own_phone_but_not_his_rank()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var own = await OwnCooperantIdAsync();
        var profile = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{own}");
        profile.GetProperty("canEdit").GetBoolean().ShouldBeTrue();

        var response = await api.PutAsJsonAsync($"/api/v1/cooperants/{own}", Body(profile, phone: "+221 77 123 45 67"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await JsonAsync(response);
        saved.GetProperty("phone").GetString().ShouldBe("+221 77 123 45 67");

        var rank = await api.PutAsJsonAsync($"/api/v1/cooperants/{own}", Body(saved, rank: "Général"));
        rank.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{own}")).GetProperty("rank").GetString()
            .ShouldBe(profile.GetProperty("rank").GetString());
    }

    [Fact]
    public async Task A_put_leaves_an_audit_entry_with_before_and_after()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var id = (await PostedInAsync("CM"))[0];
        var profile = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}");
        var before = profile.GetProperty("phone").GetString()!;
        (await api.PutAsJsonAsync($"/api/v1/cooperants/{id}", Body(profile, phone: "+237 6 99 88 77 66"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Cooperant" && a.EntityKey == id.ToString() && a.Action == "Updated").SingleAsync());
        entry.UserName.ShouldBe(DemoAccounts.Admin);
        var was = JsonDocument.Parse(entry.Before.ShouldNotBeNull()).RootElement;
        var now = JsonDocument.Parse(entry.After.ShouldNotBeNull()).RootElement;
        was.GetProperty("Phone").GetString().ShouldBe(before);
        now.GetProperty("Phone").GetString().ShouldBe("+237 6 99 88 77 66");
        // Only what changed is recorded.
        was.TryGetProperty("Rank", out _).ShouldBeFalse();
    }

    private static string RemoveAccents(string s) => new(s.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    [Fact]
    public async Task A_phone_number_needs_its_country_code_and_is_stored_in_international_format()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");
        var id = (await PostedInAsync("SN"))[0];
        var profile = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}");

        var refused = await admin.PutAsJsonAsync($"/api/v1/cooperants/{id}", Body(profile, phone: "77 123 45 67"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["phone"].ShouldBe(
            ["\"77 123 45 67\" is not a valid telephone number: write it in international format, with the country code (for example +221 77 123 45 67)."]);

        var saved = await admin.PutAsJsonAsync($"/api/v1/cooperants/{id}", Body(profile, phone: "00221 (77) 123-45-67"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}")).GetProperty("phone").GetString().ShouldBe("+221 77 123 45 67");
    }

    [Trait("Category", "Unit")]
    [Fact]
    public void The_phone_rule_parses_with_libphonenumber()
    {
        PhoneNumber.International("+221771234567").ShouldBe("+221 77 123 45 67");
        PhoneNumber.International("+33 6 12 34 56 78").ShouldBe("+33 6 12 34 56 78");
        PhoneNumber.International("77 123 45 67").ShouldBeNull();
        PhoneNumber.International("+221 12").ShouldBeNull();
        PhoneNumber.International("+221 abc").ShouldBeNull();
    }
}
