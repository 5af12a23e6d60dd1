using static Cooperation.Tests.Infrastructure.ProgrammeBuilder;

namespace Cooperation.Tests.Programmes;

/// <summary>
/// An approved programme's training places become its country's quotas in the year's open sessions of each line's
/// school and domain: at the approval, at each revision, and again on demand (the programme's page, the API); earliest
/// sessions first up to their free capacity, never in a cancelled, closed or started session, never a quota lowered
/// below its accepted candidates; the places left shown and placed later; nothing for another zone's desk officer.
/// </summary>
public class ProgrammeQuotasTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private const string Domain = "CYBERSECURITY";

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    /// <summary>The country's quota in each session, by session id (0 when none).</summary>
    private Dictionary<int, int> Quotas(string iso2, params TestSession[] sessions) => factory.WithDb(db =>
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var held = db.SessionQuotas.Where(q => ids.Contains(q.SessionId) && q.Country!.Iso2 == iso2).ToDictionary(q => q.SessionId, q => q.Seats);
        return ids.ToDictionary(id => id, id => held.GetValueOrDefault(id));
    });

    private static Dictionary<string, object?> Revision(JsonElement programme, string country, int year, int places, string reason)
    {
        var revision = NewProgramme(country, year, Places(places, domain: Domain));
        (revision["version"], revision["reason"]) = (programme.GetProperty("version").GetInt64(), reason);
        return revision;
    }

    [Fact]
    public async Task Approval_and_revisions_place_the_planned_places_in_the_open_sessions_earliest_first_and_never_below_the_accepted()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year + 7;
        await factory.NotDraftedAsync("ML", year);
        var cancelled = await factory.SessionAsync(start: new DateOnly(year, 2, 1), status: SessionStatus.Cancelled, quotas: new() { ["SN"] = 2 }, domain: Domain);
        var closed = await factory.SessionAsync(start: new DateOnly(year, 2, 15), status: SessionStatus.Closed, quotas: new() { ["SN"] = 2 }, domain: Domain);
        var first = await factory.SessionAsync(start: new DateOnly(year, 3, 1), capacity: 10, quotas: new() { ["SN"] = 6 }, domain: Domain);
        var second = await factory.SessionAsync(start: new DateOnly(year, 5, 1), status: SessionStatus.Planned, capacity: 8, quotas: new() { ["SN"] = 2 }, domain: Domain);
        var sessions = new[] { cancelled, closed, first, second };

        // 12 places planned, 10 free: the earliest open session filled first (4), then the next (6); 2 left.
        var approved = await factory.ApprovedProgrammeAsync(desk, NewProgramme("ML", year, Places(12, domain: Domain)));
        var id = approved.GetProperty("id").GetInt32();
        Quotas("ML", sessions).ShouldBe(new Dictionary<int, int> { [cancelled.Id] = 0, [closed.Id] = 0, [first.Id] = 4, [second.Id] = 6 });
        Quotas("SN", sessions).Values.ToArray().ShouldBe([2, 2, 6, 2], "other countries' quotas untouched");
        var followUp = await Ok(await desk.GetAsync($"/api/v1/programmes/{id}/follow-up"));
        followUp.GetProperty("lines")[0].GetProperty("quotaPlaces").GetInt32().ShouldBe(10, "the follow-up counts the new quotas");

        // Placed again with no new session: nothing changes, 2 places still left.
        var again = await Ok(await desk.PostAsync($"/api/v1/programmes/{id}/quotas", null));
        again.GetProperty("left").GetInt32().ShouldBe(2);
        var line = again.GetProperty("lines").EnumerateArray().Single();
        (line.GetProperty("school").GetString(), line.GetProperty("domain").GetString(), line.GetProperty("planned").GetInt32(),
            line.GetProperty("given").GetInt32(), line.GetProperty("left").GetInt32(), line.GetProperty("sessions").GetArrayLength())
            .ShouldBe(("EMPABB", Domain, 12, 10, 2, 0));

        // A new session: the places left go there, and the answer says where.
        var third = await factory.SessionAsync(start: new DateOnly(year, 9, 1), capacity: 20, quotas: new() { ["SN"] = 1 }, domain: Domain);
        var placed = await Ok(await desk.PostAsync($"/api/v1/programmes/{id}/quotas", null));
        placed.GetProperty("left").GetInt32().ShouldBe(0);
        var moved = placed.GetProperty("lines")[0].GetProperty("sessions").EnumerateArray().Single();
        (moved.GetProperty("sessionId").GetInt32(), moved.GetProperty("before").GetInt32(), moved.GetProperty("after").GetInt32(),
            moved.GetProperty("startDate").GetString()).ShouldBe((third.Id, 0, 2, $"{year}-09-01"));
        sessions = [.. sessions, third];

        // A revision raising the places to 15 adds the difference where there is room.
        var programme = await Ok(await desk.GetAsync($"/api/v1/programmes/{id}"));
        programme = await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/revise", Revision(programme, "ML", year, 15, "Session supplémentaire de cybersécurité")));
        Quotas("ML", sessions).Values.ToArray().ShouldBe([0, 0, 4, 6, 5]);

        // Two Malian candidates accepted in the last session; the plan lowered to 9, then to 1: quotas come down, latest
        // first, never below the accepted candidates.
        await factory.NominateAsync(third.Id, await factory.TraineeAsync("ML"));
        await factory.NominateAsync(third.Id, await factory.TraineeAsync("ML"));
        programme = await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/revise", Revision(programme, "ML", year, 9, "Crédits réduits")));
        Quotas("ML", sessions).Values.ToArray().ShouldBe([0, 0, 4, 3, 2]);
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/revise", Revision(programme, "ML", year, 1, "Crédits supprimés")));
        Quotas("ML", sessions).Values.ToArray().ShouldBe([0, 0, 0, 0, 2]);
        factory.WithDb(db => db.SessionQuotas.Count(q => q.SessionId == first.Id && q.Country!.Iso2 == "ML")).ShouldBe(0, "a quota brought to nothing is withdrawn");

        // Every quota written is in the audit trail.
        factory.WithDb(db => db.AuditEntries.Count(a => a.EntityType == "SessionQuota")).ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task Nothing_is_placed_in_a_session_already_started_and_only_an_approved_country_programme_places_quotas()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var year = Today.Year;
        await factory.NotDraftedAsync("GN", year);
        var started = await factory.SessionAsync(start: Today, capacity: 20, quotas: new() { ["SN"] = 2 }, domain: Domain);
        var approved = await factory.ApprovedProgrammeAsync(admin, NewProgramme("GN", year, Places(5, domain: Domain)));
        Quotas("GN", started)[started.Id].ShouldBe(0, "a session that has started takes no new quota");

        var draft = await admin.PostAsJsonAsync("/api/v1/programmes", NewProgramme("GN", year + 1, Places(5, domain: Domain)));
        draft.StatusCode.ShouldBe(HttpStatusCode.Created);
        var draftId = (await JsonAsync(draft)).GetProperty("id").GetInt32();
        var refused = await admin.PostAsync($"/api/v1/programmes/{draftId}/quotas", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["status"][0].ShouldContain("approuvé");
        var english = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        (await (await english.PostAsync($"/api/v1/programmes/{draftId}/quotas", null)).ErrorsAsync())["status"][0].ShouldContain("approved programme");
        approved.GetProperty("status").GetString().ShouldBe("approved");
    }

    [Fact]
    public async Task Another_zones_desk_officer_neither_places_nor_sees_and_the_director_may_while_readers_may_not()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var year = Today.Year + 8;
        await factory.NotDraftedAsync("MA", year);
        await factory.NotDraftedAsync("CI", year);
        var session = await factory.SessionAsync(start: new DateOnly(year, 4, 1), capacity: 30, quotas: new() { ["SN"] = 2 }, domain: Domain);
        var morocco = (await factory.ApprovedProgrammeAsync(admin, NewProgramme("MA", year, Places(40, domain: Domain)))).GetProperty("id").GetInt32();
        Quotas("MA", session)[session.Id].ShouldBe(28, "up to the session's free capacity");
        await factory.WithDbAsync(db => db.SessionQuotas.Where(q => q.SessionId == session.Id && q.Country!.Iso2 == "MA")
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Seats, 20)));

        // The desk officer of Africa: Morocco's programme does not exist for her, by the API or the page.
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await desk.PostAsync($"/api/v1/programmes/{morocco}/quotas", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var deskPage = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await PostFormAsync(deskPage, $"/Programmes/{morocco}?handler=Quotas", new Dictionary<string, string>(), tokenPage: "/Programmes"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deskPage.GetAsync($"/Programmes/{morocco}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Quotas("MA", session)[session.Id].ShouldBe(20, "nothing placed by a refused request");

        // Readers who neither revise nor approve: forbidden; the liaison officer of Côte d'Ivoire on his own country's programme too.
        var ivoryCoast = (await factory.ApprovedProgrammeAsync(admin, NewProgramme("CI", year, Places(1, domain: Domain)))).GetProperty("id").GetInt32();
        (await (await factory.ApiClientAsync(DemoAccounts.Auditor)).PostAsync($"/api/v1/programmes/{morocco}/quotas", null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.LiaisonCi)).PostAsync($"/api/v1/programmes/{ivoryCoast}/quotas", null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.SchoolDirector)).PostAsync($"/api/v1/programmes/{morocco}/quotas", null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        Quotas("MA", session)[session.Id].ShouldBe(20);

        // The director places what is left, up to the room Senegal's and Côte d'Ivoire's quotas leave (30 - 2 - 1).
        Quotas("CI", session)[session.Id].ShouldBe(1);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        (await Ok(await director.PostAsync($"/api/v1/programmes/{morocco}/quotas", null))).GetProperty("left").GetInt32().ShouldBe(13);
        Quotas("MA", session)[session.Id].ShouldBe(27);
    }

    [Fact]
    public async Task The_programmes_page_shows_the_places_left_and_its_button_places_them_in_a_new_session_in_both_languages()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year + 9;
        await factory.NotDraftedAsync("SN", year);
        var created = await desk.PostAsJsonAsync("/api/v1/programmes", NewProgramme("SN", year, Places(7, domain: Domain)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/submit", new { }));

        // The director approves on the page: no session yet, so the message says all 7 places are left to place.
        var directorPage = await factory.PageClientAsync(DemoAccounts.Director);
        var version = (await Ok(await desk.GetAsync($"/api/v1/programmes/{id}"))).GetProperty("version").GetInt64();
        (await PostFormAsync(directorPage, $"/Programmes/{id}?handler=Approve", new Dictionary<string, string> { ["Version"] = $"{version}" },
            tokenPage: $"/Programmes/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlAsync(directorPage, $"/Programmes/{id}")).ShouldContain(
            "Le programme est approuvé : son plan fait désormais référence. Aucun quota de session n'a changé. 7 place(s) restent à placer.");

        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = await HtmlAsync(page, $"/Programmes/{id}");
        html.ShouldContain("Places à placer");
        html.ShouldContain("les plus proches d'abord");
        html.ShouldContain("data-testid=\"left-EMPABB-CYBERSECURITY\">7<");
        html.ShouldContain("data-testid=\"place-quotas\"");
        (await HtmlAsync(await factory.PageClientAsync(DemoAccounts.DeskAfrica, "en"), $"/Programmes/{id}")).ShouldContain("Places to place");
        // Who only reads the programme sees the places left, without the button.
        var auditorPage = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Auditor), $"/Programmes/{id}");
        auditorPage.ShouldContain("data-testid=\"left-EMPABB-CYBERSECURITY\">7<");
        auditorPage.ShouldNotContain("place-quotas");

        var session = await factory.SessionAsync(start: new DateOnly(year, 6, 1), capacity: 5, quotas: new() { ["CI"] = 1 }, domain: Domain);
        var posted = await PostFormAsync(page, $"/Programmes/{id}?handler=Quotas", new Dictionary<string, string>(), tokenPage: $"/Programmes/{id}");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = await HtmlAsync(page, $"/Programmes/{id}");
        html.ShouldContain($"Quotas placés : {session.TitleFr} du 01/06/{year} : 0 → 4 place(s).");
        html.ShouldContain("3 place(s) restent à placer.");
        html.ShouldContain("data-testid=\"left-EMPABB-CYBERSECURITY\">3<");
        html.ShouldContain($"href=\"/Schools/Sessions/{session.Id}\"");
        Quotas("SN", session)[session.Id].ShouldBe(4);
    }
}
