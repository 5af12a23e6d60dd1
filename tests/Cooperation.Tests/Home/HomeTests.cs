using Cooperation.Web.Domain;

namespace Cooperation.Tests.Home;

/// <summary>
/// Each role's home page shows what it has to do next, within its scope: every figure is the total of the list it links
/// to (the page with its filters set, and the API's list with the same filters), never the world's for a scoped user.
/// </summary>
public class HomeTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>The API list answering the same filters as a page's address.</summary>
    private static string ApiOf(string href)
    {
        var (path, query) = href.IndexOf('?') is var i and >= 0 ? (href[..i], href[i..]) : (href, "");
        var api = path switch
        {
            "/Schools/Nominations" => "/api/v1/nominations",
            "/Schools/Sessions" => "/api/v1/sessions",
            "/Network/Postings" => "/api/v1/postings",
            "/Network/Vacancies" => "/api/v1/vacancies",
            "/Network/Cooperants" => "/api/v1/cooperants",
            "/Missions/Recommendations/Overdue" => "/api/v1/recommendations/overdue",
            "/Donations" => "/api/v1/donations",
            _ => throw new InvalidOperationException($"No API list for {path}"),
        };
        return api + query;
    }

    /// <summary>A figure is what its list counts: the page it links to shows that many results, and so does the API.</summary>
    private static async Task ShouldCountItsListAsync(JsonElement figure, HttpClient api, HttpClient pages)
    {
        var count = figure.GetProperty("count").GetInt32();
        var href = figure.GetProperty("href").GetString()!;
        var list = await api.GetFromJsonAsync<JsonElement>(ApiOf(href));
        list.GetProperty("total").GetInt32().ShouldBe(count, href);
        var page = await pages.GetAsync(href);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, href);
        (await HtmlAsync(page)).ShouldContain(ResultCount(count), customMessage: href);
    }

    [Fact]
    public async Task A_desk_officer_of_Africa_sees_what_to_do_in_her_zone_and_does_not_count_Asia()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var pages = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var today = Today;
        var zone = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.DeskAfrica)
            .SelectMany(u => u.Zones).Select(z => z.Zone!.Code).SingleAsync());

        var home = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");

        home.GetProperty("world").ValueKind.ShouldBe(JsonValueKind.Null);
        var zones = home.GetProperty("deskOfficer").GetProperty("zones");
        zones.GetArrayLength().ShouldBe(1);
        var mine = zones[0];
        mine.GetProperty("zone").GetString().ShouldBe(zone);
        foreach (var name in new[] { "nominationsToScreen", "postingsEnding", "openVacancies", "sessionsToClose", "overdueRecommendations", "overdueChecks" })
            await ShouldCountItsListAsync(mine.GetProperty(name), api, pages);

        // The zone's, not the world's: vacancies and postings elsewhere (Asia among them) are not counted.
        var (inZone, everywhere, asia) = await factory.WithDbAsync(async db => (
            await db.Vacancies.CountAsync(v => v.FilledByPostingId == null && v.Country!.Zone!.Code == zone),
            await db.Vacancies.CountAsync(v => v.FilledByPostingId == null),
            await db.Vacancies.CountAsync(v => v.FilledByPostingId == null && v.Country!.Zone!.Code == "ASE")));
        asia.ShouldBeGreaterThan(0);
        mine.GetProperty("openVacancies").GetProperty("count").GetInt32().ShouldBe(inZone);
        inZone.ShouldBeLessThan(everywhere);
        var ending = await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.Country!.Zone!.Code == zone
            && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate >= today)
            && (p.ActualEndDate ?? p.PlannedEndDate) <= today.AddMonths(6)));
        mine.GetProperty("postingsEnding").GetProperty("count").GetInt32().ShouldBe(ending);
        var toScreen = await factory.WithDbAsync(db => db.Nominations.CountAsync(n => n.Country!.Zone!.Code == zone
            && n.Screening == ScreeningStatus.Pending && (n.Status == NominationStatus.Submitted || n.Status == NominationStatus.UnderReview)));
        mine.GetProperty("nominationsToScreen").GetProperty("count").GetInt32().ShouldBe(toScreen);

        var html = await HtmlAsync(pages, "/");
        html.ShouldContain($"data-testid=\"zone-{zone}\"");
        html.ShouldNotContain("data-testid=\"fig-cooperants\"");
    }

    [Fact]
    public async Task A_school_director_sees_his_sessions_the_nominations_to_decide_and_the_results_to_record()
    {
        var session = await factory.SessionAsync(start: Today.AddDays(-20));
        await factory.NominateAsync(session.Id, await factory.TraineeAsync("CI"));
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var pages = await factory.PageClientAsync(DemoAccounts.SchoolDirector);

        var home = (await api.GetFromJsonAsync<JsonElement>("/api/v1/home")).GetProperty("schoolDirector");

        home.GetProperty("schoolName").GetString().ShouldStartWith("EMPABB");
        await ShouldCountItsListAsync(home.GetProperty("sessions"), api, pages);
        await ShouldCountItsListAsync(home.GetProperty("nominationsToDecide"), api, pages);
        var toRecord = home.GetProperty("resultsToRecord").EnumerateArray().ToList();
        toRecord.ShouldContain(s => s.GetProperty("id").GetInt32() == session.Id && s.GetProperty("traineesWithoutResult").GetInt32() == 1);
        var schools = await factory.WithDbAsync(db => db.CourseSessions.Where(s => toRecord.Select(r => r.GetProperty("id").GetInt32()).Contains(s.Id))
            .Select(s => s.Course!.School!.Acronym).Distinct().ToListAsync());
        schools.ShouldBe(["EMPABB"]);

        // Another school's director does not see it.
        await factory.EnsureTestAccountsAsync();
        var other = (await (await factory.ApiClientAsync(TestAccounts.DirectorCpadd)).GetFromJsonAsync<JsonElement>("/api/v1/home")).GetProperty("schoolDirector");
        other.GetProperty("resultsToRecord").EnumerateArray().ShouldNotContain(s => s.GetProperty("id").GetInt32() == session.Id);

        var html = await HtmlAsync(pages, "/");
        html.ShouldContain($"href=\"/Schools/Sessions/{session.Id}/Results\"");
    }

    [Fact]
    public async Task A_liaison_officer_sees_the_sessions_open_to_his_country_his_seats_and_his_nominations_by_status()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var pages = await factory.PageClientAsync(DemoAccounts.LiaisonCi);

        var home = (await api.GetFromJsonAsync<JsonElement>("/api/v1/home")).GetProperty("liaisonOfficer");

        home.GetProperty("countryName").GetString().ShouldBe("Côte d'Ivoire");
        await ShouldCountItsListAsync(home.GetProperty("openSessions"), api, pages);
        var (seats, taken) = await factory.WithDbAsync(async db =>
        {
            var open = db.CourseSessions.Where(s => s.Status == SessionStatus.Open && s.Quotas.Any(q => q.Country!.Iso2 == "CI" && q.Seats > 0));
            return (await open.SelectMany(s => s.Quotas).Where(q => q.Country!.Iso2 == "CI").SumAsync(q => q.Seats),
                await open.SelectMany(s => s.Nominations).CountAsync(n => n.Country!.Iso2 == "CI" && n.Status == NominationStatus.Accepted));
        });
        seats.ShouldBeGreaterThan(0);
        home.GetProperty("seats").GetInt32().ShouldBe(seats);
        home.GetProperty("seatsTaken").GetInt32().ShouldBe(taken);
        var byStatus = home.GetProperty("nominations").EnumerateArray().ToList();
        byStatus.Count.ShouldBe(Enum.GetValues<NominationStatus>().Length);
        foreach (var s in byStatus) await ShouldCountItsListAsync(s.GetProperty("figure"), api, pages);
        byStatus.Sum(s => s.GetProperty("figure").GetProperty("count").GetInt32())
            .ShouldBe((await api.GetFromJsonAsync<JsonElement>("/api/v1/nominations")).GetProperty("total").GetInt32());
        var ivorian = await factory.WithDbAsync(db => db.Nominations.CountAsync(n => n.Country!.Iso2 == "CI"));
        byStatus.Sum(s => s.GetProperty("figure").GetProperty("count").GetInt32()).ShouldBe(ivorian);
    }

    [Fact]
    public async Task A_coopérant_sees_his_posting_his_profile_and_his_countrys_network()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var pages = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId).SingleAsync());

        var home = (await api.GetFromJsonAsync<JsonElement>("/api/v1/home")).GetProperty("cooperant");

        home.GetProperty("profileHref").GetString().ShouldBe($"/Network/Cooperants/{me}");
        var posting = home.GetProperty("posting");
        posting.GetProperty("place").GetString()!.ShouldContain("Sénégal");
        var end = await factory.WithDbAsync(db => db.Postings.Where(p => p.CooperantId == me && p.ActualEndDate == null)
            .Select(p => p.PlannedEndDate).FirstAsync());
        posting.GetProperty("plannedEndDate").GetString().ShouldBe(end.ToString("yyyy-MM-dd"));
        home.GetProperty("countryHref").GetString().ShouldBe("/Partners/Countries/SN");
        await ShouldCountItsListAsync(home.GetProperty("colleagues"), api, pages);
        await ShouldCountItsListAsync(home.GetProperty("openVacancies"), api, pages);
        var senegal = await factory.WithDbAsync(db => db.Vacancies.CountAsync(v => v.FilledByPostingId == null && v.Country!.Iso2 == "SN"));
        home.GetProperty("openVacancies").GetProperty("count").GetInt32().ShouldBe(senegal);

        var html = await HtmlAsync(pages, "/");
        html.ShouldContain($"href=\"/Network/Cooperants/{me}\" data-testid=\"home-profile\">Mon profil<");
        (await pages.GetAsync($"/Network/Cooperants/{me}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pages.GetAsync("/Partners/Countries/SN")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_director_and_the_auditor_read_the_worlds_figures()
    {
        foreach (var account in new[] { DemoAccounts.Director, DemoAccounts.Auditor })
        {
            var home = await (await factory.ApiClientAsync(account)).GetFromJsonAsync<JsonElement>("/api/v1/home");
            home.GetProperty("world").GetProperty("activeCooperants").GetInt32().ShouldBe(312);
            home.GetProperty("deskOfficer").ValueKind.ShouldBe(JsonValueKind.Null);
            (await HtmlAsync(await factory.PageClientAsync(account), "/")).ShouldContain("data-testid=\"fig-cooperants\">312<");
        }
    }
}
