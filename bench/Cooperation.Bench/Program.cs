using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

// Starts the published application on a fresh SQLite database with demo data at the asked scale, then measures:
//  - the server time (p50/p95 over sequential requests on loopback) of the coopérant list, a country page and the figures API;
//  - the bytes a first and a repeat visit of the heaviest pages transfer, in Chromium.
// Usage: dotnet run -c Release --project bench/Cooperation.Bench -- <published app dir> [scale] [requests]
var appDir = Path.GetFullPath(args.ElementAtOrDefault(0) ?? "bench/out");
var scale = int.Parse(args.ElementAtOrDefault(1) ?? "10", CultureInfo.InvariantCulture);
var requests = int.Parse(args.ElementAtOrDefault(2) ?? "200", CultureInfo.InvariantCulture);
const string password = "Bench-Password-2026!";
const string url = "http://127.0.0.1:5099";
var dataDir = Path.Combine(Path.GetTempPath(), "cooperation-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);

var start = new ProcessStartInfo("dotnet", Path.Combine(appDir, "Cooperation.Web.dll"))
{
    WorkingDirectory = appDir,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["ASPNETCORE_URLS"] = url;
start.Environment["Demo__Enabled"] = "true";
start.Environment["Demo__Scale"] = scale.ToString(CultureInfo.InvariantCulture);
start.Environment["Demo__Password"] = password;
start.Environment["Security__LoginAttemptsPerMinute"] = "1000";
start.Environment["ConnectionStrings__Cooperation"] = $"Data Source={Path.Combine(dataDir, "cooperation.db")}";
start.Environment["Logging__LogLevel__Default"] = "Warning";

Console.WriteLine($"Starting the application at scale {scale} ({appDir})...");
var clock = Stopwatch.StartNew();
using var server = Process.Start(start)!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All })
        { BaseAddress = new Uri(url) };
    while (true)
    {
        if (server.HasExited) throw new InvalidOperationException("The application stopped during start-up.");
        try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
        await Task.Delay(250);
    }
    Console.WriteLine($"Ready in {clock.Elapsed.TotalSeconds:F1} s (migrations, reference data, demo data at scale {scale}).");

    // A cookie session for the pages, a token for the API.
    var form = await http.GetStringAsync("/Account/Login");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var login = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Email"] = "admin@demo.local", ["Password"] = password, ["__RequestVerificationToken"] = token }));
    if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Page login failed");
    var apiLogin = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@demo.local", password });
    var bearer = (await apiLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

    var figures = await Send(http, "/api/v1/figures", bearer);
    Console.WriteLine($"Figures at scale {scale}: {await figures.Content.ReadAsStringAsync()}");
    Console.WriteLine();
    Console.WriteLine($"Server time over {requests} sequential requests each (after 20 warm-up), loopback:");
    Console.WriteLine($"  {"route",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"body B",8}");
    foreach (var (route, useToken) in new[] { ("/Network/Cooperants", false), ("/Partners/Countries/SN", false), ("/api/v1/figures", true) })
    {
        for (var i = 0; i < 20; i++) (await Send(http, route, useToken ? bearer : null)).EnsureSuccessStatusCode();
        var times = new List<double>(requests);
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            var response = await Send(http, route, useToken ? bearer : null);
            var body = await response.Content.ReadAsByteArrayAsync();
            sw.Stop();
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"  {route,-34} {Percentile(times, 50),8:F1} {Percentile(times, 95),8:F1} {times[^1],8:F1} {bytes,8}");
    }

    Console.WriteLine();
    Console.WriteLine("Page weight in Chromium (bytes on the wire: headers + compressed bodies):");
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    foreach (var page in new[] { "/Reporting/Map", "/Network/Cooperants", "/Partners/Countries/SN", "/" })
    {
        // A fresh context holding only the session cookie: a true first visit, with an empty cache.
        var context = await browser.NewContextAsync();
        await context.AddCookiesAsync(await SessionCookies(browser, url, password));
        var tab = await context.NewPageAsync();
        var first = await Weigh(tab, url + page);
        var repeat = await Weigh(tab, url + page);
        Console.WriteLine($"  {page,-34} first visit {first.Bytes / 1024.0,7:F1} KB in {first.Requests,3} requests; repeat visit {repeat.Bytes / 1024.0,6:F1} KB in {repeat.Requests,3} requests");
        await context.CloseAsync();
    }
    return 0;
}
finally
{
    if (!server.HasExited) server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    try { Directory.Delete(dataDir, true); } catch (IOException) { }
}

static Task<HttpResponseMessage> Send(HttpClient http, string route, string? bearer)
{
    var request = new HttpRequestMessage(HttpMethod.Get, route);
    request.Headers.AcceptEncoding.ParseAdd("br");
    if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    return http.SendAsync(request);
}

static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

static async Task<IReadOnlyList<Microsoft.Playwright.Cookie>> SessionCookies(IBrowser browser, string url, string password)
{
    var context = await browser.NewContextAsync();
    var tab = await context.NewPageAsync();
    await tab.GotoAsync(url + "/Account/Login");
    await tab.FillAsync("#email", "admin@demo.local");
    await tab.FillAsync("#password", password);
    await Task.WhenAll(tab.WaitForURLAsync(url + "/"), tab.ClickAsync("button[type=submit]"));
    var cookies = await context.CookiesAsync();
    await context.CloseAsync();
    return cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }).ToList();
}

static async Task<(long Bytes, int Requests)> Weigh(IPage tab, string address)
{
    var sizes = new List<Task<RequestSizesResult>>();
    void OnFinished(object? _, IRequest request) => sizes.Add(request.SizesAsync());
    tab.RequestFinished += OnFinished;
    await tab.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
    tab.RequestFinished -= OnFinished;
    var results = await Task.WhenAll(sizes);
    // Served from the memory or disk cache, a request transfers nothing: its sizes read 0 body bytes and no headers.
    return (results.Sum(s => (long)s.ResponseBodySize + s.ResponseHeadersSize), results.Count(s => s.ResponseHeadersSize > 0));
}
