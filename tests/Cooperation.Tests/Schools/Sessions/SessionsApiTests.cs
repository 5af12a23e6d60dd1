namespace Cooperation.Tests.Schools.Sessions;

/// <summary>/api/v1/sessions: planning with quotas, the session's life, who sees which sessions, and the calendar.</summary>
public class SessionsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.EnsureTestAccountsAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object NewSession(int courseId, DateOnly start, int capacity, params (string Country, int Seats)[] quotas) => new
    {
        courseId, startDate = start.ToString("yyyy-MM-dd"), endDate = start.AddDays(11).ToString("yyyy-MM-dd"), place = "Koulikoro", capacity,
        quotas = quotas.Select(q => new { country = q.Country, seats = q.Seats }).ToArray(),
    };

    private static List<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task A_school_director_plans_a_session_with_a_quota_per_invited_country()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-PLAN");
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var start = Today.AddMonths(4);

        var response = await api.PostAsJsonAsync("/api/v1/sessions", NewSession(courseId, start, 24, ("CI", 6), ("sn", 6), ("BF", 4)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var page = await JsonAsync(response);
        var session = page.GetProperty("session");
        var id = session.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/sessions/{id}");
        session.GetProperty("status").GetString().ShouldBe("Planned");
        session.GetProperty("school").GetString().ShouldBe("EMPABB");
        session.GetProperty("startDate").GetString().ShouldBe(start.ToString("yyyy-MM-dd"));
        session.GetProperty("capacity").GetInt32().ShouldBe(24);
        session.GetProperty("place").GetString().ShouldBe("Koulikoro");
        page.GetProperty("quotaSeats").GetInt32().ShouldBe(16);
        page.GetProperty("quotas").EnumerateArray().Select(q => (q.GetProperty("country").GetString(), q.GetProperty("seats").GetInt32()))
            .OrderBy(q => q.Item1).ShouldBe([("BF", 4), ("CI", 6), ("SN", 6)]);
        page.GetProperty("canManage").GetBoolean().ShouldBeTrue();
        page.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["open", "cancel"]);
    }

    [Fact]
    public async Task Quotas_over_the_capacity_are_refused_naming_the_seats_and_nothing_is_written()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-OVER");
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);

        var response = await api.PostAsJsonAsync("/api/v1/sessions", NewSession(courseId, Today.AddMonths(3), 10, ("CI", 6), ("SN", 6)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(response), "seats")
            .ShouldBe("Les quotas des pays totaliseraient 12 places, plus que la capacité de la session (10 places) : réduisez un quota ou augmentez la capacité.");
        (await factory.WithDbAsync(db => db.CourseSessions.CountAsync(s => s.CourseId == courseId))).ShouldBe(0);

        var english = await factory.ApiClientAsync(DemoAccounts.SchoolDirector, language: "en");
        var backwards = await english.PostAsJsonAsync("/api/v1/sessions", new
        {
            courseId, startDate = "2027-05-10", endDate = "2027-05-01", capacity = 10, place = "Bamako",
        });
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(backwards), "endDate").ShouldBe("The session's end date cannot come before its start date.");
        var missing = await english.PostAsJsonAsync("/api/v1/sessions", new { courseId, quotas = new[] { new { country = "XX", seats = 2 } } });
        var problem = await JsonAsync(missing);
        FirstError(problem, "startDate").ShouldBe("The field \"Start date\" is required.");
        FirstError(problem, "capacity").ShouldBe("The field \"Capacity (seats)\" is required.");
        FirstError(problem, "quotas").ShouldContain("XX");
    }

    [Fact]
    public async Task A_session_is_planned_only_by_those_who_manage_its_school()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-WHO");
        var session = NewSession(courseId, Today.AddMonths(5), 20, ("CI", 5));
        (await (await factory.ApiClientAsync(TestAccounts.DirectorCpadd)).PostAsJsonAsync("/api/v1/sessions", session)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.LiaisonCi)).PostAsJsonAsync("/api/v1/sessions", session)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.Director)).PostAsJsonAsync("/api/v1/sessions", session)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.DeskAfrica)).PostAsJsonAsync("/api/v1/sessions", session)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // By school acronym and course code, as an import would.
        var byCode = await (await factory.ApiClientAsync(DemoAccounts.Admin)).PostAsJsonAsync("/api/v1/sessions", new
        {
            school = "empabb", course = "t-ses-who", startDate = Today.AddMonths(6).ToString("yyyy-MM-dd"), endDate = Today.AddMonths(6).AddDays(4).ToString("yyyy-MM-dd"), capacity = 12,
        });
        byCode.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await JsonAsync(byCode)).GetProperty("session").GetProperty("place").GetString().ShouldBe("Bamako");
    }

    [Fact]
    public async Task A_session_opens_closes_and_refuses_what_its_status_does_not_allow()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-LIFE");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddDays(-5), capacity: 20, status: SessionStatus.Planned, quotas: new() { ["CI"] = 5 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        async Task<(HttpStatusCode, JsonElement)> Post(string action, object? body = null)
        {
            var r = await api.PostAsJsonAsync($"/api/v1/sessions/{id}/{action}", body);
            return (r.StatusCode, await JsonAsync(r));
        }

        var (status, page) = await Post("open");
        status.ShouldBe(HttpStatusCode.OK);
        page.GetProperty("session").GetProperty("status").GetString().ShouldBe("Open");
        page.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["close", "cancel"]);

        (status, page) = await Post("open");
        status.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(page, "status").ShouldStartWith("Cette session ne peut pas être ouverte aux candidatures");

        (status, page) = await Post("close");
        status.ShouldBe(HttpStatusCode.OK);
        page.GetProperty("session").GetProperty("status").GetString().ShouldBe("Closed");
        (status, page) = await Post("close");
        FirstError(page, "status").ShouldBe("Les candidatures à cette session ne sont pas ouvertes : il n'y a rien à clore.");

        // The session runs until six days from now: it cannot be completed yet.
        (status, page) = await Post("complete");
        status.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(page, "status").ShouldStartWith("La session ne peut être déclarée terminée qu'à partir de sa date de fin");

        var stale = await api.PostAsJsonAsync($"/api/v1/sessions/{id}/cancel", new { version = 0 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (status, page) = await Post("cancel");
        status.ShouldBe(HttpStatusCode.OK);
        page.GetProperty("session").GetProperty("status").GetString().ShouldBe("Cancelled");
        page.GetProperty("actions").GetArrayLength().ShouldBe(0);
        (status, page) = await Post("open");
        status.ShouldBe(HttpStatusCode.BadRequest);

        var other = await factory.ApiClientAsync(TestAccounts.DirectorCpadd);
        (await other.PostAsync($"/api/v1/sessions/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.PostAsync($"/api/v1/sessions/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_session_that_has_run_is_completed()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-DONE");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddDays(-30), capacity: 20, status: SessionStatus.Closed, quotas: new() { ["CI"] = 5 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{id}")).GetProperty("actions").EnumerateArray().Select(a => a.GetString())
            .ShouldBe(["complete", "open", "cancel"]);
        var response = await api.PostAsync($"/api/v1/sessions/{id}/complete", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("session").GetProperty("status").GetString().ShouldBe("Completed");
        var edit = await api.PutAsJsonAsync($"/api/v1/sessions/{id}/quotas/SN", new { seats = 2 });
        edit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(edit), "status").ShouldStartWith("Cette session est terminée ou annulée");
    }

    [Fact]
    public async Task Quotas_change_one_country_at_a_time_within_the_capacity()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-QUOTA");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddMonths(2), capacity: 20, status: SessionStatus.Open, quotas: new() { ["CI"] = 10, ["SN"] = 6 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector, language: "en");

        var response = await api.PutAsJsonAsync($"/api/v1/sessions/{id}/quotas/bf", new { seats = 4 });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response)).GetProperty("quotaSeats").GetInt32().ShouldBe(20);

        var over = await api.PutAsJsonAsync($"/api/v1/sessions/{id}/quotas/NE", new { seats = 1 });
        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(over), "seats").ShouldBe("The countries' quotas would add up to 21 seats, more than the session's capacity (20 seats): reduce a quota or raise the capacity.");

        response = await api.PutAsJsonAsync($"/api/v1/sessions/{id}/quotas/SN", new { seats = 0 });
        var page = await JsonAsync(response);
        page.GetProperty("quotas").EnumerateArray().Select(q => q.GetProperty("country").GetString()).Order().ShouldBe(["BF", "CI"]);
        page.GetProperty("quotaSeats").GetInt32().ShouldBe(14);

        var negative = await api.PutAsJsonAsync($"/api/v1/sessions/{id}/quotas/CI", new { seats = -2 });
        FirstError(await JsonAsync(negative), "seats").ShouldBe("A quota cannot have a negative number of seats.");
        var unknown = await api.PutAsJsonAsync($"/api/v1/sessions/{id}/quotas/QQ", new { seats = 2 });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(unknown), "quotas").ShouldContain("QQ");
    }

    [Fact]
    public async Task A_session_s_terms_change_with_its_version_and_never_below_its_quotas()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-EDIT");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddMonths(2), capacity: 20, status: SessionStatus.Planned, quotas: new() { ["CI"] = 10, ["SN"] = 6 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{id}")).GetProperty("session").GetProperty("version").GetInt64();
        var start = Today.AddMonths(3);
        object Terms(long v, int capacity) => new
        {
            version = v, startDate = start.ToString("yyyy-MM-dd"), endDate = start.AddDays(4).ToString("yyyy-MM-dd"), place = "Sévaré", capacity,
        };

        var tooSmall = await api.PutAsJsonAsync($"/api/v1/sessions/{id}", Terms(version, 12));
        tooSmall.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(tooSmall), "capacity").ShouldStartWith("Les quotas des pays totaliseraient 16 places");

        var response = await api.PutAsJsonAsync($"/api/v1/sessions/{id}", Terms(version, 30));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = (await JsonAsync(response)).GetProperty("session");
        (session.GetProperty("place").GetString(), session.GetProperty("capacity").GetInt32()).ShouldBe(("Sévaré", 30));
        session.GetProperty("endDate").GetString().ShouldBe(start.AddDays(4).ToString("yyyy-MM-dd"));

        (await api.PutAsJsonAsync($"/api/v1/sessions/{id}", Terms(version, 25))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_list_filters_by_course_status_dates_and_invited_country_and_comes_in_pages()
    {
        var courseId = await factory.CourseAsync("EIFORCES", "T-SES-LIST", domain: "PUBLIC_ORDER");
        var baseDay = new DateOnly(2031, 1, 5);
        var a = (await factory.SessionAsync(courseId: courseId, start: baseDay, capacity: 20, status: SessionStatus.Open, quotas: new() { ["CI"] = 5, ["SN"] = 5 })).Id;
        var b = (await factory.SessionAsync(courseId: courseId, start: baseDay.AddMonths(2), capacity: 20, status: SessionStatus.Planned, quotas: new() { ["SN"] = 5 })).Id;
        var c = (await factory.SessionAsync(courseId: courseId, start: baseDay.AddMonths(4), capacity: 20, status: SessionStatus.Open, quotas: new() { ["CI"] = 8 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<List<int>> Query(string q) => Ids(await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&" + q));

        (await Query("sort=start")).ShouldBe([a, b, c]);
        (await Query("")).ShouldBe([c, b, a]);
        (await Query("status=Open&sort=start")).ShouldBe([a, c]);
        (await Query("country=ci&sort=start")).ShouldBe([a, c]);
        (await Query($"from={baseDay.AddMonths(2):yyyy-MM-dd}&to={baseDay.AddMonths(3):yyyy-MM-dd}")).ShouldBe([b]);
        (await Query("school=EIFORCES&domain=PUBLIC_ORDER&sort=start")).ShouldBe([a, b, c]);
        (await Query("school=EMPABB")).ShouldBeEmpty();

        var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort=start&pageSize=2");
        var second = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort=start&pageSize=2&page=2");
        first.GetProperty("total").GetInt32().ShouldBe(3);
        (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()).ShouldBe((1, 2));
        Ids(first).Concat(Ids(second)).ShouldBe([a, b, c]);
    }

    /// <summary>
    /// The list by country (one, in any case, several, one no session invites, an unknown code) answers the sessions
    /// with seats for it as the database holds them, latest first: found by the quotas' own key of their country
    /// (<c>ListFilters.CountryIdOf</c>) rather than through the country's code. A quota of no seat invites nobody.
    /// </summary>
    [Fact]
    public async Task The_list_by_country_answers_the_sessions_with_seats_for_it_latest_first()
    {
        var courseId = await factory.CourseAsync("EIFORCES", "T-SES-CTRY");
        var noSeat = (await factory.SessionAsync(courseId: courseId, start: new DateOnly(2032, 3, 1), capacity: 20, quotas: new() { ["CI"] = 4, ["BF"] = 0 })).Id;
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var none = factory.WithDb(db => db.Countries.Where(c => !db.SessionQuotas.Any(q => q.CountryId == c.Id && q.Seats > 0)).OrderBy(c => c.Iso2).Select(c => c.Iso2).First());
        foreach (var codes in new[] { "CI", "sn", "CI,SN", "BF", none, "ZZ" })
        {
            var iso2 = codes.ToUpperInvariant().Split(',');
            var expected = factory.WithDb(db => db.CourseSessions.Where(s => s.Quotas.Any(q => iso2.Contains(q.Country!.Iso2) && q.Seats > 0))
                .OrderByDescending(s => s.StartDate).ThenBy(s => s.Id).Select(s => s.Id).ToList());
            var page = await director.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?country={codes}&pageSize=200");
            page.GetProperty("total").GetInt32().ShouldBe(expected.Count, codes);
            Ids(page).ShouldBe(expected.Take(200), codes);
            Ids(page).Contains(noSeat).ShouldBe(codes is "CI" or "CI,SN", codes);
        }
    }

    [Fact]
    public async Task From_a_day_the_list_holds_the_sessions_running_then_however_long_ago_they_began()
    {
        var courseId = await factory.CourseAsync("EIFORCES", "T-SES-LONG", domain: "PUBLIC_ORDER");
        var day = new DateOnly(2032, 6, 1);
        var ordinary = (await factory.SessionAsync(courseId: courseId, start: day.AddDays(-5))).Id; // twelve days, to the 6th
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<List<int>> From(DateOnly from) =>
            Ids(await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort=start&from={from:yyyy-MM-dd}"));
        (await From(day)).ShouldBe([ordinary]);

        // A session longer than any other until now: it began 500 days before and runs past the day.
        var longest = (await factory.SessionAsync(courseId: courseId, start: day.AddDays(-500))).Id;
        await factory.WithDbAsync(async db =>
        {
            (await db.CourseSessions.SingleAsync(s => s.Id == longest)).EndDate = day.AddDays(30);
            return await db.SaveChangesAsync();
        });
        (await From(day)).ShouldBe([longest, ordinary]);
        (await From(day.AddDays(7))).ShouldBe([longest]);
        (await From(day.AddDays(31))).ShouldBeEmpty();
    }

    /// <summary>
    /// Sorted by fill rate, the list comes page after page in the order of the sessions' accepted candidates over their
    /// capacity, and follows a decision at once: the order is read once and kept like the figures
    /// (<c>FigureCache.OrderAsync</c>), and a write counts it again.
    /// </summary>
    [Fact]
    public async Task Sorted_by_fill_rate_the_list_pages_in_order_and_follows_a_decision()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-FILLSORT");
        var sessions = new List<int>();
        for (var i = 0; i < 4; i++)
            sessions.Add((await factory.SessionAsync(courseId: courseId, start: new DateOnly(2033, 1, 10).AddDays(30 * i), capacity: 10,
                status: SessionStatus.Open, quotas: new() { ["CI"] = 10 })).Id);
        async Task AcceptAsync(int session, int count) => await factory.WithDbAsync(async db =>
        {
            var ci = await db.Countries.Where(c => c.Iso2 == "CI").Select(c => c.Id).SingleAsync();
            var arm = await db.Administrations.Where(x => x.Code == "ARM").Select(x => x.Id).SingleAsync();
            for (var i = 0; i < count; i++)
                db.Nominations.Add(new Nomination
                {
                    SessionId = session, CountryId = ci, Status = NominationStatus.Accepted, SubmittedAt = DateTime.UtcNow,
                    Trainee = new Trainee
                    {
                        FirstName = "Awa", LastName = UniqueName("Remplie"), NormalizedName = UniqueName("remplie"), BirthDate = new DateOnly(1987, 3, 1 + i),
                        Gender = Gender.Female, NationalityId = ci, AdministrationId = arm,
                    },
                });
            return await db.SaveChangesAsync();
        });
        for (var i = 1; i < 4; i++) await AcceptAsync(sessions[i], i); // 0, 1, 2 and 3 of 10 seats taken
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<List<int>> Pages(string sort)
        {
            var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort={sort}&pageSize=3");
            var second = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort={sort}&pageSize=3&page=2");
            first.GetProperty("total").GetInt32().ShouldBe(4);
            second.GetProperty("total").GetInt32().ShouldBe(4);
            return Ids(first).Concat(Ids(second)).ToList();
        }

        (await Pages("-fill")).ShouldBe([sessions[3], sessions[2], sessions[1], sessions[0]]);
        (await Pages("fill")).ShouldBe([sessions[0], sessions[1], sessions[2], sessions[3]]);
        await AcceptAsync(sessions[0], 5);
        (await Pages("-fill")).ShouldBe([sessions[0], sessions[3], sessions[2], sessions[1]]);
        var rates = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort=-fill")).GetProperty("items")
            .EnumerateArray().Select(r => r.GetProperty("fillRate").GetInt32()).ToList();
        rates.ShouldBe([50, 30, 20, 10]);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort=-fill&page=3&pageSize=3")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_session_shows_its_fill_rate_its_pending_nominations_and_its_counts_by_status()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-FILL");
        var id = (await factory.SessionAsync(courseId: courseId, start: Today.AddMonths(2), capacity: 8, status: SessionStatus.Open, quotas: new() { ["CI"] = 4, ["SN"] = 4 })).Id;
        await factory.WithDbAsync(async db =>
        {
            var ci = await db.Countries.Where(c => c.Iso2 == "CI").Select(c => c.Id).SingleAsync();
            var sn = await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync();
            var arm = await db.Administrations.Where(x => x.Code == "ARM").Select(x => x.Id).SingleAsync();
            var statuses = new[] { (ci, NominationStatus.Accepted), (ci, NominationStatus.Accepted), (sn, NominationStatus.Accepted),
                (ci, NominationStatus.Waitlisted), (sn, NominationStatus.Submitted), (ci, NominationStatus.UnderReview), (sn, NominationStatus.Refused) };
            var i = 0;
            foreach (var (country, status) in statuses)
            {
                var trainee = new Trainee
                {
                    FirstName = "Awa", LastName = $"Essai{i++}", NormalizedName = $"essai{i} awa", BirthDate = new DateOnly(1988, 2, i),
                    Gender = Gender.Female, NationalityId = country, AdministrationId = arm,
                };
                db.Nominations.Add(new Nomination { SessionId = id, Trainee = trainee, CountryId = country, Status = status, SubmittedAt = DateTime.UtcNow });
            }
            return await db.SaveChangesAsync();
        });

        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{id}");
        var session = page.GetProperty("session");
        (session.GetProperty("accepted").GetInt32(), session.GetProperty("fillRate").GetInt32(), session.GetProperty("pendingNominations").GetInt32())
            .ShouldBe((3, 38, 2));
        var ci = page.GetProperty("quotas").EnumerateArray().Single(q => q.GetProperty("country").GetString() == "CI");
        (ci.GetProperty("seats").GetInt32(), ci.GetProperty("accepted").GetInt32(), ci.GetProperty("waitlisted").GetInt32()).ShouldBe((4, 2, 1));
        var counts = page.GetProperty("nominations").EnumerateArray().ToDictionary(c => c.GetProperty("status").GetString()!, c => c.GetProperty("count").GetInt32());
        counts.ShouldBe(new Dictionary<string, int> { ["Submitted"] = 1, ["UnderReview"] = 1, ["Accepted"] = 3, ["Waitlisted"] = 1, ["Refused"] = 1, ["Withdrawn"] = 0 });

        var row = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}")).GetProperty("items")[0];
        (row.GetProperty("accepted").GetInt32(), row.GetProperty("fillRate").GetInt32(), row.GetProperty("pendingNominations").GetInt32()).ShouldBe((3, 38, 2));
        // A liaison officer counts his own country's pending nominations only.
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var his = (await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}")).GetProperty("items")[0];
        (his.GetProperty("pendingNominations").GetInt32(), his.GetProperty("myCountrySeats").GetInt32()).ShouldBe((1, 4));
    }

    [Fact]
    public async Task A_liaison_officer_sees_only_the_sessions_with_seats_for_his_country()
    {
        var courseId = await factory.CourseAsync("ISMI", "T-SES-LIAISON", domain: "MARITIME_SECURITY");
        var start = new DateOnly(2032, 2, 2);
        var openCi = (await factory.SessionAsync(courseId: courseId, start: start, capacity: 20, status: SessionStatus.Open, quotas: new() { ["CI"] = 5, ["SN"] = 5 })).Id;
        var plannedCi = (await factory.SessionAsync(courseId: courseId, start: start.AddMonths(1), capacity: 20, status: SessionStatus.Planned, quotas: new() { ["CI"] = 3 })).Id;
        var senegalOnly = (await factory.SessionAsync(courseId: courseId, start: start.AddMonths(2), capacity: 20, status: SessionStatus.Open, quotas: new() { ["SN"] = 5 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);

        Ids(await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&sort=start")).ShouldBe([openCi, plannedCi]);
        Ids(await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&openToMyCountry=true")).ShouldBe([openCi]);
        (await api.GetAsync($"/api/v1/sessions/{senegalOnly}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/sessions/{senegalOnly}/calendar.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/sessions/{openCi}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var senegal = await factory.ApiClientAsync(TestAccounts.LiaisonSn);
        Ids(await senegal.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}&openToMyCountry=true&sort=start")).ShouldBe([openCi, senegalOnly]);

        // A school director sees his own school's sessions only.
        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await director.GetFromJsonAsync<JsonElement>($"/api/v1/sessions?courseId={courseId}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await director.GetAsync($"/api/v1/sessions/{openCi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_calendar_parses_back_with_one_all_day_event_per_session()
    {
        var courseId = await factory.CourseAsync("EMPABB", "T-SES-ICS");
        var start = new DateOnly(2030, 6, 10);
        var first = (await factory.SessionAsync(courseId: courseId, start: start, capacity: 20, status: SessionStatus.Open, quotas: new() { ["CI"] = 5 })).Id;
        var second = (await factory.SessionAsync(courseId: courseId, start: start.AddMonths(3), capacity: 16, status: SessionStatus.Planned, quotas: new() { ["CI"] = 5 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.Director);

        var response = await api.GetAsync($"/api/v1/sessions/{first}/calendar.ics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var e = calendar.Events.Single();
        e.Uid.ShouldBe($"session-{first}@cooperation.dcsd");
        e.Summary.ShouldBe("Cours d'essai T-SES-ICS");
        e.Location.ShouldBe("Bamako, EMPABB");
        e.IsAllDay.ShouldBeTrue();
        e.DtStart!.HasTime.ShouldBeFalse();
        DateOnly.FromDateTime(e.DtStart.Value).ShouldBe(start);
        // DTEND of an all-day event is the day after the last one.
        DateOnly.FromDateTime(e.DtEnd!.Value).ShouldBe(start.AddDays(12));
        e.Description!.ShouldContain("EMPABB");
        e.Description!.ShouldContain("20 places");

        var list = await api.GetAsync($"/api/v1/sessions/calendar.ics?courseId={courseId}");
        var all = Ical.Net.Calendar.Load(await list.Content.ReadAsStringAsync())!;
        all.Events.Select(x => x.Uid).Order().ShouldBe(new[] { first, second }.Select(i => $"session-{i}@cooperation.dcsd").Order());
        all.Events.Single(x => x.Uid == $"session-{second}@cooperation.dcsd").Description!.ShouldContain("16 places");
        list.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("sessions-");

        // A calendar of every session is large: it is written as it goes, and compressed for the field's slow links.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/calendar.ics?courseId={courseId}");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var compressed = await api.SendAsync(request);
        compressed.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        await using var brotli = new System.IO.Compression.BrotliStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Ical.Net.Calendar.Load(await new StreamReader(brotli).ReadToEndAsync())!.Events.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Catalogue_and_session_routes_are_described_in_the_openapi_document()
    {
        var doc = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/courses", "/api/v1/courses/{id}", "/api/v1/sessions", "/api/v1/sessions/{id}",
                     "/api/v1/sessions/{id}/quotas/{iso2}", "/api/v1/sessions/{id}/open", "/api/v1/sessions/{id}/close",
                     "/api/v1/sessions/{id}/cancel", "/api/v1/sessions/{id}/complete", "/api/v1/sessions/{id}/calendar.ics",
                     "/api/v1/sessions/calendar.ics" })
            doc.ShouldContain($"\"{route}\"");
    }
}
