using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Cooperation.Tests.Infrastructure;
using Cooperation.Web.Data;
using Cooperation.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>The training demo accounts: the director of EMPABB (Bamako) and the liaison officer of Côte d'Ivoire.</summary>
public static class TrainingAccounts
{
    public const string SchoolDirector = "school.director@demo.local";
    public const string LiaisonCi = "liaison.ci@demo.local";
}

/// <summary>
/// Sessions and candidates the nominations tests write on. Each test makes its own session and candidates
/// with names of their own, so that tests of one class do not see each other's writes.
/// </summary>
public static class NominationsTestData
{
    /// <summary>A name nobody else in the database bears: letters only, as names are matched on letters.</summary>
    public static string UniqueName(string stem) =>
        stem + new string(Guid.NewGuid().ToString("N")[..8].Select(c => c <= '9' ? (char)('a' + (c - '0')) : (char)('k' + (c - 'a'))).ToArray());

    /// <summary>
    /// A session of a new course of the school, starting in two months, with quotas by ISO2 code. Quotas are written as
    /// given (a capacity lowered after the quotas were set is how a session gets fewer seats than its quotas).
    /// </summary>
    public static Task<int> SessionAsync(this CooperationFactory factory, int capacity, Dictionary<string, int> quotas,
        string school = "EMPABB", SessionStatus status = SessionStatus.Open) => factory.WithDbAsync(async db =>
    {
        var schoolId = await db.RegionalSchools.Where(s => s.Acronym == school).Select(s => s.Id).SingleAsync();
        var domainId = await db.Domains.Where(d => d.Code == "PEACEKEEPING").Select(d => d.Id).SingleAsync();
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var course = new Course
        {
            SchoolId = schoolId, Code = code, TitleFr = $"Stage d'essai {code}", TitleEn = $"Test course {code}",
            DomainId = domainId, Level = CourseLevel.Intermediate, DurationDays = 12, Languages = "fr,en",
        };
        var start = DateOnly.FromDateTime(DateTime.Today).AddDays(60);
        var session = new CourseSession { Course = course, StartDate = start, EndDate = start.AddDays(11), Place = "Bamako", Capacity = capacity, Status = status };
        foreach (var (iso2, seats) in quotas)
            session.Quotas.Add(new SessionQuota { CountryId = await db.Countries.Where(c => c.Iso2 == iso2).Select(c => c.Id).SingleAsync(), Seats = seats });
        db.CourseSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

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

    /// <summary>The errors of a 400 ValidationProblem, by field.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
