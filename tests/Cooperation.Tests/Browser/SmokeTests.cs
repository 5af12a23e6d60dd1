using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class SmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Desk_officer_signs_in_reads_the_dashboard_switches_to_English_and_signs_out()
    {
        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, DemoAccounts.DeskAfrica);

        (await page.GetByTestId("fig-cooperants").TextContentAsync()).ShouldBe("312");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Tableau de bord");

        await page.GetByTestId("lang-en").ClickAsync();
        await page.GetByTestId("lang-fr").WaitForAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dashboard");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        await page.ReloadAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dashboard");
        (await page.GetByTestId("fig-cooperants").TextContentAsync()).ShouldBe("312");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Locator("#email").WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(0);
    }
}
