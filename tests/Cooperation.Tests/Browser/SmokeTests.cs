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

        // Her home page: what to do in her zone, not the world's figures.
        (await page.GetByTestId("zone-AFS").Locator("h2").TextContentAsync()).ShouldBe("Afrique subsaharienne");
        (await page.GetByTestId("fig-cooperants").CountAsync()).ShouldBe(0);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Tableau de bord");

        await page.GetByTestId("lang-en").ClickAsync();
        await page.GetByTestId("lang-fr").WaitForAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dashboard");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        await page.ReloadAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dashboard");
        (await page.GetByTestId("zone-AFS").Locator("h2").TextContentAsync()).ShouldBe("Sub-Saharan Africa");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Locator("#email").WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task On_a_phone_a_cooperant_opens_the_menu_navigates_switches_language_meets_an_error_page_and_signs_out()
    {
        var page = await browser.NewPageAsync(viewport: BrowserFixture.Phone);
        await browser.LoginAsync(page, DemoAccounts.CooperantSenegal);

        // The header keeps to one line: a menu button, the tools and the navigation folded into the menu.
        (await page.GetByTestId("menu-button").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByTestId("logout").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".fr-nav").IsVisibleAsync()).ShouldBeFalse();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);

        await page.GetByTestId("menu-button").ClickAsync();
        (await page.GetByTestId("menu-logout").IsVisibleAsync()).ShouldBeTrue();
        await page.GetByRole(AriaRole.Link, new() { Name = "Réseau", Exact = true }).ClickAsync();
        await page.WaitForPathAsync("/Network/Cooperants");
        (await page.Locator(".fr-nav").IsVisibleAsync()).ShouldBeFalse();

        await page.GetByTestId("menu-button").ClickAsync();
        await page.GetByTestId("menu-lang-en").ClickAsync();
        // The address is already the list's before the switch (through /culture) comes back to it: wait for the page
        // in English rather than for the address, which raced with the navigation (a 40 s timeout in CI).
        await page.Locator("html[lang='en']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        page.Url.ShouldEndWith("/Network/Cooperants");

        // A record out of reach is a page, not a document for machines.
        var response = await page.GotoAsync("/Partners/Countries/LB");
        response!.Status.ShouldBe(404);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Page not found");
        await page.GetByTestId("error-home").ClickAsync();
        await page.Locator("h1").WaitForAsync();

        await page.GetByTestId("menu-button").ClickAsync();
        await page.GetByTestId("menu-logout").ClickAsync();
        await page.Locator("#email").WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/Login");
    }
}
