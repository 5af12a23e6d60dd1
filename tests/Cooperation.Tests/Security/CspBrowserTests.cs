using Microsoft.Playwright;

namespace Cooperation.Tests.Security;

/// <summary>The pages still work under their Content-Security-Policy: Chromium reports no violation, and the map draws.</summary>
[Trait("Category", "Browser")]
public class CspBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] MainPages =
    [
        "/", "/Network/Cooperants", "/Network/Postings", "/Network/Vacancies", "/Network/Headcounts", "/Partners/Countries",
        "/Partners/Countries/SN", "/Partners/Zones", "/Schools", "/Schools/Sessions", "/Schools/Trainees", "/Reporting/Map",
        "/Reporting/Training", "/Admin/Audit", "/Admin/Users", "/api/docs/",
    ];

    [Fact]
    public async Task The_main_pages_break_no_rule_of_their_policy_and_the_map_draws()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        await browser.LoginAsync(page, DemoAccounts.Admin);

        foreach (var path in MainPages)
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            response!.Status.ShouldBe(200, path);
            if (path == "/Reporting/Map")
            {
                // Leaflet draws one shape a country (with the site's own script, shading by class rather than by style attribute).
                await page.Locator("#coop-map path.leaflet-interactive").First.WaitForAsync();
                (await page.Locator("#coop-map path.leaflet-interactive").CountAsync()).ShouldBeGreaterThan(100);
                (await page.Locator("#coop-map-box").IsVisibleAsync()).ShouldBeTrue();
            }
            if (path == "/api/docs/")
                await page.GetByText("Coopération API").First.WaitForAsync();
        }

        violations.ShouldBeEmpty();
    }
}
