namespace Cooperation.Tests.Security;

/// <summary>A <c>returnUrl</c> leads to a page of this site or to the dashboard, never elsewhere, and never to a server error.</summary>
public class RedirectTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    public static TheoryData<string> Elsewhere =>
    [
        "/\\evil.example", "\\\\evil.example", "//evil.example", "///evil.example", "https://evil.example/", "http:evil.example",
        "//evil.example/%2e%2e", "/\t/evil.example", "javascript:alert(1)", "evil.example", " /Network/Cooperants",
    ];

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task The_language_switch_refuses_a_return_address_elsewhere(string returnUrl)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture?c=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task The_login_refuses_a_return_address_elsewhere(string returnUrl)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await PostFieldsAsync(client, "/Account/Login",
            ("Email", DemoAccounts.Auditor), ("Password", CooperationFactory.Password), ("ReturnUrl", returnUrl));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task A_page_of_this_site_is_where_both_lead_back()
    {
        const string page = "/Network/Cooperants?sort=name&page=2";
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var culture = await client.GetAsync("/culture?c=fr&returnUrl=" + Uri.EscapeDataString(page));
        culture.Headers.Location!.ToString().ShouldBe(page);

        // The login page is reached from a page that needed a session, and leads back to it.
        var refused = await client.GetAsync(page);
        refused.Headers.Location!.ToString().ShouldBe("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(page));
        var login = await PostFieldsAsync(client, "/Account/Login",
            ("Email", DemoAccounts.Auditor), ("Password", CooperationFactory.Password), ("ReturnUrl", page));
        login.Headers.Location!.ToString().ShouldBe(page);
    }
}
