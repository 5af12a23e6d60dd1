using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Cooperation.Tests.Schools.Sessions;

/// <summary>The session pages as their users see and fill them (forms with anti-forgery, errors next to the fields).</summary>
public class SessionPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.EnsureTestAccountsAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static List<string> CountryFilter(string html) =>
        Regex.Match(html, "data-testid=\"country-filter\">(.*?)</select>", RegexOptions.Singleline).Groups[1].Value
            .Split("<option").Skip(1).Select(o => Regex.Match(o, "value=\"([A-Z]{2})\"").Groups[1].Value).ToList();

    [Fact]
    public async Task The_country_filter_offers_the_countries_sessions_invite_and_a_new_one_as_soon_as_a_session_invites_it()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var (invited, newcomer) = await factory.WithDbAsync(async db => (
            await db.SessionQuotas.Where(q => q.Seats > 0).Select(q => q.Country!.Iso2).Distinct().ToListAsync(),
            await db.Countries.Where(c => c.ZoneId != null && !db.SessionQuotas.Any(q => q.CountryId == c.Id && q.Seats > 0))
                .OrderBy(c => c.Iso2).Select(c => c.Iso2).FirstAsync()));

        CountryFilter(await page.GetStringAsync("/Schools/Sessions")).ShouldBe(invited, ignoreOrder: true);

        await factory.SessionAsync(quotas: new Dictionary<string, int> { [newcomer] = 2 });
        CountryFilter(await page.GetStringAsync("/Schools/Sessions")).ShouldBe([.. invited, newcomer], ignoreOrder: true);
    }

    [Fact]
    public async Task A_session_is_planned_through_its_form_and_quotas_over_the_capacity_are_shown_next_to_the_quotas()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-PAGE-PLAN");
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var path = $"/Schools/Sessions/Create?courseId={courseId}";
        var form = WebUtility.HtmlDecode(await page.GetStringAsync(path));
        form.ShouldContain("Cours d'essai T-PAGE-PLAN");
        form.ShouldContain("name=\"Quotas[0].Country\"");
        form.ShouldContain("value=\"Bamako\"");
        var start = Today.AddMonths(5);
        Dictionary<string, string> Fields(string capacity) => new()
        {
            ["CourseId"] = courseId.ToString(), ["StartDate"] = start.ToString("yyyy-MM-dd"), ["EndDate"] = start.AddDays(11).ToString("yyyy-MM-dd"),
            ["Place"] = "Bamako", ["Capacity"] = capacity,
            ["Quotas[0].Country"] = "CI", ["Quotas[0].Seats"] = "8", ["Quotas[1].Country"] = "SN", ["Quotas[1].Seats"] = "8",
            ["Quotas[2].Country"] = "", ["Quotas[2].Seats"] = "",
        };

        var refused = await PostFormAsync(page, path, Fields("12"));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(refused);
        html.ShouldContain("data-testid=\"error-Quotas\">Les quotas des pays totaliseraient 16 places, plus que la capacité de la session (12 places)");
        html.ShouldContain("<option value=\"SN\" selected>");
        (await factory.WithDbAsync(db => db.CourseSessions.CountAsync(s => s.CourseId == courseId))).ShouldBe(0);

        var english = await factory.PageClientAsync(DemoAccounts.SchoolDirector, language: "en");
        var backwards = Fields("20");
        backwards["EndDate"] = start.AddDays(-1).ToString("yyyy-MM-dd");
        html = await HtmlAsync(await PostFormAsync(english, path, backwards));
        html.ShouldContain("data-testid=\"error-EndDate\">The session's end date cannot come before its start date.</p>");

        var response = await PostFormAsync(page, path, Fields("20"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.CourseId == courseId).Select(s => s.Id).SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Schools/Sessions/{id}");
        var details = WebUtility.HtmlDecode(await page.GetStringAsync($"/Schools/Sessions/{id}"));
        details.ShouldContain("La session a été planifiée");
        details.ShouldContain("data-testid=\"session-status\">Session planifiée</p>");
        details.ShouldContain("data-testid=\"quota-CI\"");
        details.ShouldContain("data-testid=\"action-open\"");
        details.ShouldContain($"href=\"/Schools/Nominations?session={id}\"");
        Regex.IsMatch(details, "data-testid=\"session-nominations\"[^>]*>").ShouldBeTrue();
    }

    [Fact]
    public async Task The_session_page_opens_the_session_and_changes_its_quotas()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-PAGE-OPEN");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddMonths(2), capacity: 20, status: SessionStatus.Planned, quotas: new() { ["CI"] = 5 })).Id;
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var path = $"/Schools/Sessions/{id}";

        var opened = await PostFormAsync(page, $"{path}?handler=Status", new() { ["action"] = "open", ["Version"] = "0" }, path);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync(path));
        html.ShouldContain("La session est ouverte aux candidatures.");
        html.ShouldContain("data-testid=\"session-status\">Candidatures ouvertes</p>");
        html.ShouldContain("data-testid=\"action-close\"");

        var again = await PostFormAsync(page, $"{path}?handler=Status", new() { ["action"] = "open", ["Version"] = "1" }, path);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(again)).ShouldContain("data-testid=\"form-error\">Cette session ne peut pas être ouverte aux candidatures");

        var quotas = await PostFormAsync(page, $"{path}?handler=Quotas", new()
        {
            ["Version"] = "1", ["Quotas[0].Country"] = "CI", ["Quotas[0].Seats"] = "6", ["Quotas[1].Country"] = "BJ", ["Quotas[1].Seats"] = "4",
            ["Quotas[2].Country"] = "", ["Quotas[2].Seats"] = "",
        }, path);
        quotas.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = WebUtility.HtmlDecode(await page.GetStringAsync(path));
        html.ShouldContain("Les quotas de la session ont été enregistrés.");
        html.ShouldContain("data-testid=\"quota-BJ\"");
        (await factory.WithDbAsync(db => db.SessionQuotas.Where(q => q.SessionId == id).SumAsync(q => q.Seats))).ShouldBe(10);

        var over = await PostFormAsync(page, $"{path}?handler=Quotas", new()
        {
            ["Version"] = "2", ["Quotas[0].Country"] = "CI", ["Quotas[0].Seats"] = "30",
        }, path);
        (await HtmlAsync(over)).ShouldContain("data-testid=\"error-Quotas\">Les quotas des pays totaliseraient 34 places");
    }

    [Fact]
    public async Task The_session_edit_form_refuses_a_capacity_below_the_quotas_next_to_the_capacity()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-PAGE-EDIT");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddMonths(2), capacity: 20, status: SessionStatus.Planned, quotas: new() { ["CI"] = 10, ["SN"] = 6 })).Id;
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector, language: "en");
        var path = $"/Schools/Sessions/{id}/Edit";
        (await page.GetStringAsync(path)).ShouldContain("name=\"Capacity\" type=\"number\" min=\"1\" inputmode=\"numeric\" value=\"20\"");
        var start = Today.AddMonths(2);
        Dictionary<string, string> Fields(string capacity) => new()
        {
            ["Version"] = "0", ["StartDate"] = start.ToString("yyyy-MM-dd"), ["EndDate"] = start.AddDays(11).ToString("yyyy-MM-dd"),
            ["Place"] = "Bamako", ["Capacity"] = capacity,
        };

        var html = await HtmlAsync(await PostFormAsync(page, path, Fields("10")));
        html.ShouldContain("data-testid=\"error-Capacity\">The countries' quotas would add up to 16 seats, more than the session's capacity (10 seats)");

        (await PostFormAsync(page, path, Fields("24"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.CourseSessions.SingleAsync(s => s.Id == id))).Capacity.ShouldBe(24);
    }

    [Fact]
    public async Task A_liaison_officer_filters_the_sessions_open_to_his_country()
    {
        var page = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/Sessions?OpenToMyCountry=true"));
        html.ShouldContain("Ouvertes aux candidatures de mon pays");
        html.ShouldContain("Places de mon pays");
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var open = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/api/v1/sessions?openToMyCountry=true&pageSize=200");
        var total = open.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThan(0);
        html.ShouldContain(ResultCount(total));
        foreach (var item in open.GetProperty("items").EnumerateArray())
            item.GetProperty("status").GetString().ShouldBe("Open");
    }

    [Fact]
    public async Task The_sessions_export_to_Excel_and_to_a_calendar()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var sessions = (await api.GetFromJsonAsync<JsonElement>("/api/v1/sessions?school=EMPABB&status=Completed")).GetProperty("total").GetInt32();
        sessions.ShouldBeGreaterThan(0);
        var list = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/Sessions?School=EMPABB&Status=Completed&sort=fill"));
        list.ShouldContain(ResultCount(sessions));
        list.ShouldContain("aria-sort=\"ascending\"");
        list.ShouldContain("handler=Export&format=xlsx");

        var xlsx = await page.GetAsync("/Schools/Sessions?School=EMPABB&Status=Completed&handler=Export&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheets.First();
            sheet.Cell(1, 1).GetString().ShouldBe("École");
            sheet.Cell(1, 5).GetString().ShouldBe("Date de début");
            sheet.LastRowUsed()!.RowNumber().ShouldBe(sessions + 1);
            Enumerable.Range(2, sessions).ShouldAllBe(r => sheet.Cell(r, 1).GetString() == "EMPABB" && sheet.Cell(r, 8).GetString() == "Session terminée");
        }

        var ics = await page.GetAsync("/Schools/Sessions?School=EMPABB&Status=Completed&handler=Ics");
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!.Events.Count.ShouldBe(sessions);
    }
}
