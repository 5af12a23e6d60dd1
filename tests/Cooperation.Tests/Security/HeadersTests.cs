using System.Text.RegularExpressions;

namespace Cooperation.Tests.Security;

/// <summary>Every response carries the security headers and the Content-Security-Policy: pages, redirects, refusals, files.</summary>
public partial class HeadersTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static void ShouldCarrySecurityHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage!.RequestUri} ({(int)response.StatusCode})";
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", what);
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", what);
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin", what);
        var csp = Csp(response);
        csp["frame-ancestors"].ShouldBe("'none'", what);
        csp["default-src"].ShouldBe("'self'", what);
        csp["object-src"].ShouldBe("'none'", what);
        csp["script-src"].ShouldNotContain("unsafe-inline", customMessage: what);
        csp["script-src"].ShouldNotContain("unsafe-eval", customMessage: what);
        // Over plain http a browser ignores HSTS: it is not sent.
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(what);
    }

    private static Dictionary<string, string> Csp(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

    [Fact]
    public async Task Pages_redirects_refusals_errors_and_static_files_all_carry_the_headers()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var responses = new[]
        {
            await anonymous.GetAsync("/Account/Login"),
            await anonymous.GetAsync("/Network/Cooperants"), // 302 to the login page
            await anonymous.GetAsync("/api/v1/figures"), // 401
            await auditor.GetAsync("/api/v1/users"), // 403
            await anonymous.GetAsync("/nulle-part"), // 404
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "", password = "" }), // 400
            await anonymous.GetAsync("/css/site.css"),
            await anonymous.GetAsync("/js/map.js"),
            await anonymous.GetAsync("/health"),
            await anonymous.GetAsync("/openapi/v1.json"),
        };
        responses.Select(r => (int)r.StatusCode).ShouldBe([200, 302, 401, 403, 404, 400, 200, 200, 200, 200]);
        foreach (var response in responses) ShouldCarrySecurityHeaders(response);
        // Nothing inline: not a style attribute either.
        Csp(responses[0])["style-src"].ShouldBe("'self'");
    }

    [Fact]
    public async Task Pages_of_a_signed_in_user_and_api_answers_run_no_inline_script()
    {
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var page = await desk.GetAsync("/Reporting/Map");
        var api = await (await factory.ApiClientAsync(DemoAccounts.DeskAfrica)).GetAsync("/api/v1/postings");
        foreach (var response in new[] { page, api })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            ShouldCarrySecurityHeaders(response);
            Csp(response)["script-src"].ShouldBe("'self'");
        }
        // The map's scripts are files of this site; its data is a JSON block, which no policy needs to allow.
        var html = await page.Content.ReadAsStringAsync();
        Regex.Matches(html, "<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>").ShouldBeEmpty();
        html.ShouldNotContain(" style=\"");
    }

    [Fact]
    public async Task The_api_reference_runs_its_inline_script_with_a_new_nonce_of_its_policy_each_time()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/docs/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldCarrySecurityHeaders(response);
        var nonce = Nonce().Match(Csp(response)["script-src"]).Groups[1].Value;
        nonce.Length.ShouldBeGreaterThanOrEqualTo(22);
        var html = await response.Content.ReadAsStringAsync();
        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.ShouldAllBe(s => s.Contains($"nonce=\"{nonce}\""));
        Nonce().Match(Csp(await client.GetAsync("/api/docs/"))["script-src"]).Groups[1].Value.ShouldNotBe(nonce);
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=_-]+)'")]
    private static partial Regex Nonce();
}
