using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Cooperation.Tests.Security;

/// <summary>One request of a fuzz run: who sends it, and how to build it (again, when a session has to be opened anew).</summary>
/// <param name="Target">What the request tries (a route, a form), for the figures of a run.</param>
public sealed record FuzzCase(string Role, string Target, string Describe, Func<HttpRequestMessage> Build);

/// <summary>
/// Sends the cases of a fuzz run, a few at a time, and keeps every answer of the server's own failing (5xx) with the
/// request that caused it. A case whose session was refused (401, or a page sent back to the login) is sent once more
/// with a new session, so that a request that ended its own session does not hide the requests after it.
/// </summary>
public sealed class FuzzRun(ITestOutputHelper output, string name)
{
    private readonly ConcurrentBag<string> _failures = [];
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentDictionary<string, long> _ticksByTarget = new();
    private int _sent;

    public int Sent => _sent;
    public IReadOnlyCollection<string> Failures => _failures;

    private int _unrenewed;

    public async Task RunAsync(IReadOnlyList<FuzzCase> cases, FuzzClients clients, int parallelism = 2)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (c, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            // The run's own writes may leave an account unable to sign in again (an administrator's fuzzed writes on
            // accounts): that role's remaining cases are counted, not sent.
            var session = clients.GetAsync(c.Role);
            if (await SignedInAsync(session) is not { } client) return;
            var status = await SendAsync(client, c);
            // A refused sign-in or refresh is the route's answer, not a session lost.
            if ((status == 401 && !c.Target.Contains("/auth/", StringComparison.Ordinal)) || status == -302)
            {
                if (await SignedInAsync(clients.RenewAsync(c.Role, session)) is not { } renewed) return;
                status = await SendAsync(renewed, c);
            }
            _byStatus.AddOrUpdate(Math.Abs(status), 1, (_, n) => n + 1);
            var elapsed = Stopwatch.GetTimestamp() - started;
            _ticksByTarget.AddOrUpdate(c.Target, elapsed, (_, t) => t + elapsed);
        });
        output.WriteLine($"{name}: {_sent} requests in {clock.Elapsed.TotalSeconds:F1} s, {_failures.Count} answered 5xx, {_unrenewed} not sent (role could not sign in again); by status: "
                         + string.Join(", ", _byStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}")));
        output.WriteLine("Slowest: " + string.Join(", ", _ticksByTarget.OrderByDescending(kv => kv.Value).Take(12)
            .Select(kv => $"{kv.Key} {kv.Value * 1000 / Stopwatch.Frequency} ms")));
        foreach (var failure in _failures.Take(40)) output.WriteLine(failure);
    }

    /// <returns>The signed-in client, or null (counted) when the role's sign-in was refused.</returns>
    private async Task<HttpClient?> SignedInAsync(Task<HttpClient> session)
    {
        try { return await session; }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            Interlocked.Increment(ref _unrenewed);
            return null;
        }
    }

    /// <returns>The status, negative for a redirect to the login page.</returns>
    private async Task<int> SendAsync(HttpClient client, FuzzCase c)
    {
        Interlocked.Increment(ref _sent);
        using var request = c.Build();
        var url = request.RequestUri?.ToString() ?? "";
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            if (status >= 500)
                _failures.Add($"{status} {request.Method} {Excerpt(url)} as {c.Role}: {c.Describe} → {Excerpt(System.Text.Encoding.UTF8.GetString(body))}");
            if (status == 302 && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true)
                return -302;
            return status;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The test server rethrows what the application let escape: a server error as much as a 500.
            _failures.Add($"exception {request.Method} {Excerpt(url)} as {c.Role}: {c.Describe} → {e.GetType().Name}: {Excerpt(e.Message)}");
            return 500;
        }
    }

    public static string Excerpt(string text) =>
        JsonSerializer.Serialize(text.Length > 160 ? text[..160] + $"…({text.Length} chars)" : text)[1..^1];
}

/// <summary>One signed-in client a role (a token, or cookies), signed in again when asked (its session refused).</summary>
public sealed class FuzzClients(Func<string, Task<HttpClient>> signIn)
{
    private readonly Dictionary<string, Task<HttpClient>> _clients = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// A new session for a role whose session <paramref name="refused"/> was refused, unless another request has renewed
    /// it already: requests refused together share one new sign-in rather than each signing in again at once.
    /// </summary>
    public Task<HttpClient> RenewAsync(string role, Task<HttpClient> refused)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(role, out var current) || current == refused) _clients[role] = current = signIn(role);
            return current;
        }
    }

    /// <summary>The role's session, signed in at the first call.</summary>
    public Task<HttpClient> GetAsync(string role)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(role, out var client)) _clients[role] = client = signIn(role);
            return client;
        }
    }
}
