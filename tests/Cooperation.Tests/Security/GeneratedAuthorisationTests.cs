using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Cooperation.Tests.Security;

/// <summary>
/// The authorisation test generated from the application itself: every route of the OpenAPI document and every page,
/// called by every account whose scope leaves someone out (the demo roles and the test accounts) on records inside and outside its scope, each list
/// with its filters, sorts and searches, each list page also as CSV and Excel exports; writes of the API with an empty
/// body. It fails when an answer carries the name, e-mail or telephone number of a person the account may not read
/// (<see cref="PersonsInScope"/>), whatever its status code.
/// </summary>
public sealed partial class GeneratedAuthorisationTests(CooperationFactory factory, ITestOutputHelper output) : IClassFixture<CooperationFactory>
{
    private static readonly string[] Accounts =
    [
        DemoAccounts.Admin, DemoAccounts.Director, DemoAccounts.DeskAfrica, DemoAccounts.CooperantSenegal, DemoAccounts.Auditor,
        DemoAccounts.SchoolDirector, DemoAccounts.LiaisonCi, TestAccounts.DirectorCpadd, TestAccounts.LiaisonSn,
    ];

    /// <param name="List">The answer is a list page (it offers the export).</param>
    private sealed record Call(string Account, string Method, string Route, string Url, HttpStatusCode Status, IReadOnlyList<string> Leaks,
        bool List = false);

