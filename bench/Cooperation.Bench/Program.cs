using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// The performance benchmark of issue 12, one table of everything, side by side in one run:
//  1. demo generation at the chosen scale on a fresh database (time to ready, peak resident memory), unless --database
//     names an existing SQLite file or PostgreSQL database to reuse;
//  2. five starts on that existing database: time to the first answer of /health, the median and the range;
//  3. every page (crawled from the dashboard's links, one of each address shape) and every API list or figures route
//     (the GET routes of /openapi/v1.json without a path parameter), logged in as the director: p50/p95 of
//     sequential requests on loopback;
//  3b. the nominations and trainees under each of their filters and sorts (--only filters for these alone);
//  3c. names searched in both, each once, as a user types a new one (--only names for these alone);
//  4. throughput under 16 concurrent connections (HttpClient, no wrk here) of /health (the ceiling), the figures and
//     every API list, in percent of /health's, first measured and just before each (the machine's speed moves); then
//     /health again, to show whether it moved meanwhile;
//  5. resident memory of the server after the load (VmRSS, and the peak VmHWM, from /proc).
// Usage: dotnet run -c Release --project bench/Cooperation.Bench -- <published app dir> [--provider sqlite|postgres]
//        [--scale 10] [--requests 20] [--seconds 5] [--warmup 3] [--connections 16] [--database FILE|NAME] [--keep]
//        [--only ROUTE,ROUTE...] (only these pages and API routes, /health always: to look into a few of them; a page
//        named there is also loaded under the connections)
// PostgreSQL: BENCH_PG names the server (default "Host=127.0.0.1;Port=55433;Username=postgres"); a fresh database
// cooperation_bench_<scale> is created, or the one --database names reused.
var options = Options.Parse(args);
const string password = "Bench-Password-2026!";
const string url = "http://127.0.0.1:5099";
var results = new List<string[]>();
var notes = new List<string>();

string connection;
var dataDir = Path.Combine(Path.GetTempPath(), "cooperation-bench-" + Guid.NewGuid().ToString("N")[..8]);
if (options.Postgres)
{
    var server = Environment.GetEnvironmentVariable("BENCH_PG") ?? "Host=127.0.0.1;Port=55433;Username=postgres";
    connection = $"{server};Database={options.Database ?? $"cooperation_bench_{options.Scale}_{Guid.NewGuid().ToString("N")[..6]}"};Maximum Pool Size=40";
}
else
{
    Directory.CreateDirectory(dataDir);
    connection = $"Data Source={Path.GetFullPath(options.Database ?? Path.Combine(dataDir, "cooperation.db"))}";
}

