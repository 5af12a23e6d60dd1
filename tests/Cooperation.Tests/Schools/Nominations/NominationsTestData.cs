using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>
/// Sessions and candidates the nominations tests write on. Each test makes its own session and candidates
/// with names of their own, so that tests of one class do not see each other's writes.
/// </summary>
public static class NominationsTestData
{
    public static object Candidate(string firstName, string lastName, DateOnly birthDate, string gender = "Male", string administration = "ARM",
        string? nationality = null, string? email = null) => new
    {
        firstName, lastName, birthDate = birthDate.ToString("yyyy-MM-dd"), gender, administration, nationality,
        rank = "Capitaine", position = "Chef de section", email,
    };

    /// <summary>Nominates a candidate through the API and answers the 201's body.</summary>
    public static async Task<JsonElement> NominateAsync(this HttpClient api, int sessionId, object candidate, string? country = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/nominations", new { sessionId, country, candidate });
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"Nomination refused: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient api, int nominationId, string action, long? version = null) =>
        api.PostAsJsonAsync($"/api/v1/nominations/{nominationId}/{action}", new { version });

    public static Task<HttpResponseMessage> ScreenAsync(this HttpClient api, int nominationId, string outcome = "Cleared") =>
        api.PostAsJsonAsync($"/api/v1/nominations/{nominationId}/screening", new { outcome });

    public static async Task<JsonElement> GetNominationAsync(this HttpClient api, int nominationId) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{nominationId}");

    public static string Status(this JsonElement details) => details.GetProperty("nomination").GetProperty("status").GetString()!;

    /// <summary>The message the application gives for a rule's key, in a language: the wording lives in the resource files.</summary>
    public static string Message(this CooperationFactory factory, string language, string key, params object[] args)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language == "en" ? "en-GB" : "fr-FR");
            return factory.Services.GetRequiredService<IStringLocalizer<NominationsApiTests>>()[key, args].Value;
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

}
