namespace Cooperation.Tests.Partners.Partnerships;

/// <summary>
/// /api/v1/partnerships: the partnership's rules as an API client meets them, the actions it covers, the renewal list,
/// and who reads and manages which partnerships (foreign records, not only status codes).
/// </summary>
public class PartnershipsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly int Year = Today.Year;

    private static Dictionary<string, object?> OifPartnership(string reference, string[]? countries = null) => new()
    {
        ["organisation"] = "OIF",
        ["agreementTitle"] = "Français en milieu militaire — En Avant !",
        ["agreementReference"] = reference,
        ["signedOn"] = $"{Year - 1}-12-01",
        ["startDate"] = $"{Year - 1}-01-01",
        ["endDate"] = $"{Year + 2}-12-31",
        ["domains"] = new[] { "FRENCH_LANGUAGE" },
        ["countries"] = countries ?? ["SN", "CI"],
        ["contributions"] = new object[]
        {
            new { year = Year, party = "directorate", amount = 120_000m, cooperantsPlaced = 2, trainingPlaces = 60 },
            new { year = Year, party = "organisation", amount = 80_000m, currency = "EUR", trainingPlaces = 20 },
        },
    };

    private static async Task<JsonElement> CreateAsync(HttpClient api, Dictionary<string, object?> body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/partnerships", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    [Fact]
    public async Task A_desk_officer_records_a_partnership_with_its_contributions_attaches_a_french_course_and_its_trainees_count_by_year()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var reference = "ACC-OIF-" + Unique();
        var created = await CreateAsync(api, OifPartnership(reference));
        var id = created.GetProperty("partnership").GetProperty("id").GetInt32();
        created.GetProperty("partnership").GetProperty("organisation").GetString().ShouldBe("OIF");
        // The list's count of actions is counted once for every partnership and kept: it follows each attachment.
        async Task<int> ListedSessionsAsync() => (await JsonAsync(await api.GetAsync($"/api/v1/partnerships?search={reference}")))
            .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id).GetProperty("sessions").GetInt32();
        (await ListedSessionsAsync()).ShouldBe(0);
        created.GetProperty("partnership").GetProperty("status").GetString().ShouldBe("running");
        created.GetProperty("countryCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["CI", "SN"]);
        created.GetProperty("contributions").GetArrayLength().ShouldBe(2);
        created.GetProperty("canManage").GetBoolean().ShouldBeTrue();

        // A French course of the demo that ran last year, with trainees who attended it.
        var session = await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Course!.Domain!.Code == "FRENCH_LANGUAGE" && s.StartDate.Year == Year - 1
                && s.Nominations.Any(n => n.Attended == true)).Select(s => new { s.Id, Trained = s.Nominations.Count(n => n.Status == NominationStatus.Accepted && n.Attended == true) })
            .FirstAsync());
        var attached = await api.PostAsJsonAsync($"/api/v1/partnerships/{id}/actions", new { kind = "session", id = session.Id });
        attached.StatusCode.ShouldBe(HttpStatusCode.OK, await attached.Content.ReadAsStringAsync());
        var page = await JsonAsync(attached);
        page.GetProperty("sessions").EnumerateArray().ShouldContain(s => s.GetProperty("id").GetInt32() == session.Id);
        (await ListedSessionsAsync()).ShouldBe(1);
        var trained = page.GetProperty("trained").EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == Year - 1);
        trained.GetProperty("trainees").GetInt32().ShouldBe(session.Trained);

        // A session long before the agreement is refused, naming the period.
        var old = await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.StartDate.Year == Year - 8).Select(s => s.Id).FirstAsync());
        var refused = await api.PostAsJsonAsync($"/api/v1/partnerships/{id}/actions", new { kind = "session", id = old });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(refused), "id").ShouldContain($"{Year - 1}-01-01");
        var unknownKind = await api.PostAsJsonAsync($"/api/v1/partnerships/{id}/actions", new { kind = "mission", id = 1 });
        (await unknownKind.ErrorsAsync()).ShouldContainKey("kind");

        // Detached, it is no longer among the partnership's actions.
        var detached = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/partnerships/{id}/actions", new { kind = "session", id = session.Id, detach = true }));
        detached.GetProperty("sessions").EnumerateArray().ShouldNotContain(s => s.GetProperty("id").GetInt32() == session.Id);
        (await ListedSessionsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_terms_are_refused_field_by_field_in_the_user_s_language()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        var body = OifPartnership("ACC-OIF-" + Unique());
        body["organisation"] = "NOPE";
        body["endDate"] = null;
        body["countries"] = new[] { "SN", "ZZ" };
        body["contributions"] = new object[] { new { year = Year, party = "somebody", amount = 10m } };
        var errors = await (await api.PostAsJsonAsync("/api/v1/partnerships", body)).ErrorsAsync();
        errors.Keys.ShouldBe(["organisation", "endDate", "countries", "contributions"], ignoreOrder: true);
        errors["countries"][0].ShouldContain("ZZ");

        body = OifPartnership("ACC-OIF-" + Unique());
        body["contributions"] = new object[] { new { year = Year + 5, party = "directorate", amount = 10m } };
        var outside = await api.PostAsJsonAsync("/api/v1/partnerships", body);
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.ErrorsAsync())["contributions"][0].ShouldContain($"{Year + 5}");

        body = OifPartnership("ACC-OIF-" + Unique());
        body["endDate"] = $"{Year - 2}-01-01";
        (await (await api.PostAsJsonAsync("/api/v1/partnerships", body)).ErrorsAsync()).ShouldContainKey("endDate");

        // A desk officer of Africa records nothing she could not manage: a scope outside her zones.
        var foreign = await api.PostAsJsonAsync("/api/v1/partnerships", OifPartnership("ACC-OIF-" + Unique(), ["VN", "KH"]));
        (await foreign.ErrorsAsync())["countries"][0].ShouldContain("zone");

        var reference = "ACC-OIF-" + Unique();
        await CreateAsync(api, OifPartnership(reference));
        (await (await api.PostAsJsonAsync("/api/v1/partnerships", OifPartnership(reference))).ErrorsAsync()).ShouldContainKey("agreementReference");
    }

    [Fact]
    public async Task An_edit_with_a_stale_version_is_a_conflict_and_only_managers_of_its_zones_edit_a_partnership()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await CreateAsync(desk, OifPartnership("ACC-OIF-" + Unique()));
        var id = created.GetProperty("partnership").GetProperty("id").GetInt32();
        var version = created.GetProperty("partnership").GetProperty("version").GetInt64();
        var body = OifPartnership(created.GetProperty("partnership").GetProperty("agreementReference").GetString()!);
        body["agreementTitle"] = "Avenant n° 1";
        body["version"] = version;
        var edited = await desk.PutAsJsonAsync($"/api/v1/partnerships/{id}", body);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await JsonAsync(edited)).GetProperty("partnership").GetProperty("agreementTitle").GetString().ShouldBe("Avenant n° 1");
        (await desk.PutAsJsonAsync($"/api/v1/partnerships/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The director manages every partnership; a partnership of South-East Asia is not the Africa desk's.
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var asia = await CreateAsync(director, OifPartnership("ACC-OIF-" + Unique(), ["VN", "KH"]));
        var asiaId = asia.GetProperty("partnership").GetProperty("id").GetInt32();
        var asiaBody = OifPartnership(asia.GetProperty("partnership").GetProperty("agreementReference").GetString()!, ["VN"]);
        asiaBody["version"] = asia.GetProperty("partnership").GetProperty("version").GetInt64();
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/partnerships/{asiaId}")).GetProperty("canManage").GetBoolean().ShouldBeFalse();
        (await desk.PutAsJsonAsync($"/api/v1/partnerships/{asiaId}", asiaBody)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync($"/api/v1/partnerships/{asiaId}/actions", new { kind = "project", id = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The auditor reads but records nothing; a coopérant reads the partnerships of his country only; a liaison officer none.
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await auditor.GetAsync($"/api/v1/partnerships/{asiaId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.PostAsJsonAsync("/api/v1/partnerships", OifPartnership("ACC-OIF-" + Unique()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await cooperant.GetAsync($"/api/v1/partnerships/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cooperant.GetAsync($"/api/v1/partnerships/{asiaId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await cooperant.GetFromJsonAsync<JsonElement>("/api/v1/partnerships?pageSize=200");
        mine.GetProperty("items").EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetInt32() == asiaId);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.GetAsync("/api/v1/partnerships")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_signed_agreement_is_a_document_by_its_content_attached_by_its_managers_and_read_by_its_readers()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = (await CreateAsync(desk, OifPartnership("ACC-OIF-" + Unique()))).GetProperty("partnership").GetProperty("id").GetInt32();
        (await desk.GetAsync($"/api/v1/partnerships/{id}/agreement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A program renamed as an agreement is refused by its content, and nothing is stored.
        var disguised = await desk.PostAsync($"/api/v1/partnerships/{id}/agreement", TestFiles.Multipart("agreement", TestFiles.Executable(), "accord.pdf"));
        disguised.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(disguised), "agreement").ShouldBe("Le fichier « Accord signé » n'est pas d'un format accepté (PDF, DOCX, ODT) : son contenu a été vérifié, pas seulement son nom.");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestFiles.Executable()));
        (await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Sha256 == digest))).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.Partnerships.Where(p => p.Id == id).Select(p => p.AgreementFileId).SingleAsync())).ShouldBeNull();

        var attached = await desk.PostAsync($"/api/v1/partnerships/{id}/agreement", TestFiles.Multipart("agreement", TestFiles.Odt(), "C:\\accords\\Accord OIF signé.odt"));
        attached.StatusCode.ShouldBe(HttpStatusCode.OK, await attached.Content.ReadAsStringAsync());
        (await JsonAsync(attached)).GetProperty("agreementFile").GetProperty("fileName").GetString().ShouldBe("Accord OIF signé.odt");

        // A coopérant of a country it covers reads it; one of a country it does not cover finds no such partnership.
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var download = await cooperant.GetAsync($"/api/v1/partnerships/{id}/agreement");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.oasis.opendocument.text");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(TestFiles.Odt());
        (await cooperant.PostAsync($"/api/v1/partnerships/{id}/agreement", TestFiles.Multipart("agreement", TestFiles.Pdf(), "a.pdf")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var asia = (await CreateAsync(director, OifPartnership("ACC-OIF-" + Unique(), ["VN", "KH"]))).GetProperty("partnership").GetProperty("id").GetInt32();
        (await director.PostAsync($"/api/v1/partnerships/{asia}/agreement", TestFiles.Multipart("agreement", TestFiles.Pdf(), "a.pdf"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cooperant.GetAsync($"/api/v1/partnerships/{asia}/agreement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // On the page, its managers find the form and everyone the download.
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = await HtmlAsync(page, $"/Partners/Partnerships/{id}");
        html.ShouldContain("Accord OIF signé.odt");
        html.ShouldContain("data-testid=\"agreement-form\"");
        (await page.GetByteArrayAsync($"/Partners/Partnerships/{id}?handler=Agreement")).ShouldBe(TestFiles.Odt());
    }

    [Fact]
    public async Task The_demo_partnerships_cover_ten_years_and_the_agreements_ending_within_six_months_are_listed_for_renewal()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        foreach (var organisation in new[] { "ONU", "OIF", "G5S", "UA", "UE" })
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/partnerships?organisation={organisation}&sort=start");
            var items = list.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("agreementReference").GetString()!.StartsWith("ACC-" + organisation + "-")).ToList();
            items.Count.ShouldBeGreaterThanOrEqualTo(2);
            items[0].GetProperty("startDate").GetString().ShouldBe($"{Year - 10}-01-01");
        }
        var renewal = await api.GetFromJsonAsync<JsonElement>("/api/v1/partnerships?renewal=true");
        var due = renewal.GetProperty("items").EnumerateArray().ToList();
        due.ShouldContain(p => p.GetProperty("organisation").GetString() == "OIF");
        due.ShouldAllBe(p => p.GetProperty("dueForRenewal").GetBoolean());
        foreach (var p in due) DateOnly.Parse(p.GetProperty("endDate").GetString()!).ShouldBeLessThanOrEqualTo(Today.AddMonths(6));

        var peacekeeping = await api.GetFromJsonAsync<JsonElement>("/api/v1/partnerships?organisation=ONU&status=running");
        var unId = peacekeeping.GetProperty("items")[0].GetProperty("id").GetInt32();
        var unPage = await api.GetFromJsonAsync<JsonElement>($"/api/v1/partnerships/{unId}");
        unPage.GetProperty("sessions").GetArrayLength().ShouldBeGreaterThan(0);
        unPage.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("year").GetInt32()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        (await api.GetAsync("/api/v1/partnerships?status=someday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Each listed partnership carries its domains, countries and zones once each, as recorded, and, once the list was
    /// served, those of a partnership written since.
    /// </summary>
    [Fact]
    public async Task The_list_shows_each_partnerships_domains_countries_and_zones_once_as_recorded()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/v1/partnerships?pageSize=200")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetInt32());
        var recorded = await factory.WithDbAsync(db => db.Partnerships.Select(p => new
        {
            p.Id,
            Domains = p.Domains.Select(d => d.NameFr).ToList(),
            Countries = p.Countries.Select(c => c.NameFr).ToList(),
            Zones = p.Zones.Select(z => z.NameFr).ToList(),
        }).AsSplitQuery().ToListAsync());
        listed.Keys.ShouldBe(recorded.Select(p => p.Id), ignoreOrder: true);
        // Partnerships with several domains and several countries: their product would repeat each of them.
        recorded.ShouldContain(p => p.Domains.Count > 1 && p.Countries.Count > 1);
        foreach (var p in recorded)
        {
            var row = listed[p.Id];
            Names(row, "domains").ShouldBe(p.Domains, ignoreOrder: true, customMessage: $"partnership {p.Id}");
            Names(row, "countries").ShouldBe(p.Countries, ignoreOrder: true, customMessage: $"partnership {p.Id}");
            Names(row, "zones").ShouldBe(p.Zones, ignoreOrder: true, customMessage: $"partnership {p.Id}");
        }

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await CreateAsync(desk, OifPartnership("ACC-OIF-" + Unique()));
        var id = created.GetProperty("partnership").GetProperty("id").GetInt32();
        async Task<JsonElement> RowAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>("/api/v1/partnerships?pageSize=200"))
            .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Names(await RowAsync(desk), "countries").ShouldBe(["Côte d'Ivoire", "Sénégal"]);
        var body = OifPartnership(created.GetProperty("partnership").GetProperty("agreementReference").GetString()!, ["ML", "SN", "TD"]);
        body["domains"] = new[] { "FRENCH_LANGUAGE", "PEACEKEEPING" };
        body["version"] = created.GetProperty("partnership").GetProperty("version").GetInt64();
        var edited = await desk.PutAsJsonAsync($"/api/v1/partnerships/{id}", body);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var written = await RowAsync(desk);
        Names(written, "countries").ShouldBe(["Mali", "Sénégal", "Tchad"]);
        Names(written, "domains").Count.ShouldBe(2);
        Names(await RowAsync(await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en")), "countries").ShouldBe(["Chad", "Mali", "Senegal"]);

        static List<string> Names(JsonElement row, string property) => row.GetProperty(property).EnumerateArray().Select(n => n.GetString()!).ToList();
    }
}
