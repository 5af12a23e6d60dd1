using System.Text.RegularExpressions;
using Cooperation.Tests.Schools.Import;

namespace Cooperation.Tests.Schools.Trainees;

/// <summary>
/// One rule set for a trainee's identity, and for the session's rules, whichever way the candidate comes in: the same
/// candidate sent through the nomination form, the API and the Excel import gets the same verdict, accepted or refused
/// on the same field; a trainee's correction agrees on his identity (a correction has no course, so no audience).
/// </summary>
public partial class TraineeIdentityTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private const string Accepted = "accepted";

    private sealed record Candidate(string FirstName, string LastName, DateOnly BirthDate, string Gender, string Nationality, string Administration,
        string? Email)
    {
        /// <summary>A candidate of Côte d'Ivoire, 30 years old, in the course's audience, a name of his own; one field as given.</summary>
        public static Candidate With(string field, string value, string stem)
        {
            var c = new Candidate("Ana", UniqueName(stem), TestData.Today.AddYears(-30), "F", "CI", "INT", "ana.kone@example.org");
            return field switch
            {
                "age" => c with { BirthDate = TestData.Today.AddYears(-int.Parse(value)) },
                "gender" => c with { Gender = value },
                "email" => c with { Email = value },
                "lastName" => c with { LastName = value },
                "administration" => c with { Administration = value },
                "nationality" => c with { Nationality = value },
                _ => throw new ArgumentException(field),
            };
        }
    }

    [Theory]
    [InlineData("age", "15", "birthDate")]
    [InlineData("age", "16", null)]
    [InlineData("age", "90", null)]
    [InlineData("age", "91", "birthDate")]
    [InlineData("gender", "F", null)]
    [InlineData("gender", "Femme", null)]
    [InlineData("gender", "female", null)]
    [InlineData("gender", "Masculin", null)]
    [InlineData("gender", "x", "gender")]
    [InlineData("email", "ana.kone@police.gouv.ci", null)]
    [InlineData("email", "pas une adresse", "email")]
    [InlineData("email", "ana@localhost", "email")]
    [InlineData("lastName", "---", "lastName")]
    [InlineData("lastName", "007", "lastName")]
    [InlineData("administration", "DOU", null)]
    [InlineData("administration", "ARM", "administration")]
    [InlineData("nationality", "QQ", "nationality")]
    public async Task The_form_the_API_and_the_import_give_the_same_verdict(string field, string value, string? refusedOn)
    {
        // A course open to Interior and Customs only.
        var sessionId = (await factory.SessionAsync(audience: ["INT", "DOU"], quotas: new() { ["CI"] = 10 })).Id;
        var expected = refusedOn is null ? Accepted : $"refused on {refusedOn}";

        var verdicts = new Dictionary<string, string>
        {
            ["form"] = await ByFormAsync(sessionId, Candidate.With(field, value, "Form")),
            ["api"] = await ByApiAsync(sessionId, Candidate.With(field, value, "Api")),
            ["import"] = await ByImportAsync(sessionId, Candidate.With(field, value, "Import")),
        };
        // A correction of a trainee's record knows no course: the audience is a nomination's rule.
        if (field != "administration") verdicts["correction"] = await ByCorrectionAsync(Candidate.With(field, value, "Edit"));

        verdicts.ShouldBe(verdicts.Keys.ToDictionary(path => path, _ => expected));
    }

    private async Task<string> ByFormAsync(int sessionId, Candidate c)
    {
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var response = await PostFormAsync(desk, "/Schools/Nominations/Create", new()
        {
            ["SessionId"] = sessionId.ToString(), ["Country"] = "CI", ["FirstName"] = c.FirstName, ["LastName"] = c.LastName,
            ["BirthDate"] = c.BirthDate.ToString("yyyy-MM-dd"), ["Gender"] = c.Gender, ["Nationality"] = c.Nationality,
            ["Administration"] = c.Administration, ["Rank"] = "Commissaire", ["Position"] = "Cheffe de brigade", ["Email"] = c.Email ?? "",
        });
        if (response.StatusCode == HttpStatusCode.Redirect) return Accepted;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fields = FieldError().Matches(await HtmlAsync(response)).Select(m => m.Groups[1].Value);
        return Refused(fields.Select(f => char.ToLowerInvariant(f[0]) + f[1..]));
    }

    private async Task<string> ByApiAsync(int sessionId, Candidate c)
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var response = await desk.PostAsJsonAsync("/api/v1/nominations", new
        {
            sessionId, country = "CI",
            candidate = new
            {
                c.FirstName, c.LastName, birthDate = c.BirthDate.ToString("yyyy-MM-dd"), c.Gender, c.Nationality, c.Administration,
                rank = "Commissaire", position = "Cheffe de brigade", c.Email,
            },
        });
        if (response.StatusCode == HttpStatusCode.Created) return Accepted;
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return Refused((await response.ErrorsAsync()).Keys);
    }

    private async Task<string> ByImportAsync(int sessionId, Candidate c)
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var file = ImportTestData.Nominations([
            new Import.Candidate(c.LastName, c.FirstName, c.BirthDate, c.Gender, c.Nationality, c.Administration, "Commissaire", "Cheffe de brigade", c.Email),
        ]);
        var response = await desk.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(file));
        if (response.StatusCode == HttpStatusCode.OK) return Accepted;
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rows = (await JsonAsync(response)).GetProperty("rowErrors").EnumerateArray().ToList();
        rows.ShouldAllBe(e => e.GetProperty("row").GetInt32() == 2);
        return Refused(rows.Select(e => e.GetProperty("field").GetString()!));
    }

    private async Task<string> ByCorrectionAsync(Candidate c)
    {
        var trainee = await factory.TraineeAsync("CI");
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var version = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}")).GetProperty("version").GetInt64();
        var response = await desk.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", new
        {
            c.FirstName, c.LastName, birthDate = c.BirthDate.ToString("yyyy-MM-dd"), c.Gender, c.Nationality, c.Administration,
            rank = "Commissaire", position = "Cheffe de brigade", c.Email, version,
        });
        if (response.StatusCode == HttpStatusCode.OK) return Accepted;
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return Refused((await response.ErrorsAsync()).Keys);
    }

    private static string Refused(IEnumerable<string> fields) => "refused on " + string.Join(", ", fields.Distinct().Order());

    [GeneratedRegex("data-testid=\"error-(\\w+)\"")]
    private static partial Regex FieldError();
}
