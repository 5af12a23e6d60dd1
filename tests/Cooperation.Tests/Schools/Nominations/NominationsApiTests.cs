using System.Text;
using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>The nomination rules, each proved through the API: capacity, quota, waiting list, screening, status cycle, deduplication, scopes.</summary>
public class NominationsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly DateOnly Born = new(1985, 3, 14);

    private async Task<int> NominateClearedAsync(HttpClient desk, int sessionId, string country = "CI", string? lastName = null, DateOnly? born = null)
    {
        var created = await desk.NominateAsync(sessionId, Candidate("Moussa", lastName ?? UniqueName("Traore"), born ?? Born), country);
        var id = created.GetProperty("id").GetInt32();
        (await desk.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task The_demo_dates_no_nomination_submitted_screened_or_decided_in_the_future_and_lists_start_with_todays()
    {
        var now = DateTime.UtcNow;
        factory.WithDb(db => db.Nominations.Count(n => n.SubmittedAt > now || n.DecidedAt > now || n.ScreenedAt > now)).ShouldBe(0);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var first = (await JsonAsync(await desk.GetAsync("/api/v1/nominations?pageSize=1"))).GetProperty("items")[0];
        first.GetProperty("submittedAt").GetDateTime().ShouldBeLessThanOrEqualTo(now);
        first.GetProperty("submittedAt").GetDateTime().ShouldBeGreaterThan(now.AddDays(-30));
    }

    [Fact]
    public async Task A_session_never_accepts_more_candidates_than_its_capacity()
    {
        // Quotas set before the capacity was lowered: only the capacity stops the third acceptance.
        var sessionId = (await factory.SessionAsync(capacity: 2, quotas: new() { ["CI"] = 3 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(await NominateClearedAsync(desk, sessionId));

        (await desk.ActAsync(ids[0], "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(ids[1], "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await desk.ActAsync(ids[2], "accept");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["status"].ShouldBe([factory.Message("fr", "nomination.capacityReached", 2)]);
        (await desk.GetNominationAsync(ids[2])).Status().ShouldBe("Submitted");
        var list = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={sessionId}&status=Accepted");
        list.GetProperty("total").GetInt32().ShouldBe(2);
    }

    /// <summary>
    /// The list by country (one, in any case, several, one without nominations, an unknown code) answers the country's
    /// nominations as the database holds them, newest first: found by the nominations' own key of their country
    /// (<c>ListFilters.OfCountries</c>) rather than through the country's code.
    /// </summary>
    [Fact]
    public async Task The_list_by_country_answers_the_countrys_nominations_newest_first()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var none = factory.WithDb(db => db.Countries.Where(c => !db.Nominations.Any(n => n.CountryId == c.Id)).OrderBy(c => c.Iso2).Select(c => c.Iso2).First());
        foreach (var codes in new[] { "CI", "sn", "CI,SN", none, "ZZ" })
        {
            var iso2 = codes.ToUpperInvariant().Split(',');
            var expected = factory.WithDb(db => db.Nominations.Where(n => iso2.Contains(n.Country!.Iso2))
                .OrderByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Select(n => n.Id).ToList());
            var page = await director.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?country={codes}&pageSize=200");
            page.GetProperty("total").GetInt32().ShouldBe(expected.Count, codes);
            page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ShouldBe(expected.Take(200), codes);
        }
    }

    [Fact]
    public async Task A_country_never_has_more_candidates_accepted_than_its_quota()
    {
        var sessionId = (await factory.SessionAsync(capacity: 10, quotas: new() { ["CI"] = 1, ["SN"] = 2 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var first = await NominateClearedAsync(desk, sessionId, "CI");
        var second = await NominateClearedAsync(desk, sessionId, "CI");
        var senegalese = await NominateClearedAsync(desk, sessionId, "SN");

        (await desk.ActAsync(first, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await desk.ActAsync(second, "accept");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["status"].ShouldBe([factory.Message("en", "nomination.quotaReached", 1)]);
        (await desk.ActAsync(senegalese, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seats = (await desk.GetNominationAsync(second)).GetProperty("seats");
        seats.GetProperty("quota").GetInt32().ShouldBe(1);
        seats.GetProperty("acceptedForCountry").GetInt32().ShouldBe(1);
        seats.GetProperty("accepted").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Withdrawing_an_accepted_candidate_moves_the_first_cleared_waitlisted_one_up()
    {
        var sessionId = (await factory.SessionAsync(capacity: 2, quotas: new() { ["CI"] = 2 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var accepted = await NominateClearedAsync(desk, sessionId);
        var other = await NominateClearedAsync(desk, sessionId);
        var notCleared = (await desk.NominateAsync(sessionId, Candidate("Awa", UniqueName("Diallo"), Born, "Female"), "CI")).GetProperty("id").GetInt32();
        var firstInLine = await NominateClearedAsync(desk, sessionId);
        var secondInLine = await NominateClearedAsync(desk, sessionId);
        (await desk.ActAsync(accepted, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(other, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var id in new[] { notCleared, firstInLine, secondInLine })
            (await desk.ActAsync(id, "waitlist")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.GetNominationAsync(secondInLine)).GetProperty("seats").GetProperty("waitlistPosition").GetInt32().ShouldBe(3);

        // The liaison officer of the country withdraws his candidate.
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var response = await liaison.ActAsync(accepted, "withdraw");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("nomination").Status().ShouldBe("Withdrawn");
        body.GetProperty("promoted").GetProperty("id").GetInt32().ShouldBe(firstInLine);
        (await desk.GetNominationAsync(firstInLine)).Status().ShouldBe("Accepted");
        (await desk.GetNominationAsync(notCleared)).Status().ShouldBe("Waitlisted");
        (await desk.GetNominationAsync(secondInLine)).Status().ShouldBe("Waitlisted");
        var history = (await desk.GetNominationAsync(firstInLine)).GetProperty("history").EnumerateArray().ToList();
        history.Last().GetProperty("statusFrom").GetString().ShouldBe("Waitlisted");
        history.Last().GetProperty("statusTo").GetString().ShouldBe("Accepted");
    }

    [Fact]
    public async Task A_candidate_is_accepted_only_once_cleared_and_only_headquarters_screen()
    {
        var sessionId = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = (await liaison.NominateAsync(sessionId, Candidate("Koffi", UniqueName("Yao"), Born))).GetProperty("id").GetInt32();

        var early = await desk.ActAsync(id, "accept");
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ErrorsAsync())["screening"].ShouldBe([factory.Message("fr", "nomination.notCleared")]);

        (await liaison.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await director.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var unknown = await desk.ScreenAsync(id, "Maybe");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ErrorsAsync()).ShouldContainKey("outcome");

        (await desk.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var screened = await desk.GetNominationAsync(id);
        screened.GetProperty("screening").GetProperty("status").GetString().ShouldBe("Cleared");
        screened.GetProperty("screening").GetProperty("by").GetString().ShouldBe(DemoAccounts.DeskAfrica);
        screened.GetProperty("screening").TryGetProperty("at", out var at).ShouldBeTrue();
        at.ValueKind.ShouldBe(JsonValueKind.String);
        (await desk.ActAsync(id, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.GetNominationAsync(id)).GetProperty("decidedBy").GetString().ShouldBe(DemoAccounts.DeskAfrica);
    }

    [Fact]
    public async Task Nominations_follow_their_status_cycle_refused_and_withdrawn_are_final()
    {
        var sessionId = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var refused = await NominateClearedAsync(desk, sessionId);
        var withdrawn = await NominateClearedAsync(desk, sessionId);

        (await desk.ActAsync(refused, "review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.GetNominationAsync(refused)).Status().ShouldBe("UnderReview");
        (await desk.ActAsync(refused, "refuse")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accept = await desk.ActAsync(refused, "accept");
        accept.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await accept.ErrorsAsync()).ShouldContainKey("status");
        (await desk.GetNominationAsync(refused)).Status().ShouldBe("Refused");

        (await desk.ActAsync(withdrawn, "withdraw")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var action in new[] { "review", "accept", "waitlist", "refuse", "withdraw" })
            (await desk.ActAsync(withdrawn, action)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await desk.GetNominationAsync(withdrawn)).Status().ShouldBe("Withdrawn");
        var actions = (await desk.GetNominationAsync(withdrawn)).GetProperty("actions");
        actions.GetProperty("accept").GetBoolean().ShouldBeFalse();
        actions.GetProperty("withdraw").GetBoolean().ShouldBeFalse();

        var history = (await desk.GetNominationAsync(refused)).GetProperty("history").EnumerateArray()
            .Select(e => e.GetProperty("statusTo").GetString()).Where(s => s is not null).ToList();
        history.ShouldBe(["Submitted", "UnderReview", "Refused"]);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_conflict()
    {
        var sessionId = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = await NominateClearedAsync(desk, sessionId);
        var version = (await desk.GetNominationAsync(id)).GetProperty("nomination").GetProperty("version").GetInt64();

        (await desk.ActAsync(id, "review", version)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(id, "waitlist", version)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await desk.GetNominationAsync(id)).Status().ShouldBe("UnderReview");
    }

    [Fact]
    public async Task Refusals_of_the_session_come_back_with_the_reason()
    {
        var planned = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 }, status: SessionStatus.Planned)).Id;
        var senegalOnly = (await factory.SessionAsync(capacity: 5, quotas: new() { ["SN"] = 5 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var candidate = Candidate("Ibrahim", UniqueName("Coulibaly"), Born);

        var notOpen = await desk.PostAsJsonAsync("/api/v1/nominations", new { sessionId = planned, country = "CI", candidate });
        notOpen.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notOpen.ErrorsAsync())["session"].ShouldBe([factory.Message("en", "nomination.sessionNotOpen")]);

        var notInvited = await desk.PostAsJsonAsync("/api/v1/nominations", new { sessionId = senegalOnly, country = "CI", candidate });
        notInvited.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notInvited.ErrorsAsync())["country"].ShouldBe([factory.Message("en", "nomination.countryNotInvited")]);

        var open = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        await desk.NominateAsync(open, candidate, "CI");
        var twice = await desk.PostAsJsonAsync("/api/v1/nominations", new { sessionId = open, country = "CI", candidate });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twice.ErrorsAsync())["trainee"].ShouldBe([factory.Message("en", "nomination.duplicate")]);
    }

    [Fact]
    public async Task Missing_or_wrong_fields_are_named_in_the_user_language()
    {
        var sessionId = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var response = await desk.PostAsJsonAsync("/api/v1/nominations", new
        {
            sessionId, country = "CI",
            candidate = new { firstName = "", lastName = "Kouassi", gender = "X", administration = "NAVY", email = "not-an-address" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await response.ErrorsAsync();
        errors["firstName"].ShouldBe(["The field \"First name\" is required."]);
        errors["birthDate"].ShouldBe(["The field \"Date of birth\" is required."]);
        errors["gender"].ShouldBe(["The value \"X\" of the field \"Gender\" is unknown."]);
        errors["administration"].ShouldBe(["The value \"NAVY\" of the field \"Home administration\" is unknown."]);
        errors["email"].ShouldBe(["The email address \"not-an-address\" is not valid (expected: name@domain.org)."]);
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.LastName == "Kouassi" && t.Email == "not-an-address"))).ShouldBe(0);
    }

    [Fact]
    public async Task One_person_nominated_twice_is_one_trainee_and_customs_officers_are_nominated_too()
    {
        var first = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var second = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var lastName = UniqueName("Koné");
        var born = new DateOnly(1982, 7, 1);

        var a = await liaison.NominateAsync(first, Candidate("Aïcha", lastName, born, "Female", "DOU"));
        var b = await liaison.NominateAsync(second, Candidate("AICHA", lastName.ToUpperInvariant().Replace('É', 'E'), born, "Female", "DOU"));

        a.GetProperty("existingTrainee").GetBoolean().ShouldBeFalse();
        b.GetProperty("existingTrainee").GetBoolean().ShouldBeTrue();
        b.GetProperty("traineeId").GetInt32().ShouldBe(a.GetProperty("traineeId").GetInt32());
        b.GetProperty("nomination").GetProperty("candidate").GetProperty("nationality").GetString().ShouldBe("CI");
        b.GetProperty("nomination").GetProperty("nomination").GetProperty("administration").GetString().ShouldBe("DOU");
        var normalized = Trainee.Normalize("Aïcha", lastName);
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.NormalizedName == normalized))).ShouldBe(1);
    }

    [Fact]
    public async Task A_near_match_is_listed_and_merged_into_the_existing_trainee()
    {
        var first = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var second = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Ouattara");
        var born = new DateOnly(1979, 11, 23);
        var existing = await desk.NominateAsync(first, Candidate("Seydou", lastName, born), "CI");
        var existingTrainee = existing.GetProperty("traineeId").GetInt32();

        // The same man with a misspelt first name: a new record, flagged.
        var typo = await desk.NominateAsync(second, Candidate("Seidou", lastName, born), "CI");
        typo.GetProperty("existingTrainee").GetBoolean().ShouldBeFalse();
        typo.GetProperty("nearMatches").GetInt32().ShouldBe(1);
        var nominationId = typo.GetProperty("id").GetInt32();
        var duplicate = typo.GetProperty("traineeId").GetInt32();

        var matches = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{nominationId}/near-matches");
        var match = matches.EnumerateArray().Single();
        match.GetProperty("traineeId").GetInt32().ShouldBe(existingTrainee);
        match.GetProperty("reason").GetString().ShouldBe("SameLastName");
        match.GetProperty("name").GetString().ShouldBe($"Seydou {lastName.ToUpperInvariant()}");

        // A trainee who is not a near-match cannot be merged into.
        var stranger = (await desk.NominateAsync(first, Candidate("Adama", UniqueName("Bamba"), new DateOnly(1990, 1, 2)), "CI")).GetProperty("traineeId").GetInt32();
        var wrong = await desk.PostAsJsonAsync($"/api/v1/nominations/{nominationId}/merge", new { traineeId = stranger });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.ErrorsAsync()).ShouldContainKey("traineeId");

        var merged = await desk.PostAsJsonAsync($"/api/v1/nominations/{nominationId}/merge", new { traineeId = existingTrainee });

        merged.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await merged.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("traineeId").GetInt32().ShouldBe(existingTrainee);
        body.GetProperty("nomination").GetProperty("nomination").GetProperty("traineeId").GetInt32().ShouldBe(existingTrainee);
        body.GetProperty("nomination").GetProperty("history").EnumerateArray().Last().GetProperty("traineeTo").GetInt32().ShouldBe(existingTrainee);
        (await factory.WithDbAsync(db => db.Trainees.AnyAsync(t => t.Id == duplicate))).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.Nominations.CountAsync(n => n.TraineeId == existingTrainee))).ShouldBe(2);
        (await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Trainee" && e.EntityKey == duplicate.ToString() && e.Action == "Deleted")))
            .ShouldBeTrue();
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{nominationId}/near-matches")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Merging_two_records_nominated_to_the_same_session_is_refused_and_liaison_officers_do_not_merge()
    {
        var sessionId = (await factory.SessionAsync(capacity: 5, quotas: new() { ["CI"] = 5 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Konan");
        var born = new DateOnly(1988, 5, 5);
        var existing = (await desk.NominateAsync(sessionId, Candidate("Yves", lastName, born), "CI")).GetProperty("traineeId").GetInt32();
        // Same name, birth date a few months off: a near-match of another kind.
        var other = await desk.NominateAsync(sessionId, Candidate("Yves", lastName, born.AddMonths(4)), "CI");
        var nominationId = other.GetProperty("id").GetInt32();
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations/{nominationId}/near-matches"))
            .EnumerateArray().Single().GetProperty("reason").GetString().ShouldBe("BirthDateClose");

        var refused = await desk.PostAsJsonAsync($"/api/v1/nominations/{nominationId}/merge", new { traineeId = existing });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["traineeId"].ShouldBe([factory.Message("fr", "nominations.mergeSameSession", sessionId)]);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.PostAsJsonAsync($"/api/v1/nominations/{nominationId}/merge", new { traineeId = existing })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_liaison_officer_sees_his_country_only_and_cannot_nominate_for_another()
    {
        var sessionId = (await factory.SessionAsync(capacity: 6, quotas: new() { ["CI"] = 3, ["SN"] = 3 })).Id;
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var ivorian = (await liaison.NominateAsync(sessionId, Candidate("Serge", UniqueName("Gbagbo"), Born))).GetProperty("id").GetInt32();
        var senegalese = (await desk.NominateAsync(sessionId, Candidate("Omar", UniqueName("Ndiaye"), Born), "SN")).GetProperty("id").GetInt32();

        var forSenegal = await liaison.PostAsJsonAsync("/api/v1/nominations", new { sessionId, country = "SN", candidate = Candidate("Fatou", UniqueName("Sow"), Born) });
        forSenegal.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var list = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={sessionId}");
        list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ShouldBe([ivorian]);
        var all = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/nominations?pageSize=200");
        all.GetProperty("items").EnumerateArray().ShouldAllBe(n => n.GetProperty("country").GetString() == "CI");
        (await liaison.GetAsync($"/api/v1/nominations/{senegalese}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await liaison.ActAsync(senegalese, "withdraw")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // He withdraws his own candidate but does not decide on him.
        (await liaison.ActAsync(ivorian, "accept")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.GetNominationAsync(ivorian)).GetProperty("actions").GetProperty("withdraw").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_school_director_sees_and_decides_only_his_school_nominations()
    {
        var own = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 4 })).Id;
        var elsewhere = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 4 }, school: "CPADD")).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var here = await NominateClearedAsync(desk, own);
        var there = await NominateClearedAsync(desk, elsewhere);

        var ownSession = await director.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={own}");
        ownSession.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ShouldBe([here]);
        (await director.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={elsewhere}")).GetProperty("total").GetInt32().ShouldBe(0);
        var all = await director.GetFromJsonAsync<JsonElement>("/api/v1/nominations?pageSize=200");
        all.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        all.GetProperty("items").EnumerateArray().ShouldAllBe(n => n.GetProperty("school").GetString() == "EMPABB");
        (await director.GetAsync($"/api/v1/nominations/{there}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await director.ActAsync(there, "accept")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await director.ActAsync(here, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cannotNominate = await director.PostAsJsonAsync("/api/v1/nominations", new { sessionId = own, country = "CI", candidate = Candidate("Paul", UniqueName("Kone"), Born) });
        cannotNominate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_auditor_sees_nominations_with_names_redacted_and_changes_nothing()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 4 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Bakayoko");
        var id = (await desk.NominateAsync(sessionId, Candidate("Hamed", lastName, Born, email: "h.bakayoko@example.org"), "CI")).GetProperty("id").GetInt32();
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);

        var row = (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={sessionId}")).GetProperty("items").EnumerateArray().Single();
        row.GetProperty("traineeName").GetString().ShouldBe("•••");
        row.GetProperty("country").GetString().ShouldBe("CI");
        var details = await auditor.GetNominationAsync(id);
        details.GetProperty("candidate").GetProperty("lastName").GetString().ShouldBe("•••");
        details.GetProperty("candidate").GetProperty("birthDate").ValueKind.ShouldBe(JsonValueKind.Null);
        details.GetProperty("candidate").GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        (await auditor.GetStringAsync($"/api/v1/nominations/{id}")).ShouldNotContain(lastName, Case.Insensitive);
        (await auditor.GetStringAsync($"/api/v1/nominations?search={lastName}")).ShouldNotContain(lastName, Case.Insensitive);
        (await auditor.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.ActAsync(id, "refuse")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// Searched by a name, the nominations are counted up to 10,000 (<c>Paging.SearchCountLimit</c>): one letter, held by
    /// nearly every candidate of the demo's 34,000 nominations, says "more than 10,000" and pages on past the bound, in
    /// the API and on the page; a candidate's surname is counted exactly.
    /// </summary>
    [Fact]
    public async Task A_name_search_counts_up_to_ten_thousand_nominations_then_says_more()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 4 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Kouyaté");
        await desk.NominateAsync(sessionId, Candidate("Sékou", lastName, Born, email: "s.kouyate@example.org"), "CI");

        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var many = await api.GetFromJsonAsync<JsonElement>("/api/v1/nominations?search=a&pageSize=200&page=55");
        many.GetProperty("total").GetInt32().ShouldBe(10_000);
        many.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeTrue();
        var names = many.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("traineeName").GetString()!).ToList();
        names.Count.ShouldBe(200);
        names.ShouldAllBe(n => n.Normalize(NormalizationForm.FormD).Contains('a', StringComparison.OrdinalIgnoreCase)); // "à" too
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?search={Uri.EscapeDataString(lastName)}");
        one.GetProperty("total").GetInt32().ShouldBe(1);
        one.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(await page.GetAsync("/Schools/Nominations?Search=a"));
        html.ShouldContain("data-testid=\"total-lower-bound\"");
        html.ShouldNotContain("Dernière page");
    }

    [Fact]
    public async Task The_desk_officer_queue_lists_what_awaits_a_decision()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 4 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var submitted = await NominateClearedAsync(desk, sessionId);
        var reviewed = await NominateClearedAsync(desk, sessionId);
        var decided = await NominateClearedAsync(desk, sessionId);
        (await desk.ActAsync(reviewed, "review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(decided, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var queue = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={sessionId}&awaiting=true&sort=submitted");
        queue.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ShouldBe([submitted, reviewed]);
        queue.GetProperty("total").GetInt32().ShouldBe(2);
        var paged = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={sessionId}&pageSize=1&page=2&sort=submitted");
        paged.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32().ShouldBe(reviewed);
        paged.GetProperty("total").GetInt32().ShouldBe(3);
        var cleared = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/nominations?session={sessionId}&screening=Cleared&status=Accepted");
        cleared.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32().ShouldBe(decided);
        var wrong = await desk.GetAsync("/api/v1/nominations?status=Lost");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.ErrorsAsync()).ShouldContainKey("status");
    }

    [Fact]
    public async Task The_api_is_described_in_the_openapi_document()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/nominations", "/api/v1/nominations/{id}", "/api/v1/nominations/{id}/accept", "/api/v1/nominations/{id}/screening",
                     "/api/v1/nominations/{id}/near-matches", "/api/v1/nominations/{id}/merge", "/api/v1/nominations/{id}/invitation.pdf" })
            json.ShouldContain($"\"{path}\"");
    }
}
