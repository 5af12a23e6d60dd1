using System.Text.RegularExpressions;

namespace Cooperation.Tests.Account;

public partial class LoginTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Wrong_password_gets_a_clear_message_in_the_user_language()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Admin, password = "wrong" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Incorrect email address or password.");
    }

    [Fact]
    public async Task Missing_fields_are_named_in_the_user_language()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = " ", password = "" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("Invalid data");
        FirstError(problem, "email").ShouldBe("The field \"Email address\" is required.");
        FirstError(problem, "password").ShouldBe("The field \"Password\" is required.");
    }

    /// <summary>An account of its own, locked by the administrator when asked (the other demo accounts serve other tests).</summary>
    internal static async Task<string> AccountAsync(CooperationFactory factory, string email, bool locked)
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = email, role = "Auditor", password = CooperationFactory.Password });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        if (locked)
        {
            var id = (await JsonAsync(created)).GetProperty("id").GetString();
            var page = await factory.PageClientAsync(DemoAccounts.Admin);
            (await PostFieldsAsync(page, $"/Admin/Users/{id}/Edit?handler=Lock")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        return email;
    }

    /// <summary>Status, content type and body of an API login, but the trace id that differs for every request.</summary>
    private static async Task<string> ApiAnswerAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        var body = (await JsonAsync(response)).EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {string.Join("; ", body)}";
    }

    /// <summary>Status and the message of the login page after a refused attempt.</summary>
    private async Task<string> PageAnswerAsync(string email, string password)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await PostFieldsAsync(client, "/Account/Login", ("Email", email), ("Password", password));
        var html = await HtmlAsync(response);
        return $"{(int)response.StatusCode} {LoginError().Match(html).Groups[1].Value}";
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();

    [Fact]
    public async Task Unknown_address_wrong_password_and_locked_account_get_the_same_answer()
    {
        var wrong = await AccountAsync(factory, "mauvais.mot.de.passe@test.local", locked: false);
        var locked = await AccountAsync(factory, "compte.verrouille@test.local", locked: true);
        var client = factory.CreateClient();

        var unknown = await ApiAnswerAsync(client, "personne@nulle-part.example", "Quelconque-123!");
        unknown.ShouldStartWith("401 application/problem+json");
        unknown.ShouldContain("Adresse électronique ou mot de passe incorrect.");
        (await ApiAnswerAsync(client, wrong, "Quelconque-123!")).ShouldBe(unknown);
        (await ApiAnswerAsync(client, locked, "Quelconque-123!")).ShouldBe(unknown);
        // Even the right password of a locked account tells nothing more.
        (await ApiAnswerAsync(client, locked, CooperationFactory.Password)).ShouldBe(unknown);

        var page = await PageAnswerAsync("personne@nulle-part.example", "Quelconque-123!");
        page.ShouldStartWith("200 Adresse électronique ou mot de passe incorrect.");
        (await PageAnswerAsync(wrong, "Quelconque-123!")).ShouldBe(page);
        (await PageAnswerAsync(locked, CooperationFactory.Password)).ShouldBe(page);
    }
}
