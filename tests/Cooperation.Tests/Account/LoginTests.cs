namespace Cooperation.Tests.Account;

public class LoginTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
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
}
