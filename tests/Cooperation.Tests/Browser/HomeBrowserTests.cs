using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

/// <summary>Each role signs in to its own home page and a menu of what it can use, on a desktop and on a phone.</summary>
[Trait("Category", "Browser")]
public class HomeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Everything =
        ["menu-network", "menu-partners", "menu-schools", "menu-projects", "menu-intl-sessions", "menu-missions", "menu-programmes", "menu-map", "menu-annual-report", "menu-oda", "menu-quality", "menu-report-jobs", "menu-audit"];

    /// <summary>Per role: what the home page shows first, and the menu's entries.</summary>
    private static readonly (string Account, string HomeMark, string[] Menu)[] Roles =
    [
        (DemoAccounts.Director, "fig-cooperants", Everything),
        (DemoAccounts.Auditor, "fig-cooperants", Everything),
        (DemoAccounts.DeskAfrica, "zone-AFS", Everything.Where(m => m != "menu-audit").ToArray()),
        (DemoAccounts.SchoolDirector, "home-results-count", ["menu-schools"]),
        (DemoAccounts.LiaisonCi, "home-open-sessions", ["menu-schools", "menu-intl-sessions"]),
        (DemoAccounts.CooperantSenegal, "home-profile", ["menu-network", "menu-partners", "menu-schools", "menu-projects", "menu-missions", "menu-programmes", "menu-map"]),
    ];

    [Fact]
    public async Task Each_role_reads_its_home_page_and_a_menu_of_what_it_can_use_on_a_desktop_and_on_a_phone()
    {
        foreach (var phone in new[] { false, true })
            foreach (var (account, mark, menu) in Roles)
            {
                var page = await browser.NewPageAsync(viewport: phone ? BrowserFixture.Phone : null);
                await browser.LoginAsync(page, account);
                var where = $"{account} {(phone ? "phone" : "desktop")}";

                (await page.GetByTestId(mark).IsVisibleAsync()).ShouldBeTrue(where);
                if (phone)
                {
                    (await page.Locator(".fr-nav").IsVisibleAsync()).ShouldBeFalse(where);
                    await page.GetByTestId("menu-button").ClickAsync();
                }
                (await page.Locator(".fr-nav").IsVisibleAsync()).ShouldBeTrue(where);
                var shown = await page.Locator("[data-testid=main-menu] [data-testid^=menu-]").EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.testid)");
                shown.ShouldBe(menu, where);

                if (!phone)
                {
                    // No entry leads to a refusal or an empty list (the addresses read from the menu, then opened in turn).
                    var hrefs = new List<string>();
                    foreach (var entry in menu) hrefs.Add((await page.GetByTestId(entry).GetAttributeAsync("href"))!);
                    foreach (var href in hrefs)
                    {
                        var response = await page.GotoAsync(href);
                        response!.Status.ShouldBe(200, $"{where} {href}");
                        System.Text.RegularExpressions.Regex.IsMatch((await page.Locator("main").TextContentAsync())!, @"(?<!\d)0 résultat\(s\)").ShouldBeFalse($"{where} {href}");
                    }
                }
                await page.Context.CloseAsync();
            }
    }

    [Fact]
    public async Task A_coopérant_goes_from_his_home_page_to_his_own_record()
    {
        var page = await browser.NewPageAsync(viewport: BrowserFixture.Phone);
        await browser.LoginAsync(page, DemoAccounts.CooperantSenegal);
        (await page.GetByTestId("home-posting").TextContentAsync())!.ShouldContain("Sénégal");
        await page.GetByTestId("home-profile").ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/Network/Cooperants/\d+$"));
        (await page.Locator("h1").TextContentAsync())!.ShouldNotBeNullOrWhiteSpace();
    }
}
