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

    [Trait("Category", "Unit")]
    [Fact]
    public void The_domain_issues_a_certificate_for_a_pass_only()
    {
        var nomination = new Nomination { Status = NominationStatus.Accepted };
        nomination.RecordAttendance(true);
        nomination.RecordResult(TrainingResult.Failed);
        Should.Throw<DomainException>(() => nomination.IssueCertificate("ABCDEFGH23", DateTime.UtcNow)).MessageKey.ShouldBe("certificate.onlyForPass");
        nomination.RecordResult(TrainingResult.Passed);
        nomination.IssueCertificate("ABCDEFGH23", DateTime.UtcNow);
        nomination.CertificateCode.ShouldBe("ABCDEFGH23");
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
