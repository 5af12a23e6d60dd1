using System.Security.Claims;
using Cooperation.Tests.Admin.PersonalData;
using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Shared;

/// <summary>The application with every request counted slow (Performance:SlowRequestMs 0), its log captured.</summary>
public class SlowRequestLoggingFactory : CooperationFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Performance:SlowRequestMs", "0");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>
/// What operators see: the Prometheus metrics on /metrics, for an administrator (or a configured scraper's address) and
/// nobody else; slow requests logged with their route, status, duration and the user's id, never the query string.
/// </summary>
public class ObservabilityTests(SlowRequestLoggingFactory factory) : IClassFixture<SlowRequestLoggingFactory>
{
    [Fact]
    public async Task The_metrics_answer_an_administrator_and_refuse_anyone_else()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        await admin.GetAsync("/api/v1/figures");
        var scrape = await admin.GetAsync("/metrics");
        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await scrape.Content.ReadAsStringAsync();
        text.ShouldContain("http_server_request_duration_seconds");
        text.ShouldContain("# TYPE");
        // Every route its own series, the runtime's and EF Core's metrics beside them, none folded into the overflow.
        text.ShouldContain("http_route=\"/api/v1/figures\"");
        text.ShouldContain("dotnet_gc_collections_total");
        text.ShouldContain("microsoft_entityframeworkcore_queries_total");
        text.ShouldNotContain("otel_metric_overflow");

        var adminPage = await factory.PageClientAsync(DemoAccounts.Admin);
        (await adminPage.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await factory.CreateClient().GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var account in new[] { DemoAccounts.Director, DemoAccounts.Auditor, DemoAccounts.DeskAfrica })
            (await (await factory.ApiClientAsync(account)).GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, account);
    }

    [Fact]
    public void A_scraper_is_let_in_only_from_a_configured_address()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var allowed = new[] { System.Net.IPNetwork.Parse("10.20.0.0/16"), System.Net.IPNetwork.Parse("192.0.2.7/32") };
        Access.MayScrapeMetrics(anonymous, IPAddress.Parse("10.20.3.4"), allowed).ShouldBeTrue();
        Access.MayScrapeMetrics(anonymous, IPAddress.Parse("::ffff:192.0.2.7"), allowed).ShouldBeTrue();
        Access.MayScrapeMetrics(anonymous, IPAddress.Parse("10.21.3.4"), allowed).ShouldBeFalse();
        Access.MayScrapeMetrics(anonymous, IPAddress.Loopback, []).ShouldBeFalse();
        Access.MayScrapeMetrics(anonymous, null, allowed).ShouldBeFalse();
    }

    [Fact]
    public async Task A_slow_request_is_logged_with_its_route_duration_and_user_but_not_its_query()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var userId = factory.WithDb(db => db.Users.Single(u => u.Email == DemoAccounts.Director).Id);
        factory.Logs.Messages.Clear();
        (await director.GetAsync("/api/v1/cooperants?search=Zorglubovic")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The line is written once the answer has left: the client may read it first.
        bool Logged((string Category, LogLevel Level, string Message) m) => m.Level == LogLevel.Warning && m.Message.Contains("GET ")
            && m.Message.Contains("/api/v1/cooperants") && m.Message.Contains(" answered 200 in ") && m.Message.EndsWith(" ms for user " + userId, StringComparison.Ordinal);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!SlowLines().Any(Logged) && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
        var slow = SlowLines();
        slow.Any(Logged).ShouldBeTrue(string.Join("\n", factory.Logs.Messages.Select(m => m.Category + ": " + m.Message)));
        slow.ShouldNotContain(m => m.Message.Contains("Zorglubovic"));
    }

    private List<(string Category, LogLevel Level, string Message)> SlowLines() =>
        factory.Logs.Messages.Where(m => m.Category == "Cooperation.Web.SlowRequests").ToList();
}
