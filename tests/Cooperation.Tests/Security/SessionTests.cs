using Cooperation.Tests.Network;

namespace Cooperation.Tests.Security;

/// <summary>
/// Locking an account, changing its role or scope, replacing its password, or logging out ends every session of the
/// account within a minute: the page cookie and the API token it already had stop working. The clock is moved rather
/// than waited for.
/// </summary>
public class SessionTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>An account of its own for each test (the demo accounts serve the others), created by the administrator.</summary>
    private async Task<string> CreateAccountAsync(string email, string role, params string[] zones)
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = "Compte " + email, role, zoneCodes = zones, password = CooperationFactory.Password });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await JsonAsync(created)).GetProperty("id").GetString()!;
    }

    private async Task<(Visitor Cookie, ApiTokens Token, HttpClient Api)> SignInBothWaysAsync(string email)
    {
        var api = factory.CreateClient();
        return (await Visitor.Of(factory).SignInAsync(email), await ApiTokens.SignInAsync(api, email), api);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient api, ApiTokens tokens, string path) =>
        (await api.SendAsync(tokens.Request(HttpMethod.Get, path))).StatusCode;

    /// <summary>The session is over: the page sends to the login form, the API answers 401.</summary>
    private static async Task ShouldBeEndedAsync(Visitor cookie, HttpClient api, ApiTokens token)
    {
        var page = await cookie.GetAsync("/Network/Cooperants");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
        (await StatusAsync(api, token, "/api/v1/figures")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_cookie_and_its_token()
    {
        const string email = "a.verrouiller@test.local";
        var id = await CreateAccountAsync(email, "DeskOfficer", "AFS");
        var (cookie, token, api) = await SignInBothWaysAsync(email);
        (await cookie.PageStatusAsync("/Network/Cooperants")).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(api, token, "/api/v1/figures")).ShouldBe(HttpStatusCode.OK);

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit?handler=Lock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Clock.Advance(OneMinute);

        await ShouldBeEndedAsync(cookie, api, token);
        // The refused cookie is deleted, and the refresh token is refused too.
        cookie.HasSessionCookie.ShouldBeFalse();
        (await api.PostAsJsonAsync("/api/v1/auth/refresh", new { token.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_desk_officer_turned_auditor_can_no_longer_read_names_nor_write_with_her_old_token()
    {
        const string email = "cm.devenue.auditrice@test.local";
        var id = await CreateAccountAsync(email, "DeskOfficer", "AFS");
        var (cooperantId, _) = await factory.ActivePostingAsync("SN");
        var (cookie, token, api) = await SignInBothWaysAsync(email);
        var read = await api.SendAsync(token.Request(HttpMethod.Get, $"/api/v1/cooperants/{cooperantId}"));
        var lastName = (await JsonAsync(read)).GetProperty("lastName").GetString();
        lastName.ShouldNotBeNullOrEmpty();
        var zone = (await (await api.SendAsync(token.Request(HttpMethod.Get, "/api/v1/zones"))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Single(z => z.GetProperty("code").GetString() == "AFS");

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit", ("DisplayName", "Auditrice"), ("Role", "Auditor")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Clock.Advance(OneMinute);

        var stale = await api.SendAsync(token.Request(HttpMethod.Get, $"/api/v1/cooperants/{cooperantId}"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await stale.Content.ReadAsStringAsync()).ShouldNotContain(lastName!);
        var write = await api.SendAsync(token.Request(HttpMethod.Put, "/api/v1/zones/AFS/priority",
            new { priority = "Medium", version = zone.GetProperty("version").GetInt64() }));
        write.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.WithDbAsync(db => db.Zones.Where(z => z.Code == "AFS").Select(z => z.Version).SingleAsync()))
            .ShouldBe(zone.GetProperty("version").GetInt64());
        await ShouldBeEndedAsync(cookie, api, token);

        // Signed in again, at once, she is an auditor: the name is redacted.
        var auditor = await ApiTokens.SignInAsync(api, email);
        var redacted = await api.SendAsync(auditor.Request(HttpMethod.Get, $"/api/v1/cooperants/{cooperantId}"));
        redacted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await redacted.Content.ReadAsStringAsync()).ShouldNotContain(lastName!);
    }

    [Fact]
    public async Task Changing_the_zones_of_a_desk_officer_ends_the_sessions_that_carry_the_old_ones()
    {
        const string email = "cm.change.de.zone@test.local";
        var id = await CreateAccountAsync(email, "DeskOfficer", "AFS");
        var (cookie, token, api) = await SignInBothWaysAsync(email);

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit", ("DisplayName", "Balkans"), ("Role", "DeskOfficer"), ("Zones", "BAL")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Clock.Advance(OneMinute);

        await ShouldBeEndedAsync(cookie, api, token);
    }

    [Fact]
    public async Task A_display_name_change_leaves_the_sessions_alone()
    {
        const string email = "cm.renommee@test.local";
        var id = await CreateAccountAsync(email, "DeskOfficer", "AFS");
        var (cookie, token, api) = await SignInBothWaysAsync(email);

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit", ("DisplayName", "Nouveau nom"), ("Role", "DeskOfficer"), ("Zones", "AFS")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Clock.Advance(OneMinute);

        (await cookie.PageStatusAsync("/Network/Cooperants")).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(api, token, "/api/v1/figures")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logging_out_of_a_page_ends_a_copy_of_the_cookie_and_the_account_s_tokens()
    {
        const string email = "se.deconnecte@test.local";
        await CreateAccountAsync(email, "Auditor");
        var (cookie, token, api) = await SignInBothWaysAsync(email);
        var copied = cookie.Copy();

        var logout = await cookie.PostFormAsync("/Account/Logout", "/");
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        logout.Headers.Location!.ToString().ShouldBe("/Account/Login");
        cookie.HasSessionCookie.ShouldBeFalse();
        factory.Clock.Advance(OneMinute);

        await ShouldBeEndedAsync(copied, api, token);
    }

    [Fact]
    public async Task Logging_out_through_the_api_ends_the_token_its_refresh_token_and_the_cookie()
    {
        const string email = "api.deconnexion@test.local";
        await CreateAccountAsync(email, "Auditor");
        var (cookie, token, api) = await SignInBothWaysAsync(email);

        (await api.SendAsync(token.Request(HttpMethod.Post, "/api/v1/auth/logout"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        factory.Clock.Advance(OneMinute);

        await ShouldBeEndedAsync(cookie, api, token);
        (await api.PostAsJsonAsync("/api/v1/auth/refresh", new { token.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_and_only_the_new_password_signs_in()
    {
        const string email = "mot.de.passe.oublie@test.local";
        const string newPassword = "Nouveau-Secret-2026!";
        var id = await CreateAccountAsync(email, "Auditor");
        var (cookie, token, api) = await SignInBothWaysAsync(email);

        var admin = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");
        var weak = await admin.PutAsJsonAsync($"/api/v1/users/{id}/password", new { password = "court" });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.ErrorsAsync())["password"].ShouldContain("The password must have at least 10 characters.");
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}/password", new { password = newPassword })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        factory.Clock.Advance(OneMinute);

        await ShouldBeEndedAsync(cookie, api, token);
        (await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = CooperationFactory.Password })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        var fresh = await ApiTokens.SignInAsync(api, email, newPassword);
        (await StatusAsync(api, fresh, "/api/v1/figures")).ShouldBe(HttpStatusCode.OK);
        // The trail says the password was replaced, and by whom; never the password nor its hash.
        var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityKey == id && e.After!.Contains("Password")).SingleAsync());
        entry.UserName.ShouldBe(DemoAccounts.Admin);
        entry.After!.ShouldNotContain(newPassword);
    }

    [Fact]
    public async Task The_password_form_of_an_account_replaces_it_and_names_what_it_refuses()
    {
        const string email = "formulaire.mot.de.passe@test.local";
        var id = await CreateAccountAsync(email, "Auditor");
        var cookie = await Visitor.Of(factory).SignInAsync(email);
        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var edit = $"/Admin/Users/{id}/Edit";

        var refused = await PostFieldsAsync(admin, edit + "?handler=Password", ("Password", "Sans-chiffre"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(refused)).ShouldContain("data-testid=\"error-Password\">Le mot de passe doit contenir un chiffre.");
        var replaced = await PostFieldsAsync(admin, edit + "?handler=Password", ("Password", "Autre-Secret-2026!"));
        replaced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlAsync(admin, edit)).ShouldContain("Le mot de passe est remplacé : les sessions en cours de ce compte prennent fin.");
        factory.Clock.Advance(OneMinute);

        (await cookie.PageStatusAsync("/Network/Cooperants")).ShouldBe(HttpStatusCode.Redirect);
        await Visitor.Of(factory).SignInAsync(email, "Autre-Secret-2026!");
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_until_the_sessions_end()
    {
        const string email = "rafraichit.son.jeton@test.local";
        var id = await CreateAccountAsync(email, "Auditor");
        var api = factory.CreateClient();
        var first = await ApiTokens.SignInAsync(api, email);

        var refreshed = await api.PostAsJsonAsync("/api/v1/auth/refresh", new { first.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonAsync(refreshed);
        body.GetProperty("expiresIn").GetInt32().ShouldBe(3600);
        var second = new ApiTokens(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
        (await StatusAsync(api, second, "/api/v1/figures")).ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Neither an altered access token nor the refresh token opens the API.
        var altered = second.AccessToken[..^4] + (second.AccessToken[^4..] == "AAAA" ? "BBBB" : "AAAA");
        (await StatusAsync(api, second with { AccessToken = altered }, "/api/v1/figures")).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusAsync(api, second with { AccessToken = second.RefreshToken }, "/api/v1/figures")).ShouldBe(HttpStatusCode.Unauthorized);

        // An access token lives an hour; the refresh token goes on.
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        (await StatusAsync(api, second, "/api/v1/figures")).ShouldBe(HttpStatusCode.Unauthorized);
        var later = await api.PostAsJsonAsync("/api/v1/auth/refresh", new { second.RefreshToken });
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        var third = new ApiTokens((await JsonAsync(later)).GetProperty("accessToken").GetString()!, "");

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit?handler=Lock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Clock.Advance(OneMinute);
        (await StatusAsync(api, third, "/api/v1/figures")).ShouldBe(HttpStatusCode.Unauthorized);
        (await api.PostAsJsonAsync("/api/v1/auth/refresh", new { second.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_signed_in_just_after_a_change_works_at_once()
    {
        const string email = "reconnectee@test.local";
        var id = await CreateAccountAsync(email, "DeskOfficer", "AFS");
        var (cookie, token, api) = await SignInBothWaysAsync(email);
        (await StatusAsync(api, token, "/api/v1/figures")).ShouldBe(HttpStatusCode.OK); // the stamp is now known to this instance

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        (await PostFieldsAsync(admin, $"/Admin/Users/{id}/Edit", ("DisplayName", "Directrice"), ("Role", "Director")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // No minute passes: the new sessions carry the new stamp and are not mistaken for the old ones.
        var (newCookie, newToken, _) = await SignInBothWaysAsync(email);
        (await StatusAsync(api, newToken, "/api/v1/figures")).ShouldBe(HttpStatusCode.OK);
        (await newCookie.PageStatusAsync("/Network/Cooperants")).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(api, token, "/api/v1/figures")).ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.PageStatusAsync("/Network/Cooperants")).ShouldBe(HttpStatusCode.Redirect);
    }
}
