using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class NetworkChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Desk_officer_opens_the_map_posts_a_coopérant_through_the_form_and_finds_the_posting_on_the_country_page()
    {
        // A former coopérant whose last posting was in Sub-Saharan Africa: within the desk officer's scope, free to be posted.
        var today = DateOnly.FromDateTime(DateTime.Now.Date);
        var cooperantId = await browser.Factory.WithDbAsync(db => db.Cooperants
            .Where(c => c.Postings.All(p => p.ActualEndDate != null && p.ActualEndDate < today.AddDays(-30)))
            .Where(c => c.Postings.OrderByDescending(p => p.StartDate).Select(p => p.Country!.Zone!.Code).FirstOrDefault() == "AFS")
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, DemoAccounts.DeskAfrica);

        await page.GetByRole(AriaRole.Link, new() { Name = "Carte", Exact = true }).ClickAsync();
        await page.WaitForPathAsync("/Reporting/Map");
        // The shapes are drawn by Leaflet from the Natural Earth file; Senegal is shaded and links to its page.
        await page.Locator("path.leaflet-interactive").First.WaitForAsync();
        (await page.Locator("path.leaflet-interactive").CountAsync()).ShouldBeGreaterThan(100);
        (await page.Locator("a[href='/Partners/Countries/SN']").CountAsync()).ShouldBeGreaterThan(0);

        await page.GotoAsync($"/Network/Cooperants/{cooperantId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Affecter" }).ClickAsync();
        await page.WaitForPathAsync($"/Network/Postings/Create?cooperantId={cooperantId}");

        var position = $"Conseiller cybersécurité (test navigateur {Guid.NewGuid():N})"[..60];
        await page.SelectOptionAsync("#Destination", "SN");
        await page.SelectOptionAsync("#HostAuthorityType", "GENERAL_STAFF");
        await page.FillAsync("#HostAuthorityName", "État-major général des armées — Sénégal");
        await page.FillAsync("#PositionTitle", position);
        await page.FillAsync("#StartDate", today.ToString("yyyy-MM-dd"));
        await page.FillAsync("#PlannedEndDate", today.AddYears(3).ToString("yyyy-MM-dd"));
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForPathAsync($"/Network/Cooperants/{cooperantId}");

        await page.GotoAsync("/Partners/Countries/SN");
        var postings = page.GetByTestId("country-postings");
        (await postings.TextContentAsync())!.ShouldContain(position);
    }
}
