using Cooperation.Web.Features.Shared;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;

namespace Cooperation.Tests.Security;

/// <summary>
/// Input that used to fail the server or slip into the records: dates out of any sane range, control characters in
/// names, posts to pages that take none. Each is refused with a message naming the field, in the user's language,
/// whichever the entry (API body or query string, form, page address).
/// </summary>
public class BadInputTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private const string Range = "1900-01-01";

    [Fact]
    public async Task A_session_ending_on_9999_12_31_is_refused_and_one_written_before_leaves_every_calendar_whole()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        var courseId = await factory.CourseAsync();

        var refused = await api.PostAsJsonAsync("/api/v1/sessions", new { courseId, startDate = "2030-03-01", endDate = "9999-12-31", capacity = 10, place = "Bamako" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(refused), "endDate").ShouldBe("The field \"endDate\" (9999-12-31) must be a date between 1900-01-01 and 2100-12-31.");
        (await factory.WithDbAsync(db => db.CourseSessions.CountAsync(s => s.CourseId == courseId))).ShouldBe(0);

        // A session that ended on the last day of the calendar before the rule (written straight to the database).
        var endless = await factory.SessionAsync(courseId: courseId, status: SessionStatus.Open);
        await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Id == endless.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndDate, DateOnly.MaxValue)));
        foreach (var account in new[] { DemoAccounts.Admin, DemoAccounts.LiaisonCi, DemoAccounts.SchoolDirector })
        {
            var calendar = await (await factory.ApiClientAsync(account)).GetAsync("/api/v1/sessions/calendar.ics?pageSize=200");
            calendar.StatusCode.ShouldBe(HttpStatusCode.OK, account);
            var ics = await calendar.Content.ReadAsStringAsync();
            ics.ShouldContain($"UID:session-{endless.Id}@cooperation.dcsd");
            ics.ShouldContain("DTEND;VALUE=DATE:99991231");
        }
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        (await page.GetAsync($"/Schools/Sessions?handler=Ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_audit_trail_asked_for_a_period_ending_on_9999_12_31_says_so_beside_the_field()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var response = await api.GetAsync("/api/v1/audit?to=9999-12-31");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(response), "to").ShouldBe("Le champ « to » (9999-12-31) doit être une date comprise entre le 1900-01-01 et le 2100-12-31.");
        (await api.GetAsync("/api/v1/audit?from=0001-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/audit?from=2020-01-01&to=2100-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await factory.PageClientAsync(DemoAccounts.Admin, "en");
        foreach (var to in new[] { "9999-12-31", "31/12/9999" })
        {
            var shown = await page.GetAsync($"/Admin/Audit?to={Uri.EscapeDataString(to)}");
            shown.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HtmlAsync(shown)).ShouldContain("Enter a date between 1900-01-01 and 2100-12-31.");
        }
    }

    [Fact]
    public async Task A_vacancy_filled_in_year_9999_is_refused_on_its_start_date()
    {
        var vacancyId = await factory.WithDbAsync(db => db.Vacancies.Where(v => v.FilledByPostingId == null).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var cooperantId = await factory.WithDbAsync(db => db.Cooperants.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var response = await api.PostAsJsonAsync($"/api/v1/vacancies/{vacancyId}/fill", new { cooperantId, startDate = "9999-06-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(response), "startDate").ShouldContain("9999-06-01");
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var form = await PostFormAsync(page, $"/Network/Vacancies/{vacancyId}/Fill", new()
        {
            ["CooperantId"] = cooperantId.ToString(), ["StartDate"] = "9999-06-01", ["PlannedEndDate"] = "",
        });
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(form)).ShouldContain("Saisissez une date comprise entre le 1900-01-01 et le 2100-12-31.");
        (await factory.WithDbAsync(db => db.Vacancies.Where(v => v.Id == vacancyId).Select(v => v.FilledByPostingId).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Dates_of_year_1_are_refused_from_the_API_and_from_forms()
    {
        var cooperantId = await factory.WithDbAsync(db => db.Cooperants.OrderByDescending(c => c.Id).Skip(1).Select(c => c.Id).FirstAsync());
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var posting = await api.PostAsJsonAsync("/api/v1/postings", new
        {
            cooperantId, country = "SN", hostAuthorityType = "GENERAL_STAFF", hostAuthorityName = "État-major", positionTitle = "Conseiller",
            startDate = "0001-01-01", plannedEndDate = "2031-01-01",
        });
        posting.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(posting), "startDate").ShouldBe($"Le champ « startDate » (0001-01-01) doit être une date comprise entre le {Range} et le 2100-12-31.");
        (await api.GetAsync("/api/v1/sessions?from=0001-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var form = await PostFormAsync(page, "/Network/Postings/Create", new()
        {
            ["CooperantId"] = cooperantId.ToString(), ["Destination"] = "country:SN", ["HostAuthorityType"] = "GENERAL_STAFF",
            ["HostAuthorityName"] = "État-major", ["PositionTitle"] = "Conseiller", ["StartDate"] = "01/01/0001", ["PlannedEndDate"] = "2031-01-01",
        });
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(form)).ShouldContain("Saisissez une date comprise entre le 1900-01-01 et le 2100-12-31.");
        (await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.CooperantId == cooperantId && p.StartDate.Year < 1900))).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_or_a_value_the_API_cannot_read_is_refused_in_the_users_language_naming_where_it_is_wrong()
    {
        var en = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        var fr = await factory.ApiClientAsync(DemoAccounts.Admin, "fr");
        var before = await factory.WithDbAsync(db => db.CourseSessions.CountAsync());
        static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

        // Not JSON at all: where it breaks.
        var broken = await en.PostAsync("/api/v1/sessions", Json("{\"courseId\": 1,\n \"place\": }"));
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(broken);
        problem.GetProperty("title").GetString().ShouldBe("Invalid request");
        FirstError(problem, "body").ShouldBe("The request body is not valid JSON (line 2, position 11): check its quotes, commas and braces.");
        FirstError(await JsonAsync(await fr.PostAsync("/api/v1/sessions", Json("{\"courseId\": 1,\n \"place\": }"))), "body")
            .ShouldBe("Le corps de la requête n'est pas un JSON valide (ligne 2, position 11) : vérifiez ses guillemets, ses virgules et ses accolades.");

        // JSON, but a field of the wrong type: that field, and what it takes.
        var wrongType = await en.PostAsync("/api/v1/sessions", Json("""{"courseId": 1, "capacity": "ten", "place": "Dakar"}"""));
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem = await JsonAsync(wrongType);
        FirstError(problem, "capacity").ShouldBe("The field \"capacity\" does not have the expected type: it takes a whole number.");
        problem.GetProperty("detail").GetString().ShouldBe("The field \"capacity\" does not have the expected type: it takes a whole number.");
        FirstError(await JsonAsync(await fr.PostAsync("/api/v1/sessions", Json("""{"courseId": 1, "quotas": {"country": "SN"}}"""))), "quotas")
            .ShouldBe("Le champ « quotas » n'a pas le type attendu : il prend une liste entre crochets.");

        // No body, another content type, a query value that is not a number.
        FirstError(await JsonAsync(await en.PostAsync("/api/v1/sessions", Json(""))), "body").ShouldBe("The request has no body: send a JSON object.");
        var form = await en.PostAsync("/api/v1/sessions", new StringContent("courseId=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await JsonAsync(form)).GetProperty("detail").GetString().ShouldBe("The request body must be JSON, sent with the header Content-Type: application/json.");
        var page = await en.GetAsync("/api/v1/cooperants?page=two");
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(page), "page").ShouldBe("The parameter \"page\" (two) does not have the expected format.");
        FirstError(await JsonAsync(await en.GetAsync("/api/v1/cooperants?pageSize=" + new string('9', 500))), "pageSize")
            .ShouldBe($"The parameter \"pageSize\" ({new string('9', 60)}…) does not have the expected format.");

        (await factory.WithDbAsync(db => db.CourseSessions.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_name_holding_a_NUL_or_another_control_character_is_refused_naming_the_field()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        var created = await api.PostAsJsonAsync("/api/v1/cooperants", new
        {
            firstName = "Hélène", lastName = "Nom\0Caché", administration = "INT", rank = "Commissaire\u001b[31m", specialtyDomain = "PUBLIC_ORDER",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await created.ErrorsAsync();
        errors["lastName"].ShouldBe(["The field \"lastName\" contains an invisible or control character (U+0000): enter its value without it."]);
        errors["rank"][0].ShouldContain("U+001B");
        (await factory.WithDbAsync(db => db.Cooperants.CountAsync(c => c.LastName.StartsWith("Nom")))).ShouldBe(0);

        // In a query string, in a path, and in a JSON string that is not even valid UTF-16.
        (await api.GetAsync("/api/v1/cooperants?q=%00")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/countries/S%01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var zone = await factory.WithDbAsync(db => db.Zones.OrderBy(z => z.Id).Select(z => z.Code).FirstAsync());
        var surrogate = await api.PutAsync($"/api/v1/zones/{zone}/priority", new StringContent("{\"priority\":\"\\ud800\"}", System.Text.Encoding.UTF8, "application/json"));
        surrogate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await surrogate.ErrorsAsync()).Keys.ShouldBe(["priority"]);

        // A form shows it beside the field; the record keeps its name. (A NUL in a form's body never reaches the page:
        // ASP.NET refuses the form itself, 400.)
        var trainee = await factory.TraineeAsync();
        var page = await factory.PageClientAsync(DemoAccounts.Admin, "en");
        var edit = await PostFormAsync(page, $"/Schools/Trainees/{trainee.Id}/Edit", new()
        {
            ["Form.FirstName"] = trainee.FirstName, ["Form.LastName"] = "Nom\u0001Caché",
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(edit)).ShouldContain("This field contains an invisible or control character (U+0001): enter its value without it.");
        var nul = await PostFormAsync(page, $"/Schools/Trainees/{trainee.Id}/Edit", new()
        {
            ["Form.FirstName"] = trainee.FirstName, ["Form.LastName"] = "Nom\0Caché",
        });
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.WithDbAsync(db => db.Trainees.Where(t => t.Id == trainee.Id).Select(t => t.LastName).SingleAsync())).ShouldBe(trainee.LastName);

        // A list's filter shows it above the list.
        var list = await page.GetAsync("/Network/Cooperants?q=%00");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(list)).ShouldContain("(U+0000)");
    }

    [Fact]
    public async Task A_post_to_a_page_that_takes_none_is_not_allowed_and_one_to_an_unknown_handler_is_a_bad_request()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var sessionId = await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Status == SessionStatus.Open).Select(s => s.Id).FirstAsync());
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, "/");
        HttpContent Form() => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        // A list page answers GET only.
        var list = await page.PostAsync("/Network/Cooperants", Form());
        list.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        list.Content.Headers.Allow.ShouldBe(["GET"]);
        // A session's page takes posts to its named handlers only.
        (await page.PostAsync($"/Schools/Sessions/{sessionId}", Form())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.PostAsync($"/Schools/Sessions/{sessionId}?handler=Nope", Form())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Nor does the name of a page's handler make it answer another method ("REFUSED" once ran OnRefusedAsync).
        (await page.SendAsync(new HttpRequestMessage(new HttpMethod("REFUSED"), $"/Schools/Sessions/{sessionId}") { Content = Form() }))
            .StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        // A GET naming a handler the page lacks is answered by its unnamed GET, as Razor Pages does.
        (await page.GetAsync($"/Schools/Sessions/{sessionId}?handler=Nope")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And so every page of the application that takes no unnamed post, whatever it shows.
        var targets = await FuzzTargets.LoadAsync(factory);
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { } d && !TakesUnnamedPost(d))
            .Select(e => targets.Fill("/" + e.RoutePattern.RawText!)).Distinct().ToList();
        pages.Count.ShouldBeGreaterThan(30);
        foreach (var path in pages)
        {
            var status = (await page.PostAsync(path + (path.Contains('?') ? "&" : "?") + "handler=NoSuchHandler", Form())).StatusCode;
            status.ShouldBeOneOf([HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed], path);
        }
    }

    /// <summary>
    /// Whether a page's model has an unnamed POST handler (OnPost, OnPostAsync), which Razor Pages runs for a post naming
    /// any handler: such a page answers the post itself (and the fuzz test checks it never fails).
    /// </summary>
    private static bool TakesUnnamedPost(PageActionDescriptor page)
    {
        var view = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Single(a => string.Equals(a.Identifier, page.RelativePath, StringComparison.OrdinalIgnoreCase)).Type;
        var model = view.GetProperty("Model")!.PropertyType;
        return model.GetMethods().Any(m => m.Name is "OnPost" or "OnPostAsync");
    }

    [Fact]
    public async Task A_page_number_past_any_list_answers_an_empty_page()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var response = await api.GetAsync($"/api/v1/trainees?page={int.MaxValue}&pageSize=200");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await JsonAsync(response);
        page.GetProperty("items").GetArrayLength().ShouldBe(0);
        page.GetProperty("page").GetInt32().ShouldBe(Paging.MaxPage);
    }

    [Fact]
    public async Task Quotas_of_two_thousand_million_seats_are_refused_as_over_capacity()
    {
        var session = await factory.SessionAsync(capacity: 20);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var response = await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/quotas/SN", new { seats = int.MaxValue });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(response), "seats").ShouldContain("20");

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var form = await PostFormAsync(page, $"/Schools/Sessions/{session.Id}?handler=Quotas", new()
        {
            ["Quotas[0].Country"] = "SN", ["Quotas[0].Seats"] = int.MaxValue.ToString(), ["Quotas[1].Country"] = "CI", ["Quotas[1].Seats"] = "10",
        }, tokenPage: $"/Schools/Sessions/{session.Id}");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(form)).ShouldContain("Les quotas des pays totaliseraient 2147483657 places");
        (await factory.WithDbAsync(db => db.SessionQuotas.Where(q => q.SessionId == session.Id).SumAsync(q => q.Seats))).ShouldBe(20);
    }
}
