namespace Cooperation.Tests.Reporting;

public class FiguresTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Figures_at_scale_1_are_those_of_the_directorate()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var figures = await api.GetFromJsonAsync<JsonElement>("/api/v1/figures");
        figures.GetProperty("activeCooperants").GetInt32().ShouldBe(312);
        figures.GetProperty("administrations").GetInt32().ShouldBe(4);
        figures.GetProperty("postingDestinations").GetInt32().ShouldBe(52);
        figures.GetProperty("regionalSchools").GetInt32().ShouldBe(20);
        figures.GetProperty("regionalSchoolCountries").GetInt32().ShouldBe(13);
    }

    [Fact]
    public async Task Figures_need_a_token()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/figures");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Dashboard_shows_the_figures_to_a_signed_in_user_and_sends_others_to_the_login_page()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/Account/Login");

        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await page.GetStringAsync("/");
        html.ShouldContain("data-testid=\"fig-cooperants\">312<");
    }

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
