namespace Cooperation.Tests.Infrastructure;

/// <summary>How tests talk to the application as a browser or an API client would (imported everywhere by a global using static).</summary>
public static class TestHttp
{
    /// <summary>Posts a form with the anti-forgery token of the form page (<paramref name="tokenPage"/>, else the same address).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields,
        string? tokenPage = null)
    {
        var token = await CooperationFactory.AntiforgeryTokenAsync(client, tokenPage ?? path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? tokenPage = null) =>
        PostFormAsync(client, path, (IEnumerable<KeyValuePair<string, string>>)fields, tokenPage);

    public static Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        PostFormAsync(client, path, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A page's HTML with its entities decoded, as a reader sees the text.</summary>
    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> HtmlAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    /// <summary>The count a list page prints above its table, as a French reader sees it ("1 468 résultat(s)").</summary>
    public static string ResultCount(int total) => $"{total.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} résultat(s)";

    /// <summary>A whole number as a page writes it, with its thousands separators (1 234, 1,234) and any unit around it.</summary>
    public static int Figure(string? text) => int.Parse(System.Text.RegularExpressions.Regex.Replace(text ?? "", @"\D", ""));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The first message of a field in a ValidationProblem.</summary>
    public static string FirstError(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    /// <summary>The errors of a 400 ValidationProblem, by field.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