try
{
    if (options.Database is null)
    {
        Console.WriteLine($"Generating the demo data at scale {options.Scale} ({(options.Postgres ? "PostgreSQL" : "SQLite")})...");
        await using var generating = await App.StartAsync(options, connection, url, password, demo: true);
        var (ready, peak) = (generating.ReadyAfter, generating.PeakMegabytes());
        results.Add(["demo generation at scale " + options.Scale, $"{ready.TotalSeconds:F1} s", "", "", "", $"peak {peak:F0} MB"]);
        Console.WriteLine($"  ready in {ready.TotalSeconds:F1} s, peak {peak:F0} MB");
    }

    else
    {
        // A database of an older version is migrated first: the start measured is that of a database up to date.
        await using var migrating = await App.StartAsync(options, connection, url, password, demo: false);
    }

    // Five starts, the process ended between them, the last one kept for what follows: one start alone moved by half a
    // second from run to run on this machine. The median is the figure, the range beside it.
    var starts = new List<double>();
    for (var i = 0; i < 4; i++)
    {
        await using var once = await App.StartAsync(options, connection, url, password, demo: false);
        starts.Add(once.ReadyAfter.TotalMilliseconds);
    }
    await using var app = await App.StartAsync(options, connection, url, password, demo: false);
    starts.Add(app.ReadyAfter.TotalMilliseconds);
    starts.Sort();
    results.Add(["start on the existing database (first /health, median of 5)", $"{starts[2]:F0} ms", "", "", "", $"{starts[0]:F0}–{starts[^1]:F0} ms"]);
    Console.WriteLine($"Started on the existing database in {starts[2]:F0} ms (median of 5; {starts[0]:F0}–{starts[^1]:F0} ms).");

    using var http = NewClient(url);
    await LogInAsync(http, "directeur@demo.local", password);
    var bearer = (await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "directeur@demo.local", password }))
        .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

    var pages = (await CrawlPagesAsync(http)).Where(options.Measures).ToList();
    var apis = (await ApiRoutesAsync(http, bearer)).Where(options.Measures).ToList();
    Console.WriteLine($"{pages.Count} pages and {apis.Count} API routes to measure.");

    // Sequential: server time as a client on loopback sees it.
    var timings = new List<(string Route, double P50, double P95, int Status)>();
    foreach (var (route, api) in new[] { ("/health", false) }.Concat(pages.Select(p => (p, false))).Concat(apis.Select(a => (a, true))))
    {
        var (times, status) = await TimesAsync(http, route, api ? bearer : null, warm: 3, measured: options.Requests);
        timings.Add((route, Percentile(times, 50), Percentile(times, 95), status));
        Console.WriteLine($"  {route,-60} {Percentile(times, 50),8:F1} {Percentile(times, 95),8:F1} ms  {status}");
    }
    foreach (var t in timings)
        results.Add([t.Route, $"{t.P50:F1} ms", $"{t.P95:F1} ms", t.Status == 200 ? "" : t.Status.ToString(CultureInfo.InvariantCulture), "", ""]);

    // Filters and sorts of the two long lists (issue 12: lists that stay fast "with any filter"), both ways of each sort,
    // a deep page among the filters. The first call of each is left out: a kept order is sorted by it
    // (FigureCache.OrderAsync), and a write's first reader pays it again. The row gives the slowest p50 and p95.
    if (options.Only.Length == 0 || options.Measures("filters"))
    {
        var combinations = FilterCombinations().ToList();
        var slow = new List<string>();
        (string Route, double P50, double P95) slowest = ("", 0, 0);
        foreach (var route in combinations)
        {
            var (times, status) = await TimesAsync(http, route, bearer, warm: 1, measured: options.Requests / 4);
            if (status != (int)HttpStatusCode.OK) throw new InvalidOperationException($"{route}: {status}");
            var (p50, p95) = (Percentile(times, 50), Percentile(times, 95));
            if (p95 > 50) slow.Add($"{route} {p50:F1} / {p95:F1} ms");
            if (p95 > slowest.P95) slowest = (route, p50, p95);
        }
        Console.WriteLine($"  {combinations.Count} filters and sorts of the nominations and trainees: slowest {slowest.Route} {slowest.P50:F1} / {slowest.P95:F1} ms; {slow.Count} over 50 ms");
        foreach (var s in slow) Console.WriteLine("    " + s);
        results.Add([$"the nominations and trainees under {combinations.Count} filters and sorts (the slowest)", $"{slowest.P50:F1} ms", $"{slowest.P95:F1} ms", "",
            "", slow.Count == 0 ? $"none over 50 ms; the slowest {slowest.Route}" : $"{slow.Count} over 50 ms: " + string.Join("; ", slow)]);
    }

    // Names searched, as a user types one: each search is new to the server, so its first call is the one measured
    // (the total it counts, the trainees a name's index finds). Full names and surnames of trainees spread over the
    // list, each searched once in the nominations and in the trainees.
    if (options.Only.Length == 0 || options.Measures("names"))
    {
        var names = await NamesAsync(http, bearer);
        var times = new List<double>();
        var slow = new List<string>();
        foreach (var name in names)
            foreach (var list in new[] { "/api/v1/nominations?search=", "/api/v1/trainees?q=" })
            {
                var route = list + Uri.EscapeDataString(name);
                var (once, status) = await TimesAsync(http, route, bearer, warm: 0, measured: 1);
                if (status != (int)HttpStatusCode.OK) throw new InvalidOperationException($"{route}: {status}");
                times.Add(once[0]);
                if (once[0] > 50) slow.Add($"{route} {once[0]:F1} ms");
            }
        times.Sort();
        Console.WriteLine($"  {names.Count} names searched once in the nominations and trainees: {Percentile(times, 50):F1} / {Percentile(times, 95):F1} ms, the slowest {times[^1]:F1} ms; {slow.Count} over 50 ms");
        foreach (var s in slow) Console.WriteLine("    " + s);
        results.Add([$"{names.Count} names searched in the nominations and trainees, each once (its first call)", $"{Percentile(times, 50):F1} ms",
            $"{Percentile(times, 95):F1} ms", "", "", $"the slowest {times[^1]:F1} ms; {slow.Count} of {times.Count} over 50 ms"]);
    }

    // Concurrent: requests a second under N connections, each route alone for a few seconds.
    Console.WriteLine($"Throughput under {options.Connections} connections, {options.Seconds} s each:");
    var ceiling = await ThroughputAsync(url, "/health", null, options);
    Console.WriteLine($"  /health {ceiling:F0}/s");
    var loadRows = new List<string[]> { new[] { $"/health under {options.Connections} connections", "", "", "", $"{ceiling:F0}/s (100 %)", "" } };
    // Each route's share is also taken of /health measured just before it (2 s after 1 s of warm-up): this machine's
    // speed moved by half or more within a run (2,368 then 5,185 requests a second of /health), so that a share of the
    // first measure alone said more of the machine than of the route.
    var near = options with { Seconds = 2, Warmup = 1 };
    var routes = apis.Where(a => a.StartsWith("/api/v1/", StringComparison.Ordinal)).Select(a => (Route: a, Bearer: (string?)bearer))
        .Concat(new[] { "/", "/Schools/Alumni", "/Schools/Nominations", "/Reporting/Training" }
            .Concat(options.Only.Where(o => o.StartsWith('/') && o != "/health" && !o.StartsWith("/api/", StringComparison.Ordinal))).Distinct()
            .Where(options.Measures).Select(p => (Route: p, Bearer: (string?)null)));
    foreach (var (route, token) in routes)
    {
        var before = await ThroughputAsync(url, "/health", null, near);
        var rate = await ThroughputAsync(url, route, token, options, token is null ? http : null);
        Console.WriteLine($"  {route} {rate:F0}/s ({100 * rate / ceiling:F1} % of the first; {100 * rate / before:F1} % of {before:F0}/s just before)");
        loadRows.Add([$"{route} under {options.Connections} connections", "", "", "",
            $"{rate:F0}/s ({100 * rate / ceiling:F1} %; {100 * rate / before:F1} % of {before:F0}/s just before)", ""]);
    }
    // The ceiling again once every route was loaded: this machine's speed can move within a run. The table shows both
    // measures, so that a run whose speed moved is seen as such, and each route's share of the measure just before it.
    var after = await ThroughputAsync(url, "/health", null, options);
    Console.WriteLine($"  /health again {after:F0}/s ({100 * after / ceiling:F1} % of the first)");
    loadRows.Add([$"/health under {options.Connections} connections, again after the lists", "", "", "", $"{after:F0}/s ({100 * after / ceiling:F1} %)", ""]);
    if (Math.Abs(after - ceiling) > 0.15 * ceiling)
        notes.Add($"The ceiling moved by more than 15 % during the run ({ceiling:F0} then {after:F0} requests a second): each route's share of /health just before it says more than its share of the first.");
    results.AddRange(loadRows);
    results.Add(["resident memory after the load", "", "", "", "", $"{app.ResidentMegabytes():F0} MB (peak {app.PeakMegabytes():F0} MB)"]);

    Console.WriteLine();
    Console.WriteLine($"## Benchmark: {(options.Postgres ? "PostgreSQL" : "SQLite")}, scale {options.Scale}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, "
        + $"{Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString}; Release publish, Production, loopback");
    Console.WriteLine();
    Console.WriteLine("| what | p50 | p95 | status | throughput (share of /health) | memory / note |");
    Console.WriteLine("| --- | ---: | ---: | --- | ---: | --- |");
    foreach (var r in results) Console.WriteLine("| " + string.Join(" | ", r) + " |");
    foreach (var n in notes) Console.WriteLine(n);
    return 0;
}
finally
{
    if (!options.Keep && options.Database is null && !options.Postgres)
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
}

