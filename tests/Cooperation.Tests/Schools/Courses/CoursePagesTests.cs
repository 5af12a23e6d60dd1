using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Cooperation.Tests.Schools.Courses;

/// <summary>The catalogue pages as their users see and fill them (forms with anti-forgery, errors next to the fields).</summary>
public class CoursePagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.EnsureTestAccountsAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> CourseForm(string code, string titleFr, string titleEn, params string[] audience)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Code", code), new("TitleFr", titleFr), new("TitleEn", titleEn), new("Domain", "PEACEKEEPING"),
            new("Level", "Intermediate"), new("DurationDays", "21"), new("Languages", "fr"), new("Languages", "en"), new("Active", "true"),
        };
        fields.AddRange(audience.Select(a => new KeyValuePair<string, string>("Audience", a)));
        return fields;
    }

    [Fact]
    public async Task A_school_director_adds_a_course_through_the_form_and_finds_it_on_his_school_s_page()
    {
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var form = await page.GetStringAsync("/Schools/Courses/Create");
        var schools = Regex.Match(form, "<select class=\"fr-select\" id=\"School\".*?</select>", RegexOptions.Singleline).Value;
        Regex.Matches(schools, "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ShouldBe(["EMPABB"]);
        foreach (var field in new[] { "Code", "TitleFr", "TitleEn", "Domain", "Level", "DurationDays" })
            form.ShouldContain($"id=\"{field}\" name=\"{field}\"");
        form.ShouldContain("id=\"Audience-DOU\" name=\"Audience\" value=\"DOU\"");

        var fields = CourseForm("T-PAGE-COURSE", "Officier d'état-major en opération de paix (formulaire)", "Staff officer course", "ARM", "INT");
        fields.Add(new("School", "EMPABB"));
        var response = await PostFormAsync(page, "/Schools/Courses/Create", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.WithDbAsync(db => db.Courses.Where(c => c.Code == "T-PAGE-COURSE").Select(c => c.Id).SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Schools/Courses/{id}");
        var details = WebUtility.HtmlDecode(await page.GetStringAsync($"/Schools/Courses/{id}"));
        details.ShouldContain("La formation a été ajoutée au catalogue.");
        details.ShouldContain("Officier d'état-major en opération de paix (formulaire)");
        details.ShouldContain("data-testid=\"new-session\"");
        details.ShouldContain("français, anglais");

        var school = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/EMPABB"));
        school.ShouldContain("data-testid=\"school-catalogue\"");
        school.ShouldContain($"href=\"/Schools/Courses/{id}\">Officier d'état-major en opération de paix (formulaire)</a>");
        school.ShouldContain("data-testid=\"school-upcoming\"");
        school.ShouldContain("data-testid=\"school-new-course\"");
    }

    [Fact]
    public async Task Course_form_errors_show_next_to_their_fields_in_French_and_in_English()
    {
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var fields = CourseForm("mauvais code", "", "Staff officer course (refused)");
        fields.Add(new("School", "EMPABB"));
        fields.RemoveAll(f => f.Key == "DurationDays");
        fields.Add(new("DurationDays", "douze"));

        var response = await PostFormAsync(page, "/Schools/Courses/Create", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain("data-testid=\"error-DurationDays\">Saisissez un nombre entier.</p>");

        fields.RemoveAll(f => f.Key is "DurationDays" or "__RequestVerificationToken");
        fields.Add(new("DurationDays", "12"));
        html = await HtmlAsync(await PostFormAsync(page, "/Schools/Courses/Create", fields));
        html.ShouldContain("data-testid=\"error-Code\">Le code de la formation s'écrit en lettres capitales");
        html.ShouldContain("data-testid=\"error-TitleFr\">Le champ « Intitulé en français » est obligatoire.</p>");
        html.ShouldContain("data-testid=\"error-Audience\">Indiquez au moins une administration à laquelle la formation est ouverte.</p>");
        html.ShouldContain("fr-fieldset fr-fieldset--error");
        html.ShouldContain("value=\"Staff officer course (refused)\"");
        html.ShouldNotContain("data-testid=\"error-TitleEn\"");

        var english = await factory.PageClientAsync(DemoAccounts.SchoolDirector, language: "en");
        var en = new List<KeyValuePair<string, string>>(fields.Where(f => f.Key != "__RequestVerificationToken"));
        html = await HtmlAsync(await PostFormAsync(english, "/Schools/Courses/Create", en));
        html.ShouldContain("data-testid=\"error-TitleFr\">The field \"Title in French\" is required.</p>");
        html.ShouldContain("data-testid=\"error-Audience\">Give at least one administration the course is open to.</p>");
        (await factory.WithDbAsync(db => db.Courses.CountAsync(c => c.TitleEn == "Staff officer course (refused)"))).ShouldBe(0);
    }

    [Fact]
    public async Task The_catalogue_exports_to_CSV_and_Excel()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var courses = (await api.GetFromJsonAsync<JsonElement>("/api/v1/courses?school=EMPABB")).GetProperty("total").GetInt32();
        courses.ShouldBeGreaterThan(0);
        var csv = await page.GetByteArrayAsync("/Schools/Courses?School=EMPABB&handler=Export&format=csv");
        var lines = System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("École;Code de la formation;Intitulé en français");
        lines.Length.ShouldBe(courses + 1);
        var english = await factory.PageClientAsync(DemoAccounts.Director, language: "en");
        var xlsxEn = await english.GetAsync("/Schools/Courses?School=EMPABB&handler=Export&format=xlsx");
        using var book = new XLWorkbook(await xlsxEn.Content.ReadAsStreamAsync());
        book.Worksheets.First().Cell(1, 2).GetString().ShouldBe("Course code");
        book.Worksheets.First().LastRowUsed()!.RowNumber().ShouldBe(courses + 1);
    }
}