    [Fact]
    public async Task No_answer_of_any_route_page_or_export_carries_a_person_outside_the_callers_scope()
    {
        var clock = Stopwatch.StartNew();
        var samples = await ScopeSamples.PlantAsync(factory);
        var foreign = await PersonsInScope.ForeignAsync(factory, Accounts, samples.PlantedWords);
        var document = await (await factory.ApiClientAsync(DemoAccounts.Admin)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var routes = ApiRoutes(document).ToList();
        var pages = PageRoutes().ToList();
        var setUp = clock.Elapsed;

        var calls = new ConcurrentBag<Call>();
        var records = new ConcurrentDictionary<string, byte>();
        // An account that may read every person (the administrator, the director) has nothing to leak: it is not called.
        var scoped = Accounts.Where(a => foreign[a].Any).ToList();
        scoped.Count.ShouldBeGreaterThanOrEqualTo(6, "the scoped roles are the ones tried");
        await Parallel.ForEachAsync(scoped, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (account, _) =>
        {
            var api = await factory.ApiClientAsync(account);
            var browser = await factory.PageClientAsync(account);
            foreach (var route in routes)
                foreach (var (url, record) in Urls(route.Path, samples, route.Query))
                {
                    if (record is not null) records.TryAdd($"{route.Method} {route.Path} {record}", 0);
                    calls.Add(await SendAsync(api, account, route.Method, route.Path, url, route.Method == "GET" ? null : "{}", foreign[account]));
                }
            foreach (var page in pages)
                foreach (var (url, record) in Urls(page, samples, null))
                {
                    if (record is not null) records.TryAdd($"PAGE {page} {record}", 0);
                    var call = await SendAsync(browser, account, "GET", page, url, null, foreign[account]);
                    calls.Add(call);
                    if (!call.List) continue;
                    // A list page: each filter alone, then the whole list as CSV and Excel.
                    foreach (var (name, value) in samples.Filters)
                        calls.Add(await SendAsync(browser, account, "GET", page, $"{url}?{name}={Uri.EscapeDataString(value)}&pageSize=200", null, foreign[account]));
                    foreach (var format in new[] { "csv", "xlsx" })
                        calls.Add(await SendAsync(browser, account, "EXPORT", page, $"{url}?handler=Export&format={format}&status=all&sort=name", null, foreign[account]));
                }
        });

        var all = calls.ToList();
        var leaks = all.Where(c => c.Leaks.Count > 0).ToList();
        var writes = all.Count(c => c.Method is "POST" or "PUT" or "DELETE");
        output.WriteLine($"Generated authorisation test ({(factory.OnPostgres ? "PostgreSQL" : "SQLite")}): "
            + $"{routes.Count} API routes ({routes.Count(r => r.Method == "GET")} GET, {routes.Count(r => r.Method != "GET")} writes) and {pages.Count} pages "
            + $"× {scoped.Count} scoped accounts × {samples.Records.Values.Sum(v => v.Count)} sample records ({records.Count} route-record pairs tried); "
            + $"{all.Count} requests ({writes} writes, {all.Count(c => c.Method == "EXPORT")} exports), "
            + $"statuses {string.Join(", ", all.GroupBy(c => (int)c.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}; "
            + $"foreign persons checked per account {string.Join(", ", foreign.Values.Select(f => $"{f.Account.Split('@')[0]} {f.Persons}"))}; "
            + $"leaks: {leaks.Count}; set-up {setUp.TotalSeconds:0.0} s, total {clock.Elapsed.TotalSeconds:0.0} s.");
        foreach (var leak in leaks.Take(40))
            output.WriteLine($"LEAK {leak.Account} {leak.Method} {leak.Url} ({(int)leak.Status}): {string.Join(" | ", leak.Leaks.Take(5))}");

        all.Count(c => c.Method is "GET" or "EXPORT" && c.Status == HttpStatusCode.OK).ShouldBeGreaterThan(1000, "the test must really read the application");
        leaks.ShouldBeEmpty(string.Join("\n", leaks.Take(40).Select(l => $"{l.Account} {l.Method} {l.Url} ({(int)l.Status}): {string.Join(" | ", l.Leaks.Take(5))}")));
    }

    private static async Task<Call> SendAsync(HttpClient client, string account, string method, string route, string url, string? body,
        ForeignPersons foreign)
    {
        using var request = new HttpRequestMessage(method == "EXPORT" ? HttpMethod.Get : new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        var leaks = foreign.Any ? LeakScanner.Find(LeakScanner.TextOf(type, bytes), foreign) : [];
        // A redirect's target is worth reading too.
        if (response.Headers.Location is { } location && foreign.Any) leaks = [.. leaks, .. LeakScanner.Find(Uri.UnescapeDataString(location.ToString()), foreign)];
        var list = method == "GET" && response.StatusCode == HttpStatusCode.OK && type?.Contains("html") == true
                   && Encoding.UTF8.GetString(bytes).Contains("handler=Export", StringComparison.Ordinal);
        return new Call(account, method, route, url, response.StatusCode, leaks, list);
    }

    private sealed record ApiRoute(string Method, string Path, IReadOnlyList<string> Query);

    /// <summary>
    /// The routes of the document: every GET; writes whose JSON body is required (sent empty: refused, never carried
    /// out); not the login (no scope) nor the imports (files, the spreadsheets' own tests).
    /// </summary>
    private static IEnumerable<ApiRoute> ApiRoutes(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.Contains("/auth/", StringComparison.Ordinal) || path.Name.Contains("/imports/", StringComparison.Ordinal) && !path.Name.Contains("templates"))
                continue;
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is not ("GET" or "POST" or "PUT" or "DELETE")) continue;
                if (method != "GET" && !(operation.Value.TryGetProperty("requestBody", out var requestBody)
                                         && requestBody.TryGetProperty("required", out var required) && required.GetBoolean()
                                         && requestBody.GetProperty("content").TryGetProperty("application/json", out _)))
                    continue;
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                yield return new ApiRoute(method, path.Name, query);
            }
        }
    }

    /// <summary>The pages of the application (their route templates), but the account pages (signing out is not a read).</summary>
    private IEnumerable<string> PageRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Where(p => !p.EndsWith("/Index", StringComparison.Ordinal) && p != "/Index" && !p.StartsWith("/Account", StringComparison.Ordinal)
                        && !p.StartsWith("/Error", StringComparison.Ordinal))
            .Distinct().Order();

    /// <summary>
    /// The addresses to call for a route: one per sample record of each parameter (the path segment before it names the
    /// kind); a list (no parameter) as it comes, then with each of its filters alone.
    /// </summary>
    private static IEnumerable<(string Url, string? Record)> Urls(string template, ScopeSamples samples, IReadOnlyList<string>? query)
    {
        var parameters = Parameter().Matches(template).ToList();
        if (parameters.Count == 0)
        {
            var list = query?.Contains("pageSize") == true ? "?pageSize=200" : "";
            yield return (template + list, null);
            if (query is null) yield break;
            foreach (var (name, value) in samples.Filters.Where(f => query.Contains(f.Name)))
                yield return ($"{template}{(list.Length == 0 ? "?" : list + "&")}{name}={Uri.EscapeDataString(value)}", null);
            yield break;
        }
        IEnumerable<(string Url, string Record)> urls = [(template, "")];
        foreach (var parameter in parameters)
        {
            var before = template[..parameter.Index].TrimEnd('/');
            var kind = parameter.Groups["name"].Value == "entryId" ? "career" : before[(before.LastIndexOf('/') + 1)..];
            var optional = parameter.Groups["optional"].Success;
            var values = samples.Records.GetValueOrDefault(kind) ?? (optional ? [""] : []);
            urls = urls.SelectMany(u => values.Select(v => (u.Url.Replace(parameter.Value, Uri.EscapeDataString(v)), $"{u.Record}{kind}={v};")));
        }
        foreach (var (url, record) in urls) yield return (url.Replace("//", "/"), record);
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