static HttpClient NewClient(string url) =>
    new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All, MaxConnectionsPerServer = 64 })
    { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };

static async Task LogInAsync(HttpClient http, string email, string password)
{
    var form = await http.GetStringAsync("/Account/Login");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var login = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token }));
    if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Page login failed: " + login.StatusCode);
}

// The pages: the links of the dashboard, then of the pages they lead to, one address of each shape (digits as {id}),
// without query strings, exports, logout or files.
static async Task<List<string>> CrawlPagesAsync(HttpClient http)
{
    var shapes = new HashSet<string>();
    var found = new List<string>();
    var queue = new Queue<(string Path, int Depth)>([("/", 0)]);
    while (queue.Count > 0 && found.Count < 80)
    {
        var (path, depth) = queue.Dequeue();
        var shape = Regex.Replace(Regex.Replace(path, @"/\d+", "/{id}"), @"/[A-Z][A-Z0-9-]+$", "/{code}");
        if (!shapes.Add(shape)) continue;
        using var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
        found.Add(path);
        if (depth >= 2) continue;
        var html = await response.Content.ReadAsStringAsync();
        foreach (Match m in Regex.Matches(html, "href=\"(/[^\"?#]*)\""))
        {
            var link = WebUtility.HtmlDecode(m.Groups[1].Value);
            if (link.StartsWith("/lib/", StringComparison.Ordinal) || link.StartsWith("/css/", StringComparison.Ordinal) || link.StartsWith("/js/", StringComparison.Ordinal)
                || link.Contains("Logout", StringComparison.OrdinalIgnoreCase) || link.Contains("/api/", StringComparison.Ordinal)
                || link.StartsWith("/openapi", StringComparison.Ordinal) || Path.HasExtension(link) || link.Contains("/verify/", StringComparison.Ordinal))
                continue;
            queue.Enqueue((link, depth + 1));
        }
    }
    return found;
}

