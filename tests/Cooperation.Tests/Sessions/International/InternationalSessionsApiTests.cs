namespace Cooperation.Tests.Sessions.International;

/// <summary>
/// /api/v1/international-sessions: planning a session, its participants' path and the persons they are, the rotation
/// planner, the figures, and who sees and does what (foreign sessions and participants, the auditor's redaction).
/// </summary>
public class InternationalSessionsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly int LastYear = Today.Year - 1;

    /// <summary>A session in a far year of its own, so that tests do not share a slot.</summary>
    private static Dictionary<string, object?> NewSession(int year, int number = 1, string zone = "AFS", string[]? invited = null) => new()
    {
        ["year"] = year, ["number"] = number, ["theme"] = "Sécurité maritime dans le golfe de Guinée", ["zone"] = zone,
        ["startDate"] = $"{year}-03-09", ["endDate"] = $"{year}-03-20", ["invitedCountries"] = invited ?? ["SN", "CI", "BJ"],
    };

    private static object Official(string lastName, string country = "CI", string birthDate = "1970-05-04") => new
    {
        firstName = "Kouadio", lastName, birthDate, gender = "M", administration = "ARM", country,
        positionHeld = "Chef d'état-major adjoint", grade = "Général de brigade",
    };

    private static async Task<JsonElement> CreateAsync(HttpClient api, Dictionary<string, object?> body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/international-sessions", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    [Fact]
    public async Task The_demo_holds_three_sessions_a_year_the_figures_count_them_and_the_planner_proposes_next_year()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var figures = await api.GetFromJsonAsync<JsonElement>("/api/v1/figures");
        figures.GetProperty("internationalSessionsLastYear").GetInt32().ShouldBe(3);
        var lastYear = await api.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions?year={LastYear}");
        lastYear.GetProperty("total").GetInt32().ShouldBe(3);
        var items = lastYear.GetProperty("items").EnumerateArray().ToList();
        items.ShouldAllBe(s => s.GetProperty("participants").GetInt32() >= 25 && s.GetProperty("participants").GetInt32() <= 45);
        figures.GetProperty("internationalParticipantsLastYear").GetInt32().ShouldBe(items.Sum(s => s.GetProperty("attended").GetInt32()));
        items.ShouldContain(s => s.GetProperty("zone").GetString() == "AFS" && s.GetProperty("withFica").GetBoolean());

        var rotation = await api.GetFromJsonAsync<JsonElement>("/api/v1/international-sessions/rotation");
        rotation.GetProperty("years").GetArrayLength().ShouldBe(16);
        rotation.GetProperty("years").EnumerateArray().Where(y => y.GetProperty("past").GetBoolean()).ShouldAllBe(y => y.GetProperty("complete").GetBoolean());
        rotation.GetProperty("planYear").GetInt32().ShouldBe(Today.Year + 1);
        var proposals = rotation.GetProperty("proposals").EnumerateArray().ToList();
        proposals.Select(p => p.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3]);
        proposals.Select(p => p.GetProperty("score").GetInt32()).ShouldBeInOrder(SortDirection.Descending);
        rotation.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetProperty("kind").GetString() == "incompleteYear" && w.GetProperty("year").GetInt32() == Today.Year + 1);

        // Filters: by zone, and a zone that does not exist is refused.
        var africa = await api.GetFromJsonAsync<JsonElement>("/api/v1/international-sessions?zone=AFS&pageSize=200");
        var demoYears = africa.GetProperty("items").EnumerateArray().Where(s => s.GetProperty("year").GetInt32() <= Today.Year).ToList();
        demoYears.Select(s => s.GetProperty("year").GetInt32()).Order().ShouldBe(Enumerable.Range(Today.Year - 10, 11));
        demoYears.ShouldAllBe(s => s.GetProperty("withFica").GetBoolean());
        (await api.GetAsync("/api/v1/international-sessions?zone=XYZ")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Several invited countries at once: the sessions to which one of them is invited, on the API and on the page.
        async Task<HashSet<int>> Ids(string countries) => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions?country={countries}&pageSize=200"))
            .GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToHashSet();
        var elsewhere = items.First(s => s.GetProperty("zone").GetString() != "AFS").GetProperty("id").GetInt32();
        var other = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions/{elsewhere}"))
            .GetProperty("invitedCountries").EnumerateArray().First().GetProperty("iso2").GetString()!;
        var (senegal, otherOnes, both) = (await Ids("SN"), await Ids(other), await Ids($"SN,{other}"));
        senegal.ShouldNotBeEmpty();
        otherOnes.ShouldContain(elsewhere);
        senegal.ShouldNotContain(elsewhere);
        both.ShouldBe(senegal.Union(otherOnes).ToHashSet(), ignoreOrder: true);
        var director = await factory.PageClientAsync(DemoAccounts.Director);
        (await HtmlAsync(director, $"/Sessions/International?Country=SN&Country={other}&PageSize=200")).ShouldContain(ResultCount(both.Count));
        (await api.GetAsync("/api/v1/international-sessions?country=SN,XX")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_desk_officer_plans_sessions_on_her_zones_in_free_slots_and_a_country_with_participants_stays_invited()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        var year = 2040 + Random.Shared.Next(40);
        var created = await CreateAsync(desk, NewSession(year));
        var id = created.GetProperty("session").GetProperty("id").GetInt32();
        created.GetProperty("session").GetProperty("place").GetString().ShouldBe("École militaire, Paris");
        created.GetProperty("session").GetProperty("withFica").GetBoolean().ShouldBeTrue();
        created.GetProperty("invitedCountries").GetArrayLength().ShouldBe(3);

        (await (await desk.PostAsJsonAsync("/api/v1/international-sessions", NewSession(year))).ErrorsAsync())["number"][0].ShouldContain($"{year}");
        (await (await desk.PostAsJsonAsync("/api/v1/international-sessions", NewSession(year, 4))).ErrorsAsync()).ShouldContainKey("number");
        var elsewhere = NewSession(year, 2, "IPA", ["VN"]);
        (await (await desk.PostAsJsonAsync("/api/v1/international-sessions", elsewhere)).ErrorsAsync())["zone"][0].ShouldContain("zone");
        var wrongYear = NewSession(year, 3);
        wrongYear["startDate"] = $"{year + 1}-01-10";
        wrongYear["endDate"] = $"{year + 1}-01-20";
        (await (await desk.PostAsJsonAsync("/api/v1/international-sessions", wrongYear)).ErrorsAsync()).ShouldContainKey("startDate");

        (await desk.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants", Official("Koné"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var edit = NewSession(year, invited: ["SN"]);
        edit["version"] = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions/{id}")).GetProperty("session").GetProperty("version").GetInt64();
        (await (await desk.PutAsJsonAsync($"/api/v1/international-sessions/{id}", edit)).ErrorsAsync()).ShouldContainKey("invitedCountries");
        edit["invitedCountries"] = new[] { "SN", "CI", "BJ", "TG" };
        edit["theme"] = "Sécurité maritime";
        var changed = await desk.PutAsJsonAsync($"/api/v1/international-sessions/{id}", edit);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await JsonAsync(changed)).GetProperty("invitedCountries").GetArrayLength().ShouldBe(4);
        var listed = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions?year={year}")).GetProperty("items")
            .EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        listed.GetProperty("invitedCountries").GetInt32().ShouldBe(4);
        listed.GetProperty("participants").GetInt32().ShouldBe(1);
        (await desk.PutAsJsonAsync($"/api/v1/international-sessions/{id}", edit)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The director plans on any zone; the desk officer of Africa then may not change it.
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var asia = await CreateAsync(director, NewSession(year, 2, "IPA", ["VN", "KH"]));
        var asiaId = asia.GetProperty("session").GetProperty("id").GetInt32();
        asia.GetProperty("canManage").GetBoolean().ShouldBeTrue();
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions/{asiaId}")).GetProperty("canManage").GetBoolean().ShouldBeFalse();
        var asiaEdit = NewSession(year, 2, "IPA", ["VN"]);
        asiaEdit["version"] = asia.GetProperty("session").GetProperty("version").GetInt64();
        (await desk.PutAsJsonAsync($"/api/v1/international-sessions/{asiaId}", asiaEdit)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync($"/api/v1/international-sessions/{asiaId}/participants", Official("Nguyen", "VN"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await auditor.PostAsJsonAsync("/api/v1/international-sessions", NewSession(year, 3))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_edit_page_changes_a_session_keeps_a_country_with_participants_and_refuses_a_stale_form()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = 2080 + Random.Shared.Next(20); // apart from the planning test's years, whose slot 3 it would take
        var id = (await CreateAsync(api, NewSession(year, 3))).GetProperty("session").GetProperty("id").GetInt32();
        (await api.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants", Official("Traoré"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await HtmlAsync(desk, $"/Sessions/International/{id}")).ShouldContain("data-testid=\"edit-intl-session\"");
        var form = await HtmlAsync(desk, $"/Sessions/International/{id}/Edit");
        form.ShouldContain("value=\"BJ, CI, SN\"");
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        Dictionary<string, string> Fields(string theme, string invited) => new()
        {
            ["Year"] = $"{year}", ["Slot"] = "3", ["Zone"] = "AFS", ["Theme"] = theme, ["StartDate"] = $"{year}-10-05", ["EndDate"] = $"{year}-10-16",
            ["Place"] = "École militaire, Paris", ["InvitedCountries"] = invited, ["Version"] = version,
        };

        // Côte d'Ivoire has an official in the session: it stays invited, said beside the field.
        var dropped = await HtmlAsync(await PostFormAsync(desk, $"/Sessions/International/{id}/Edit", Fields("Sécurité maritime", "SN, BJ")));
        dropped.ShouldContain("data-testid=\"error-InvitedCountries\"");
        var saved = await PostFormAsync(desk, $"/Sessions/International/{id}/Edit", Fields("Sécurité maritime et portuaire", "SN, BJ, CI, TG"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(desk, $"/Sessions/International/{id}");
        page.ShouldContain("Sécurité maritime et portuaire");
        page.ShouldContain("Togo");
        page.ShouldContain($"05/10/{year}"); // as a French reader writes it

        var stale = await HtmlAsync(await PostFormAsync(desk, $"/Sessions/International/{id}/Edit", Fields("Écrasement", "SN, BJ, CI")));
        stale.ShouldContain("data-testid=\"conflict\"");
        factory.WithDb(db => db.InternationalSessions.Single(x => x.Id == id).Theme).ShouldBe("Sécurité maritime et portuaire");
        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor);
        (await HtmlAsync(auditor, $"/Sessions/International/{id}")).ShouldNotContain("data-testid=\"edit-intl-session\"");
        (await auditor.GetAsync($"/Sessions/International/{id}/Edit")).Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task A_liaison_officer_proposes_his_country_s_officials_who_once_attended_join_the_alumni_report_as_the_trainees_they_are()
    {
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        // Last year's African session (Côte d'Ivoire is invited to every one), which has run.
        var sessions = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions?year={LastYear}");
        var session = sessions.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("zone").GetString() == "AFS");
        var id = session.GetProperty("id").GetInt32();
        // He sees only the sessions his country is invited to, and only its participants.
        var all = await factory.WithDbAsync(db => db.InternationalSessions.CountAsync(s => s.InvitedCountries.Any(c => c.Iso2 == "CI")));
        (await liaison.GetFromJsonAsync<JsonElement>("/api/v1/international-sessions?pageSize=200")).GetProperty("total").GetInt32().ShouldBe(all);
        var foreignSession = await factory.WithDbAsync(db => db.InternationalSessions.Where(s => !s.InvitedCountries.Any(c => c.Iso2 == "CI")).Select(s => s.Id).FirstAsync());
        (await liaison.GetAsync($"/api/v1/international-sessions/{foreignSession}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions/{id}/participants");
        listed.EnumerateArray().ShouldAllBe(p => p.GetProperty("country").GetString() == "CI");

        // An official who was a trainee of the schools is that same person.
        var former = await factory.WithDbAsync(db => db.Trainees.Where(t => t.Nationality!.Iso2 == "CI" && !t.Participations.Any() && t.Nominations.Any(n => n.Result == TrainingResult.Passed))
            .Select(t => new { t.Id, t.FirstName, t.LastName, t.BirthDate, Gender = t.Gender.ToString() }).FirstAsync());
        var proposed = await liaison.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants", new
        {
            firstName = former.FirstName, lastName = former.LastName.ToLowerInvariant(), birthDate = former.BirthDate.ToString("yyyy-MM-dd"),
            gender = former.Gender, administration = "ARM", positionHeld = "Inspecteur général des armées", grade = "Général de division",
        });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var participant = await JsonAsync(proposed);
        participant.GetProperty("status").GetString().ShouldBe("proposed");
        participant.GetProperty("country").GetString().ShouldBe("CI");
        participant.GetProperty("personId").GetInt32().ShouldBe(former.Id);
        participant.GetProperty("nextStatuses").GetArrayLength().ShouldBe(0);
        var pid = participant.GetProperty("id").GetInt32();

        // Twice the same person, or an official of another country, is refused; the liaison officer decides nothing.
        (await (await liaison.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants", new
        {
            firstName = former.FirstName, lastName = former.LastName, birthDate = former.BirthDate.ToString("yyyy-MM-dd"), gender = former.Gender,
            administration = "ARM", positionHeld = "Inspecteur",
        })).ErrorsAsync()).ShouldContainKey("lastName");
        (await liaison.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants", Official("Diop", "SN"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants/{pid}/status", new { to = "invited" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await desk.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants", Official("Zongo", "NE"))).ErrorsAsync()).ShouldContainKey("country");

        // The desk officer invites, then the official confirms and attends; no step is skipped.
        (await desk.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants/{pid}/status", new { to = "attended" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await desk.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants/{pid}/status", new { to = "someday" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var to in new[] { "invited", "confirmed" })
            (await desk.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants/{pid}/status", new { to })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var letter = await liaison.GetAsync($"/api/v1/international-sessions/{id}/participants/{pid}/invitation.pdf?lang=en");
        letter.StatusCode.ShouldBe(HttpStatusCode.OK);
        letter.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await letter.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe("%PDF"u8.ToArray());
        var attended = await JsonAsync(await desk.PostAsJsonAsync($"/api/v1/international-sessions/{id}/participants/{pid}/status", new { to = "attended" }));
        attended.GetProperty("status").GetString().ShouldBe("attended");
        (await desk.GetAsync($"/api/v1/international-sessions/{id}/participants/{pid}/invitation.pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The lists count the session's participants as the records hold them after these writes: all of them for the
        // desk officer, and his country's too for the liaison officer (before the writes, they had been counted once).
        var counted = await factory.WithDbAsync(db => db.SessionParticipants.Where(p => p.SessionId == id).GroupBy(p => 1).Select(g => new
        {
            Participants = g.Count(p => p.Status != ParticipantStatus.Declined), Confirmed = g.Count(p => p.Status == ParticipantStatus.Confirmed),
            Attended = g.Count(p => p.Status == ParticipantStatus.Attended), Ivorian = g.Count(p => p.Country!.Iso2 == "CI"),
        }).SingleAsync());
        counted.Attended.ShouldBe(session.GetProperty("attended").GetInt32() + 1);
        foreach (var (reader, ivorian) in new[] { (liaison, (int?)counted.Ivorian), (desk, null) })
        {
            var row = (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions?year={LastYear}")).GetProperty("items")
                .EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id);
            row.GetProperty("participants").GetInt32().ShouldBe(counted.Participants);
            row.GetProperty("confirmed").GetInt32().ShouldBe(counted.Confirmed);
            row.GetProperty("attended").GetInt32().ShouldBe(counted.Attended);
            row.GetProperty("invitedCountries").GetInt32().ShouldBe(session.GetProperty("invitedCountries").GetInt32());
            (row.GetProperty("myCountryParticipants").ValueKind == JsonValueKind.Null ? (int?)null : row.GetProperty("myCountryParticipants").GetInt32()).ShouldBe(ivorian);
        }

        // His career is the trainee's: the influence-network report names him with the session.
        var report = await desk.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?country=CI&pageSize=200");
        var alumnus = report.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == former.Id);
        alumnus.GetProperty("internationalSession").GetString().ShouldBe($"{LastYear}-{session.GetProperty("number").GetInt32()}");

        // The auditor sees the participants redacted, and prints no letter.
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var redacted = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/international-sessions/{id}/participants");
        redacted.EnumerateArray().ShouldAllBe(p => p.GetProperty("redacted").GetBoolean() && p.GetProperty("lastName").GetString() == "•••");
        redacted.EnumerateArray().ShouldNotContain(p => p.GetProperty("positionHeld").GetString() == "Inspecteur général des armées");
        // A coopérant sees no session at all.
        (await (await factory.ApiClientAsync(DemoAccounts.CooperantSenegal)).GetAsync($"/api/v1/international-sessions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
