using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

/// <summary>
/// axe-core (the npm package the build installs, loaded from node_modules: never fetched from the internet) finds no
/// serious or critical violation on any page: one sign-in a role, each page checked once, by the first role that may open it.
/// </summary>
[Trait("Category", "Browser")]
public class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string AxeScript = Path.Combine(FindRoot(), "src", "Cooperation.Web", "node_modules", "axe-core", "axe.min.js");

    private static readonly string[] Accounts =
    [
        DemoAccounts.Admin, DemoAccounts.DeskAfrica, DemoAccounts.CooperantSenegal, DemoAccounts.SchoolDirector, DemoAccounts.LiaisonCi,
        DemoAccounts.Director, DemoAccounts.Auditor,
    ];

    [Fact]
    public async Task No_page_of_any_role_has_a_serious_or_critical_axe_violation()
    {
        File.Exists(AxeScript).ShouldBeTrue(AxeScript);
        var pages = await SitePages.AddressesAsync(browser.Factory);
        var checkedPages = new HashSet<string>();
        var violations = new List<string>();

        // The pages everyone reaches, signed out.
        var anonymous = await browser.NewPageAsync(bypassCsp: true);
        foreach (var address in pages.Where(p => p.StartsWith("/Legal/") || p == "/Account/Login"))
            if (await CheckAsync(anonymous, address, violations)) checkedPages.Add(address);

        foreach (var account in Accounts)
        {
            var page = await browser.NewPageAsync(bypassCsp: true);
            await browser.LoginAsync(page, account);
            // Three tabs of one session share the pages left: the server waits on the database while axe runs in another tab.
            var left = new System.Collections.Concurrent.ConcurrentQueue<string>(pages.Where(p => !checkedPages.Contains(p)));
            var tabs = new List<IPage> { page, await page.Context.NewPageAsync(), await page.Context.NewPageAsync() };
            await Task.WhenAll(tabs.Select(async tab =>
            {
                while (left.TryDequeue(out var address))
                    if (await CheckAsync(tab, address, violations, account)) lock (checkedPages) checkedPages.Add(address);
            }));
            await page.Context.CloseAsync();
        }

        violations.ShouldBeEmpty();
        // Every page was checked by someone (a page no demo account can open would go unchecked).
        pages.Where(p => !checkedPages.Contains(p)).ShouldBeEmpty();
    }

    /// <summary>Opens the page; when it answers (not refused, not out of scope), runs axe and keeps its serious and critical findings.</summary>
    private static async Task<bool> CheckAsync(IPage page, string address, List<string> violations, string? account = null)
    {
        var response = await page.GotoAsync(address);
        if (response is null || response.Status != 200 || !new Uri(page.Url).AbsolutePath.Equals(address.Split('?')[0], StringComparison.OrdinalIgnoreCase)
            && !address.EndsWith("/Account/Login", StringComparison.Ordinal)) return false;
        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
            """);
        lock (violations)
            foreach (var v in found.EnumerateArray()) violations.Add($"{address} [{account ?? "anonymous"}] {v.GetString()}");
        return true;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cooperation.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