// The API's GET routes without a path parameter, from its OpenAPI document: lists and figures. Those that need a
// parameter to answer (400) are left out.
static async Task<List<string>> ApiRoutesAsync(HttpClient http, string bearer)
{
    using var doc = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
    var routes = new List<string>();
    foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
    {
        if (path.Name.Contains('{') || !path.Value.TryGetProperty("get", out _) || path.Name.Contains("/auth/")) continue;
        using var probe = await Send(http, path.Name, bearer);
        if (probe.StatusCode == HttpStatusCode.OK && probe.Content.Headers.ContentType?.MediaType == "application/json") routes.Add(path.Name);
    }
    return routes;
}

// The two long lists under each of their filters (codes of the reference data, the same at every scale), each sort both
// ways: what the sequential runs above, their unfiltered first pages, do not show.
static IEnumerable<string> FilterCombinations()
{
    (string List, string[] Filters, string[] Sorts)[] lists =
    [
        ("/api/v1/nominations", ["", "school=CPPT", "country=SN", "zone=AFS", "zone=AFN", "status=Accepted", "screening=Pending", "awaiting=true",
            "year=2020", "search=mar", "page=500"], ["submitted", "session", "name", "country", "status"]),
        ("/api/v1/trainees", ["", "gender=F", "administration=ARM", "nationality=SN", "school=CPPT", "year=2020", "prominent=true", "q=mar", "page=500"],
            ["name", "nationality", "administration", "last"]),
    ];
    foreach (var (list, filters, sorts) in lists)
        foreach (var filter in filters)
            foreach (var sort in sorts)
                foreach (var way in new[] { "", "-" })
                    yield return $"{list}?{(filter.Length > 0 ? filter + "&" : "")}sort={way}{sort}";
}

// Names to search: 20 trainees spread over the list by name, by their full names and by their surnames (the data's own, at
// any scale).
static async Task<List<string>> NamesAsync(HttpClient http, string bearer)
{
    using var first = await Send(http, "/api/v1/trainees?pageSize=1", bearer);
    var total = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
    var full = new List<string>();
    var surnames = new List<string>();
    for (var i = 0; i < 20; i++)
    {
        using var response = await Send(http, $"/api/v1/trainees?pageSize=1&page={1 + (long)i * total / 20}", bearer);
        var item = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        var last = item.GetProperty("lastName").GetString()!;
        full.Add($"{item.GetProperty("firstName").GetString()} {last}");
        if (!surnames.Contains(last)) surnames.Add(last);
    }
    return [.. full, .. surnames];
}

