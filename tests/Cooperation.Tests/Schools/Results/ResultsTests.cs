using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cooperation.Tests.Schools.Results;

public class ResultsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>The English of a rule's message, as the application words it.</summary>
    private string English(string key)
    {
        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            return factory.Services.GetRequiredService<IStringLocalizer<ResultsTests>>()[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private Task<long> VersionAsync(int nominationId) =>
        factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Version).SingleAsync());

    private async Task<object> RowAsync(int nominationId, bool attended, string? result) =>
        new { nominationId, attended, result, version = await VersionAsync(nominationId) };

    [Fact]
    public async Task A_result_is_refused_on_an_enrolment_not_accepted_or_not_attended_naming_the_trainee_and_nothing_is_saved()
    {
        var session = await factory.SessionAsync(start: new DateOnly(2024, 3, 4));
        var accepted = await factory.TraineeAsync("SN");
        var absent = await factory.TraineeAsync("CI");
        var pending = await factory.TraineeAsync("SN", Gender.Male);
        var a = await factory.NominateAsync(session.Id, accepted);
        var b = await factory.NominateAsync(session.Id, absent);
        var c = await factory.NominateAsync(session.Id, pending, accept: false);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");

        var response = await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/results", new
        {
            rows = new[] { await RowAsync(a, true, "passed"), await RowAsync(c, true, "passed") },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var message = errors.GetProperty("rows[1].attended")[0].GetString()!;
        message.ShouldContain(pending.LastName.ToUpperInvariant());
        message.ShouldContain(English("enrollment.notAccepted"));
        errors.TryGetProperty("rows[0].result", out _).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.Nominations.SingleAsync(n => n.Id == a))).Attended.ShouldBeNull();

        response = await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/results", new { rows = new[] { await RowAsync(b, false, "passed") } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("rows[0].result")[0].GetString()!;
        message.ShouldContain(absent.LastName.ToUpperInvariant());
        message.ShouldContain(English("enrollment.notAttended"));

        response = await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/results", new { rows = new[] { await RowAsync(b, true, "brilliant") } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rows[0].result", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Results_are_saved_together_and_certificates_go_to_the_passes_only()
    {
        var session = await factory.SessionAsync(start: new DateOnly(2024, 3, 4));
        var passed = await factory.TraineeAsync("SN");
        var failed = await factory.TraineeAsync("CI", Gender.Male);
        var absent = await factory.TraineeAsync("SN", Gender.Male);
        var p = await factory.NominateAsync(session.Id, passed);
        var f = await factory.NominateAsync(session.Id, failed);
        var x = await factory.NominateAsync(session.Id, absent);
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");

        var rows = new[] { await RowAsync(p, true, "passed"), await RowAsync(f, true, "failed"), await RowAsync(x, false, null) };
        var saved = await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/results", new { rows });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enrolments").EnumerateArray()
            .ToDictionary(e => e.GetProperty("nominationId").GetInt32());
        results[p].GetProperty("result").GetString().ShouldBe("passed");
        results[f].GetProperty("result").GetString().ShouldBe("failed");
        results[x].GetProperty("attended").GetBoolean().ShouldBeFalse();

        // The same rows again carry versions now stale.
        (await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/results", new { rows })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var issued = await api.PostAsync($"/api/v1/sessions/{session.Id}/certificates", null);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var certificates = (await issued.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        certificates.Count.ShouldBe(1);
        certificates[0].GetProperty("nominationId").GetInt32().ShouldBe(p);
        var code = certificates[0].GetProperty("code").GetString()!;
        code.ShouldMatch("^[A-HJ-NP-Z2-9]{10}$");
        (await factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == f || n.Id == x).AnyAsync(n => n.CertificateCode != null))).ShouldBeFalse();

        // Issuing again finds every pass certified already.
        (await (await api.PostAsync($"/api/v1/sessions/{session.Id}/certificates", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetArrayLength().ShouldBe(0);

        // A certified pass stays a pass.
        var undo = await api.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/results", new { rows = new[] { await RowAsync(p, true, "failed") } });
        undo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await undo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("rows[0].result")[0].GetString()!
            .ShouldContain(English("enrollment.certified"));
    }

    private static readonly DateOnly End = new(2024, 3, 15);

    [Trait("Category", "Unit")]
    [Fact]
    public void The_domain_issues_a_certificate_for_a_pass_only()
    {
        var nomination = new Nomination { Status = NominationStatus.Accepted };
        nomination.RecordOutcome(true, TrainingResult.Failed, End, End);
        Should.Throw<DomainException>(() => nomination.IssueCertificate("ABCDEFGH23", DateTime.UtcNow)).MessageKey.ShouldBe("certificate.onlyForPass");
        nomination.RecordOutcome(true, TrainingResult.Passed, End, End);
        nomination.IssueCertificate("ABCDEFGH23", DateTime.UtcNow);
        nomination.CertificateCode.ShouldBe("ABCDEFGH23");
    }

    [Trait("Category", "Unit")]
    [Fact]
    public void The_domain_records_an_outcome_from_the_session_s_last_day_only_naming_that_day()
    {
        var nomination = new Nomination { Status = NominationStatus.Accepted };
        var refused = Should.Throw<DomainException>(() => nomination.RecordOutcome(true, TrainingResult.Passed, End, End.AddDays(-1)));
        refused.MessageKey.ShouldBe("session.resultsBeforeEnd");
        refused.Field.ShouldBe("session");
        refused.Args.ShouldBe(["2024-03-15"]);
        nomination.Result.ShouldBeNull();
        nomination.Attended.ShouldBeNull();

        nomination.RecordOutcome(true, TrainingResult.Passed, End, End);
        nomination.Result.ShouldBe(TrainingResult.Passed);
        new CourseSession { Place = "Bamako", EndDate = End }.ResultsOpen(End.AddDays(1)).ShouldBeTrue();
    }

    [Trait("Category", "Unit")]
    [Fact]
    public void The_domain_keeps_attendance_and_result_consistent_withdrew_excluding_present_to_the_end()
    {
        var nomination = new Nomination { Status = NominationStatus.Accepted };
        Should.Throw<DomainException>(() => nomination.RecordOutcome(true, TrainingResult.Withdrew, End, End))
            .MessageKey.ShouldBe("enrollment.withdrewPresent");
        Should.Throw<DomainException>(() => nomination.RecordOutcome(false, TrainingResult.Passed, End, End))
            .MessageKey.ShouldBe("enrollment.notAttended");

        nomination.RecordOutcome(false, TrainingResult.Withdrew, End, End);
        (nomination.Attended, nomination.Result).ShouldBe((false, TrainingResult.Withdrew));
        // Present to the end again while the result stays "withdrew": refused, the two would contradict each other.
        Should.Throw<DomainException>(() => nomination.RecordOutcome(true, null, End, End)).MessageKey.ShouldBe("enrollment.withdrewPresent");

        nomination.RecordOutcome(true, TrainingResult.Passed, End, End);
        // Marked absent, a pass no longer holds.
        nomination.RecordOutcome(false, null, End, End);
        (nomination.Attended, nomination.Result).ShouldBe((false, null));
    }

    [Fact]
    public async Task Before_the_session_s_last_day_results_and_certificates_are_refused_naming_the_day_and_withdrew_with_present_is_refused()
    {
        var running = await factory.SessionAsync(start: TestData.Today.AddDays(-3));
        var trainee = await factory.TraineeAsync("SN");
        var n = await factory.NominateAsync(running.Id, trainee);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");
        var end = TestData.Today.AddDays(8).ToString("yyyy-MM-dd");

        var response = await api.PutAsJsonAsync($"/api/v1/sessions/{running.Id}/results", new { rows = new[] { await RowAsync(n, true, "passed") } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("rows")[0].GetString()!;
        message.ShouldBe($"Attendance, results and certificates can only be recorded from the last day of the session ({end}).");
        (await factory.WithDbAsync(db => db.Nominations.SingleAsync(x => x.Id == n))).Attended.ShouldBeNull();

        response = await api.PostAsync($"/api/v1/sessions/{running.Id}/certificates", null);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("session")[0].GetString()!.ShouldContain(end);

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(await page.GetAsync($"/Schools/Sessions/{running.Id}/Results"));
        html.ShouldContain("data-testid=\"results-not-open\"");
        html.ShouldContain(TestData.Today.AddDays(8).ToString("d", CultureInfo.GetCultureInfo("fr-FR")));
        html.ShouldNotContain("data-testid=\"save-results\"");

        var ended = await factory.SessionAsync(start: new DateOnly(2024, 3, 4));
        var other = await factory.NominateAsync(ended.Id, await factory.TraineeAsync("CI"));
        response = await api.PutAsJsonAsync($"/api/v1/sessions/{ended.Id}/results", new { rows = new[] { await RowAsync(other, true, "withdrew") } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("rows[0].result")[0].GetString()!
            .ShouldContain(English("enrollment.withdrewPresent"));
        (await api.PutAsJsonAsync($"/api/v1/sessions/{ended.Id}/results", new { rows = new[] { await RowAsync(other, false, "withdrew") } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Results_are_the_school_s_the_zone_s_or_an_administrator_s_to_record()
    {
        var bamako = await factory.SessionAsync(school: "EMPABB", start: new DateOnly(2024, 3, 4));
        var trainee = await factory.TraineeAsync("CI");
        var n = await factory.NominateAsync(bamako.Id, trainee);
        var body = new { rows = new[] { await RowAsync(n, true, null) } };

        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        (await director.PutAsJsonAsync($"/api/v1/sessions/{bamako.Id}/results", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.PutAsJsonAsync($"/api/v1/sessions/{bamako.Id}/results", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.PostAsync($"/api/v1/sessions/{bamako.Id}/certificates", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ouidah = await factory.SessionAsync(school: "CPADD", domain: "DEMINING", start: new DateOnly(2024, 3, 4));
        var school = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await school.PutAsJsonAsync($"/api/v1/sessions/{ouidah.Id}/results", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await school.PutAsJsonAsync($"/api/v1/sessions/{bamako.Id}/results", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_results_page_saves_every_row_in_one_form_and_shows_a_refused_row_with_the_trainee_s_name()
    {
        var session = await factory.SessionAsync(school: "EMPABB", start: new DateOnly(2024, 3, 4));
        var first = await factory.TraineeAsync("SN");
        var second = await factory.TraineeAsync("CI", Gender.Male);
        var n1 = await factory.NominateAsync(session.Id, first);
        var n2 = await factory.NominateAsync(session.Id, second);
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var path = $"/Schools/Sessions/{session.Id}/Results";

        (await HtmlAsync(await page.GetAsync($"/Schools/Sessions/{session.Id}"))).ShouldContain($"href=\"{path}\"");
        var html = await HtmlAsync(await page.GetAsync(path));
        html.ShouldContain(first.LastName.ToUpperInvariant());
        html.ShouldContain(second.LastName.ToUpperInvariant());
        html.ShouldContain("data-testid=\"save-results\"");

        // Rows are ordered by name; find which index each nomination has on the page.
        var i1 = html.IndexOf($"value=\"{n1}\"", StringComparison.Ordinal) < html.IndexOf($"value=\"{n2}\"", StringComparison.Ordinal) ? 0 : 1;
        var i2 = 1 - i1;
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, path);
        async Task<HttpResponseMessage> PostAsync(bool secondAttended)
        {
            List<KeyValuePair<string, string>> fields =
            [
                new("__RequestVerificationToken", token),
                new($"Rows[{i1}].NominationId", n1.ToString()), new($"Rows[{i1}].Version", (await VersionAsync(n1)).ToString()),
                new($"Rows[{i1}].Attended", "true"), new($"Rows[{i1}].Attended", "false"), new($"Rows[{i1}].Result", "passed"),
                new($"Rows[{i2}].NominationId", n2.ToString()), new($"Rows[{i2}].Version", (await VersionAsync(n2)).ToString()),
            ];
            // An unticked box posts only its hidden "false".
            if (secondAttended) fields.Add(new($"Rows[{i2}].Attended", "true"));
            fields.Add(new($"Rows[{i2}].Attended", "false"));
            fields.Add(new($"Rows[{i2}].Result", "passed"));
            return await page.PostAsync(path, new FormUrlEncodedContent(fields));
        }

        var refused = await PostAsync(secondAttended: false);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html = await HtmlAsync(refused);
        html.ShouldContain("data-testid=\"row-error\"");
        html.ShouldContain($"Moussa {second.LastName.ToUpperInvariant()} : ");
        (await factory.WithDbAsync(db => db.Nominations.SingleAsync(n => n.Id == n1))).Result.ShouldBeNull();

        var saved = await PostAsync(secondAttended: true);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == n1 || n.Id == n2).Select(n => n.Result).ToListAsync()))
            .ShouldAllBe(r => r == TrainingResult.Passed);

        // Issuing is a step that says how many certificates go out, then a confirmation.
        html = await HtmlAsync(await page.GetAsync(path));
        html.ShouldContain("data-testid=\"ask-issue-certificates\"");
        html.ShouldNotContain("data-testid=\"issue-certificates\"");
        html = await HtmlAsync(await page.GetAsync($"{path}?confirm=certificates"));
        html.ShouldContain("2 certificat(s) vont être délivrés.");
        html.ShouldContain("Confirmer la délivrance de 2 certificat(s)");

        var issued = await page.PostAsync($"{path}?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await CooperationFactory.AntiforgeryTokenAsync(page, path),
        }));
        issued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = await HtmlAsync(await page.GetAsync(path));
        html.ShouldContain("2 certificat(s) délivré(s).");
        html.ShouldContain("data-testid=\"certificate-code\"");

        var reader = await factory.PageClientAsync(DemoAccounts.Director);
        html = await HtmlAsync(await reader.GetAsync(path));
        html.ShouldContain(first.LastName.ToUpperInvariant());
        html.ShouldNotContain("data-testid=\"save-results\"");
        (await reader.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await CooperationFactory.AntiforgeryTokenAsync(page, path),
        }))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
