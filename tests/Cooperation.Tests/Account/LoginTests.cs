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
}