// Sequential calls of a route: the first ones (warm) left out, the times of the others sorted, and the last status.
static async Task<(List<double> Times, int Status)> TimesAsync(HttpClient http, string route, string? bearer, int warm, int measured)
{
    var times = new List<double>();
    var status = 0;
    for (var i = 0; i < warm + measured; i++)
    {
        var sw = Stopwatch.StartNew();
        using var response = await Send(http, route, bearer);
        await response.Content.ReadAsByteArrayAsync();
        sw.Stop();
        status = (int)response.StatusCode;
        if (i >= warm) times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (times, status);
}

static Task<HttpResponseMessage> Send(HttpClient http, string route, string? bearer)
{
    var request = new HttpRequestMessage(HttpMethod.Get, route);
    request.Headers.AcceptEncoding.ParseAdd("br");
    if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    return http.SendAsync(request);
}

// Requests a second: N workers each send one request after another for the given time (after a second of warm-up).
// The warm-up starts with one request alone, as the sequential runs do: figures kept past their age are counted by it,
// and the window measures the steady state that the figure cache's early recount keeps under a steady load.
static async Task<double> ThroughputAsync(string url, string route, string? bearer, Options options, HttpClient? session = null)
{
    var http = session ?? NewClient(url);
    try
    {
        using (var first = await Send(http, route, bearer)) await first.Content.ReadAsByteArrayAsync();
        var warm = DateTime.UtcNow.AddSeconds(options.Warmup);
        var end = warm.AddSeconds(options.Seconds);
        var count = 0;
        var failures = new ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < end)
            {
                using var response = await Send(http, route, bearer);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) failures.Add(response.StatusCode);
                else if (DateTime.UtcNow >= warm) Interlocked.Increment(ref count);
            }
        })));
        if (!failures.IsEmpty) Console.WriteLine($"  {route}: {failures.Count} answers not 200 ({failures.First()})");
        return count / options.Seconds;
    }
    finally
    {
        if (session is null) http.Dispose();
    }
}

static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

sealed record Options(string AppDir, bool Postgres, int Scale, int Requests, double Seconds, double Warmup, int Connections, string? Database,
    bool Keep, string[] Only)
{
    /// <summary>Whether a route is measured: all of them, or with --only those equal to one of its comma-separated routes.</summary>
    public bool Measures(string route) => Only.Length == 0 || Only.Contains(route, StringComparer.OrdinalIgnoreCase);

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var provider = Value("--provider") ?? "sqlite";
        if (provider is not ("sqlite" or "postgres")) throw new ArgumentException("--provider is sqlite or postgres");
        return new Options(Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "bench/out"),
            provider == "postgres", Number("--scale", 10), Number("--requests", 20), Number("--seconds", 5), Number("--warmup", 3), Number("--connections", 16),
            Value("--database"), args.Contains("--keep"),
            Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
    }
}

/// <summary>The published application, started as a process of its own in Production mode.</summary>
sealed class App : IAsyncDisposable
{
    private readonly Process _process;
    public TimeSpan ReadyAfter { get; private set; }

    private App(Process process) => _process = process;

    public static async Task<App> StartAsync(Options options, string connection, string url, string password, bool demo)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(options.AppDir, "Cooperation.Web.dll"))
        {
            WorkingDirectory = options.AppDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Demo__Enabled"] = demo ? "true" : "false";
        start.Environment["Demo__Scale"] = options.Scale.ToString(CultureInfo.InvariantCulture);
        start.Environment["Demo__Password"] = password;
        start.Environment["Security__LoginAttemptsPerMinute"] = "1000";
        start.Environment["Database__Provider"] = options.Postgres ? "Postgres" : "Sqlite";
        start.Environment["ConnectionStrings__Cooperation"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new App(process);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("The application stopped during start-up.");
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(20);
        }
        app.ReadyAfter = clock.Elapsed;
        return app;
    }

    public double ResidentMegabytes() => Status("VmRSS");
    public double PeakMegabytes() => Status("VmHWM");

    private double Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(Regex.Match(line, @"\d+").Value, CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
