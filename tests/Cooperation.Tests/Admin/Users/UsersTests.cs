using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Cooperation.Tests.Admin.Users;

public class UsersTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{

    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string email, string role, params (string, string)[] scope) =>
        PostFieldsAsync(admin, "/Admin/Users/Create",
            [("Email", email), ("DisplayName", "Compte de test " + email), ("Role", role), ("Password", CooperationFactory.Password), .. scope]);

    private Task<string?> UserIdAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync());

    [Fact]
    public async Task Administrator_creates_a_desk_officer_who_signs_in_with_the_rights_of_her_role()
    {
        const string email = "nouvelle.cm@demo.local";
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var response = await CreateAsync(admin, email, "DeskOfficer", ("Zones", "AFN"), ("Zones", "MOY"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await UserIdAsync(email);
        id.ShouldNotBeNull();
        response.Headers.Location!.ToString().ShouldBe($"/Admin/Users/{id}/Edit");
        (await HtmlAsync(admin, response.Headers.Location!.ToString())).ShouldContain("Le compte nouvelle.cm@demo.local a été créé.");

        // The trail shows who created the account.
        var trail = await admin.GetStringAsync($"/Admin/Audit?entityType=AppUser&entityKey={id}");
        var rows = Regex.Matches(trail, "<tr data-testid=\"audit-row\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        rows.ShouldContain(r => r.Contains("<td>admin@demo.local</td>") && r.Contains("data-action=\"Created\"") && r.Contains("data-entity-type=\"AppUser\">Compte utilisateur</td>"));
        rows.ShouldContain(r => r.Contains("data-action=\"Access\""));
        var access = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityKey == id && e.Action == "Access"));
        access.After.ShouldBe("""{"Role":"DeskOfficer","Zones":["AFN","MOY"]}""");
        access.UserName.ShouldBe(DemoAccounts.Admin);

        // She signs in through the API and has a desk officer's rights: figures yes, administration no.
        var api = await factory.ApiClientAsync(email);
        (await api.GetAsync("/api/v1/figures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var adminApi = await factory.ApiClientAsync(DemoAccounts.Admin);
        var listed = await adminApi.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        listed.GetProperty("role").GetString().ShouldBe("DeskOfficer");
        listed.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("code").GetString()).ShouldBe(["AFN", "MOY"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_coopérant_account_sees_its_country_only()
    {
        const string email = "nouveau.coop.ml@demo.local";
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var mali = await factory.WithDbAsync(db => db.Countries.Where(c => c.Iso2 == "ML").Select(c => c.Id).SingleAsync());
        var record = await factory.WithDbAsync(db => db.Postings.Where(p => p.CountryId == mali).Select(p => p.CooperantId).FirstAsync());
        var response = await CreateAsync(admin, email, "Cooperant", ("Country", "ML"), ("CooperantId", record.ToString()), ("Zones", "AFS"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await factory.WithDbAsync(db => db.Users.Include(u => u.Zones).SingleAsync(u => u.Email == email));
        user.ScopeCountryId.ShouldBe(mali);
        user.CooperantId.ShouldBe(record);
        user.Zones.ShouldBeEmpty(); // a coopérant has no zone, whatever was ticked

        var page = await factory.PageClientAsync(email);
        var map = await page.GetStringAsync("/Reporting/Map");
        Regex.Matches(map, "href=\"/Partners/Countries/([A-Z]{2})\"").Select(m => m.Groups[1].Value).Distinct().ShouldBe(["ML"]);
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_French_and_nothing_is_created()
    {
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        var trailBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var response = await PostFieldsAsync(admin, "/Admin/Users/Create",
            ("Email", "pas-une-adresse"), ("DisplayName", "Quelqu'un"), ("Role", "DeskOfficer"), ("Password", "court"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain("Le formulaire contient des erreurs : corrigez les champs signalés.");
        html.ShouldContain("data-testid=\"error-Email\">L'adresse électronique « pas-une-adresse » n'est pas valide");
        html.ShouldContain("Le mot de passe doit compter au moins 10 caractères.");
        html.ShouldContain("Le mot de passe doit contenir un chiffre.");
        html.ShouldContain("data-testid=\"error-Zones\">Un chargé de mission doit avoir au moins une zone.");
        html.ShouldContain("value=\"pas-une-adresse\""); // what was typed stays in the form
        (await factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(trailBefore);

        var taken = await PostFieldsAsync(admin, "/Admin/Users/Create",
            ("Email", DemoAccounts.Director), ("DisplayName", "Doublon"), ("Role", "Cooperant"), ("Password", CooperationFactory.Password));
        var takenHtml = await HtmlAsync(taken);
        takenHtml.ShouldContain("Un compte utilise déjà cette adresse électronique.");
        takenHtml.ShouldContain("Un coopérant doit avoir un pays.");
        (await factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Administrator_changes_a_role_and_locks_then_unlocks_an_account()
    {
        const string email = "a.changer@demo.local";
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await CreateAsync(admin, email, "DeskOfficer", ("Zones", "BAL"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = (await UserIdAsync(email))!;
        var edit = $"/Admin/Users/{id}/Edit";

        var changed = await PostFieldsAsync(admin, edit, ("DisplayName", "Auditeur bis"), ("Role", "Auditor"),
            ("ConcurrencyStamp", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp!).SingleAsync())));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var access = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityKey == id && e.Action == "Access").OrderBy(e => e.Id).ToListAsync());
        access.Count.ShouldBe(2);
        access[1].Before.ShouldBe("""{"Role":"DeskOfficer","Zones":["BAL"]}""");
        access[1].After.ShouldBe("""{"Role":"Auditor","Zones":[]}""");
        (await factory.WithDbAsync(db => db.UserZones.CountAsync(z => z.UserId == id))).ShouldBe(0);

        // A form shown before that change is refused rather than overwriting it.
        var stale = await PostFieldsAsync(admin, edit, ("DisplayName", "Perdu"), ("Role", "Director"), ("ConcurrencyStamp", "stale-stamp"));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var conflict = await HtmlAsync(stale);
        conflict.ShouldContain("data-testid=\"conflict\"");
        conflict.ShouldContain("modifié par quelqu'un d'autre");

        (await PostFieldsAsync(admin, edit + "?handler=Lock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync(edit)).ShouldContain("data-testid=\"locked\"");
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = CooperationFactory.Password });
        login.IsSuccessStatusCode.ShouldBeFalse();
        (await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityKey == id && e.Action == "Updated" && e.After!.Contains("LockoutEnd"))))
            .ShouldBeTrue();

        (await PostFieldsAsync(admin, edit + "?handler=Unlock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var api = await factory.ApiClientAsync(email);
        (await api.GetAsync("/api/v1/figures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Administrator_cannot_lock_herself_out()
    {
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var id = (await UserIdAsync(DemoAccounts.Admin))!;
        var response = await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit?handler=Lock");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await HtmlAsync(response);
        refused.ShouldContain("Vous ne pouvez pas verrouiller votre propre compte.");
        // The lock button posts no field: the form below shows the account as it is.
        var name = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync());
        refused.ShouldContain($"id=\"DisplayName\" name=\"DisplayName\" value=\"{name}\"");
        var demote = await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit", ("DisplayName", "Moi"), ("Role", "Director"));
        (await HtmlAsync(demote)).ShouldContain("Vous ne pouvez pas vous retirer le rôle d'administrateur.");
    }

    [Fact]
    public async Task Users_list_shows_roles_and_scopes_to_the_administrator_only()
    {
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(admin, "/Admin/Users?role=DeskOfficer");
        html.ShouldContain("desk.africa@demo.local");
        html.ShouldContain("Afrique subsaharienne");
        html.ShouldNotContain("directeur@demo.local");
        (await admin.GetStringAsync("/Admin/Users?q=senegal")).ShouldNotContain("desk.africa@demo.local");
        // A school director's scope is his school, not the whole network.
        var directors = await HtmlAsync(admin, "/Admin/Users?role=SchoolDirector");
        System.Text.RegularExpressions.Regex.IsMatch(directors, @"school\.director@demo\.local</a></td>.*?<td>EMPABB</td>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .ShouldBeTrue();
        directors.ShouldNotContain("tout le réseau");

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await desk.GetAsync("/Admin/Users")).Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await desk.GetAsync("/Admin/Users/Create")).Headers.Location!.ToString().ShouldContain("/Account/Denied");

        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var users = await api.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=100");
        var items = users.GetProperty("items").EnumerateArray().ToList();
        items.ShouldContain(u => u.GetProperty("email").GetString() == DemoAccounts.CooperantSenegal
            && u.GetProperty("role").GetString() == "Cooperant" && u.GetProperty("countryIso2").GetString() == "SN");
        var deskApi = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var refused = await deskApi.GetAsync("/api/v1/users");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Api_creation_names_the_fields_it_refuses()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");
        var response = await api.PostAsJsonAsync("/api/v1/users",
            new { email = "x@", displayName = "X", role = "DeskOfficer", zoneCodes = new[] { "ZZZ" }, password = "abcdefghijk" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        errors.GetProperty("email")[0].GetString().ShouldBe("The email address \"x@\" is not valid (expected: name@domain.org).");
        errors.GetProperty("zones")[0].GetString()!.ShouldContain("ZZZ");
        errors.GetProperty("password").EnumerateArray().Select(e => e.GetString()).ShouldContain("The password must contain a digit.");

        var created = await api.PostAsJsonAsync("/api/v1/users",
            new { email = "api.auditeur@demo.local", displayName = "Auditeur API", role = "Auditor", password = CooperationFactory.Password });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await JsonAsync(created)).GetProperty("role").GetString().ShouldBe("Auditor");
    }

    [Theory]
    [InlineData("en", "Access denied", "Your role or geographic scope does not allow this action.")]
    [InlineData("fr", "Accès refusé", "Votre rôle ou votre périmètre géographique ne vous permet pas cette action.")]
    public async Task A_non_administrator_is_refused_the_users_api_in_her_language(string language, string title, string detail)
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director, language);
        foreach (var refused in new[]
                 {
                     await api.GetAsync("/api/v1/users"),
                     await api.GetAsync($"/api/v1/users/{await UserIdAsync(DemoAccounts.Admin)}"),
                     await api.PostAsJsonAsync("/api/v1/users", new { email = "refuse@demo.local", displayName = "Refusé", role = "Auditor",
                         password = CooperationFactory.Password }),
                 })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await JsonAsync(refused);
            problem.GetProperty("title").GetString().ShouldBe(title);
            problem.GetProperty("detail").GetString().ShouldBe(detail);
        }
        (await UserIdAsync("refuse@demo.local")).ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_account_is_not_found_at_its_address()
    {
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await admin.GetAsync("/Admin/Users/no-such-account/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        var missing = await api.GetAsync("/api/v1/users/no-such-account");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonAsync(missing)).GetProperty("title").GetString().ShouldBe("Not found");
    }

    [Fact]
    public async Task A_record_number_that_is_no_number_is_refused_beside_its_field_and_nothing_is_created()
    {
        const string email = "fiche.illisible@demo.local";
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var response = await CreateAsync(admin, email, "Cooperant", ("Country", "SN"), ("CooperantId", "douze"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain("data-testid=\"error-CooperantId\">Saisissez un nombre entier.");
        html.ShouldContain("value=\"douze\"");
        (await UserIdAsync(email)).ShouldBeNull();
    }
}
