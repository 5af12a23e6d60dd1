using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// What every response carries (security headers, a Content-Security-Policy with a new nonce where a response has an
/// inline script, HSTS over TLS), the proxies whose forwarded client address and scheme are believed, and the flags of
/// every cookie.
/// </summary>
public static class SecuritySetup
{
    private const string NonceKey = "coop.csp-nonce";

    /// <summary>
    /// Forwarded headers are believed only from the proxies listed in <c>Security:KnownProxies</c> (addresses or
    /// networks such as 10.0.0.0/8, comma-separated or as a list); anyone else's X-Forwarded-For is ignored, so that a
    /// client cannot choose the address the login limit counts. Cookies are Secure whenever the request came over TLS
    /// (directly or through such a proxy), and never readable by scripts.
    /// </summary>
    public static IServiceCollection AddCooperationSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Not even loopback by default: a proxy on the same machine is listed like any other.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Each hop is believed only when the one after it is a known proxy: a chain of them may be unwound.
            o.ForwardLimit = null;
            foreach (var entry in KnownProxies(config))
            {
                if (entry.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        return services;
    }

    private static IEnumerable<string> KnownProxies(IConfiguration config)
    {
        var section = config.GetSection("Security:KnownProxies");
        var values = section.Value is { } joined ? joined.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    /// <summary>
    /// First in the pipeline: the client's real address and scheme (from known proxies), then the headers of every
    /// response, written as it starts, so that redirects, 401/403, errors and static files carry them too.
    /// </summary>
    public static WebApplication UseCooperationSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                WriteHeaders(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// The nonce of this response's Content-Security-Policy, for an inline script that must run: drawn at the first
    /// call, before the response starts (its header carries it). A response with no such script carries the policy
    /// without a nonce, so that it runs no inline script at all. Drawn for every request, it cost an API list a sixth of
    /// its time under 16 connections: OpenSSL's generator is shared by every thread.
    /// </summary>
    public static string CspNonce(this HttpContext http)
    {
        if (http.Items.TryGetValue(NonceKey, out var drawn)) return (string)drawn!;
        if (http.Response.HasStarted) throw new InvalidOperationException("The nonce of a response is drawn before the response starts.");
        return DrawNonce(http);
    }

    private static string DrawNonce(HttpContext http)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        // URL-safe base64: no '+' or '/', which a page's HTML encoder would write as entities beside the header's value.
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(bytes);
        http.Items[NonceKey] = nonce;
        return nonce;
    }

    private static void WriteHeaders(HttpContext http)
    {
        var scripts = http.Items.TryGetValue(NonceKey, out var nonce) ? $"'self' 'nonce-{nonce}'" : "'self'";
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The API reference (Scalar) styles itself at run time; the application's own pages need no inline style.
        var styles = http.Request.Path.StartsWithSegments("/api/docs") ? "'self' 'unsafe-inline'" : "'self'";
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src {scripts}; style-src {styles}; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        // Over TLS only (a browser ignores it otherwise), and not for a developer's localhost, which it would pin to https.
        if (http.Request.IsHttps && !IsLoopback(http.Request.Host.Host))
            headers.StrictTransportSecurity = "max-age=31536000";
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>Where a <c>returnUrl</c> may lead: a path of this site, never another host.</summary>
public static class LocalUrls
{
    /// <summary>
    /// "/..." but neither "//host" nor "/\host" (browsers read both as another host), nor control characters; no
    /// absolute address. The same rule as <c>LocalRedirect</c>, checked before it rather than failing in it.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The address if it is local, the dashboard otherwise.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
