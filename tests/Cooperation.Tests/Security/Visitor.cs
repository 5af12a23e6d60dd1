using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cooperation.Tests.Security;

/// <summary>
/// A browser whose cookies a test can see and copy: <see cref="Copy"/> keeps a session's cookie as it was (the cookie an
/// attacker copied, or a second tab), whatever the original visitor does next.
/// </summary>
public sealed partial class Visitor(HttpClient http)
{
    private readonly Dictionary<string, string> _cookies = new();

    public static Visitor Of(CooperationFactory factory, string? baseAddress = null) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(baseAddress ?? "http://localhost"),
        }));

    /// <summary>The cookies of the authentication (the session itself).</summary>
    public bool HasSessionCookie => _cookies.Keys.Any(k => k.StartsWith("coop.auth", StringComparison.Ordinal));

    public Visitor Copy()
    {
        var copy = new Visitor(http);
        foreach (var (name, value) in _cookies) copy._cookies[name] = value;
        return copy;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=')];
            var value = pair[(pair.IndexOf('=') + 1)..];
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
            else _cookies[name] = value;
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Posts a form with the anti-forgery token of the form on <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string tokenPage, params (string Name, string Value)[] fields)
    {
        var html = await (await GetAsync(tokenPage)).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No anti-forgery token on {tokenPage}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token.Groups[1].Value));
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    public async Task<Visitor> SignInAsync(string email, string password = CooperationFactory.Password)
    {
        var response = await PostFormAsync("/Account/Login", "/Account/Login", ("Email", email), ("Password", password));
        if (response.StatusCode != HttpStatusCode.Redirect || !HasSessionCookie)
            throw new InvalidOperationException($"Login of {email} failed: {response.StatusCode}");
        return this;
    }

    /// <summary>What a page answers this visitor: 200, or 302 to the login page once the session has ended.</summary>
    public async Task<HttpStatusCode> PageStatusAsync(string path) => (await GetAsync(path)).StatusCode;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>The tokens an API client got from POST /api/v1/auth/login.</summary>
public sealed record ApiTokens(string AccessToken, string RefreshToken)
{
    public static async Task<ApiTokens> SignInAsync(HttpClient client, string email, string password = CooperationFactory.Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, object? json = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return request;
    }
}
