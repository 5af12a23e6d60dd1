using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Infrastructure;

/// <summary>
/// Class fixture for browser tests: the application on a loopback port (its own database with the demo data) and
/// Debian's Chromium driven by Playwright. Playwright never downloads a browser here: its node driver ships inside the
/// NuGet package and the browser is the system one.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(new KestrelCooperationFactory()) { }

    /// <summary>The fixture on an application configured otherwise (<see cref="SmtpBrowserFixture"/>).</summary>
    protected BrowserFixture(KestrelCooperationFactory factory) => Factory = factory;

    /// <summary>Debian's Chromium, unless COOPERATION_CHROMIUM names another build of it.</summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("COOPERATION_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _chromium;

    public KestrelCooperationFactory Factory { get; }

    /// <summary>The application's address, e.g. http://127.0.0.1:40123 (no trailing slash).</summary>
    public string RootUri { get; private set; } = "";

    public async Task InitializeAsync()
    {
        RootUri = Factory.RootUri.TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A page in a fresh browser context (own cookies), with relative URLs resolved against the application.
    /// The browser asks for French unless told otherwise, as a user in Paris would. <paramref name="bypassCsp"/> lets a
    /// test add its own script (axe-core) to the pages, which the application's policy otherwise refuses.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "fr-FR", ViewportSize? viewport = null, bool bypassCsp = false)
    {
        var context = await _chromium!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RootUri,
            Locale = locale, // also sets Accept-Language
            ViewportSize = viewport,
            IsMobile = viewport is { Width: < 600 },
            HasTouch = viewport is { Width: < 600 },
            BypassCSP = bypassCsp,
        });
        // CI machines are small and shared, and the first requests warm the application up: be patient, not forever.
        // 20 s was too short on a slower machine, where a form's save and redirect under the suite's parallel load
        // exceeded it twice in a day (each test passed alone in 12–39 s).
        context.SetDefaultTimeout(Patience);
        lock (_contexts) _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>How long a browser test waits for an element or a page: CI machines are small and shared.</summary>
    public const int Patience = 40_000;

    /// <summary>A phone's screen: 360 CSS pixels wide.</summary>
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    /// <summary>Signs in through the login form with the demo password and waits for his home page.</summary>
    public async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", CooperationFactory.Password);
        await page.Locator("form:has(#email) button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=home], [data-testid=login-error]").First.WaitForAsync();
        if (await page.GetByTestId("login-error").CountAsync() > 0)
            throw new InvalidOperationException($"Login of {email} failed: {await page.GetByTestId("login-error").TextContentAsync()}");
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        if (_chromium is not null) await _chromium.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>The browser fixture on an application that sends its e-mails to a <see cref="TestSmtpServer"/>.</summary>
public sealed class SmtpBrowserFixture() : BrowserFixture(new SmtpKestrelCooperationFactory())
{
    public TestSmtpServer Smtp => ((SmtpKestrelCooperationFactory)Factory).Smtp;
}

/// <summary>
/// Waiting for the page a click or a form leads to. Playwright's <c>WaitForURLAsync</c> then waits for the load event by
/// looking in a list that its message loop fills on another thread, and only then listening: a load that lands in
/// between is missed, and the wait runs out although the page is there (CI on 2026-12-06, "NetworkIdle event fired"
/// and no load). These wait for the address by polling it, then for the layout's footer, which ends every page.
/// </summary>
public static class PageNavigation
{
    /// <summary>Waits until the page's address ends with <paramref name="path"/> (query and fragment included) and the page is written to its end.</summary>
    public static Task WaitForPathAsync(this IPage page, string path) =>
        page.WaitForAddressAsync(new Regex(Regex.Escape(path) + "$"));

    /// <summary>Waits until the page's address matches <paramref name="address"/> and the page is written to its end.</summary>
    public static async Task WaitForAddressAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = BrowserFixture.Patience });
        await page.Locator("footer#footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
