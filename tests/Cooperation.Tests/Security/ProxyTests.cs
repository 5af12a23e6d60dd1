using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cooperation.Tests.Security;

/// <summary>
/// Behind a reverse proxy: the login budget counts the real client's address, which only a known proxy may tell, and
/// only login attempts; TLS ended at a known proxy gets HSTS and Secure cookies, as TLS served directly does.
/// </summary>
public class ProxyTests(ProxiedFactory factory) : IClassFixture<ProxiedFactory>
{
    /// <summary>A request as it arrives from <paramref name="peer"/> (the TCP connection's address), with the headers given.</summary>
    private async Task<HttpContext> SendAsync(string peer, string method, string path, params (string Name, string Value)[] headers)
    {
        return await factory.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            http.Request.Method = method;
            http.Request.Path = path;
            foreach (var (name, value) in headers) http.Request.Headers[name] = value;
            if (method == "POST")
            {
                var body = Encoding.UTF8.GetBytes("""{"email":"personne@nulle-part.example","password":"Quelconque-123!"}""");
                http.Request.ContentType = "application/json";
                http.Request.ContentLength = body.Length;
                http.Request.Body = new MemoryStream(body);
                http.Features.Set<IHttpRequestBodyDetectionFeature>(new WithBody());
            }
        });
    }

    private async Task<int> AttemptAsync(string peer, params (string, string)[] headers) =>
        (await SendAsync(peer, "POST", "/api/v1/auth/login", headers)).Response.StatusCode;

    /// <summary>The test server takes a request it built without content for one without a body.</summary>
    private sealed class WithBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    [Fact]
    public async Task Opening_the_login_page_is_free_and_attempts_count_per_real_client()
    {
        const string direct = "203.0.113.10";
        for (var i = 0; i < 6; i++) (await SendAsync(direct, "GET", "/Account/Login")).Response.StatusCode.ShouldBe(200);
        for (var i = 0; i < 3; i++) (await AttemptAsync(direct)).ShouldBe(401);
        var refused = await SendAsync(direct, "POST", "/api/v1/auth/login");
        refused.Response.StatusCode.ShouldBe(429);
        refused.Response.Headers.RetryAfter.ToString().ShouldBe("60");
        refused.Response.ContentType!.ShouldStartWith("application/problem+json");
        // A client naming another address itself gains nothing: it is no proxy.
        (await AttemptAsync(direct, ("X-Forwarded-For", "198.51.100.99"))).ShouldBe(429);
        // The page still opens.
        (await SendAsync(direct, "GET", "/Account/Login")).Response.StatusCode.ShouldBe(200);

        // Through the proxy, each client has its budget, whichever known proxy (an address, or one of a network) forwards it.
        for (var i = 0; i < 3; i++) (await AttemptAsync(ProxiedFactory.Proxy.ToString(), ("X-Forwarded-For", "198.51.100.20"))).ShouldBe(401);
        (await AttemptAsync(ProxiedFactory.Proxy.ToString(), ("X-Forwarded-For", "198.51.100.20"))).ShouldBe(429);
        (await AttemptAsync("192.168.50.3", ("X-Forwarded-For", "198.51.100.20"))).ShouldBe(429);
        (await AttemptAsync(ProxiedFactory.Proxy.ToString(), ("X-Forwarded-For", "198.51.100.21"))).ShouldBe(401);
        // A spoofed first hop is not believed: the proxy's right-most entry is the client.
        (await AttemptAsync(ProxiedFactory.Proxy.ToString(), ("X-Forwarded-For", "198.51.100.77, 198.51.100.20"))).ShouldBe(429);
    }

    [Fact]
    public async Task Tls_ended_at_a_known_proxy_gets_hsts_and_secure_cookies()
    {
        var proxied = await SendAsync(ProxiedFactory.Proxy.ToString(), "GET", "/Account/Login",
            ("X-Forwarded-For", "198.51.100.30"), ("X-Forwarded-Proto", "https"), ("Host", "cooperation.example"));
        proxied.Response.StatusCode.ShouldBe(200);
        proxied.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000");
        var cookies = proxied.Response.Headers.SetCookie.ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c!.Contains("; secure") && c.Contains("; httponly"));

        // The same headers from anyone else are ignored.
        var spoofed = await SendAsync("203.0.113.40", "GET", "/Account/Login", ("X-Forwarded-Proto", "https"), ("Host", "cooperation.example"));
        spoofed.Response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse();
        spoofed.Response.Headers.SetCookie.ShouldAllBe(c => !c!.Contains("; secure"));
    }

    [Fact]
    public async Task Tls_served_directly_gets_hsts_and_a_secure_session_cookie()
    {
        var visitor = Visitor.Of(factory, "https://cooperation.example");
        var login = await visitor.PostFormAsync("/Account/Login", "/Account/Login", ("Email", DemoAccounts.Auditor), ("Password", CooperationFactory.Password));
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coop.auth="));
        session.ShouldContain("; secure");
        session.ShouldContain("; httponly");
        session.ShouldContain("; samesite=lax");
        // Refusals too.
        var refused = await factory.CreateClient(new() { BaseAddress = new Uri("https://cooperation.example") }).GetAsync("/api/v1/figures");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
    }
}
