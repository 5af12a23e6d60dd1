using Cooperation.Web.Features.Schools.Results;

namespace Cooperation.Tests.Schools.Import;

public class TraineesImportTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly DateOnly LastYear = new(DateTime.Now.Year - 1, 3, 2);

    private static object?[] Row(string last, string first, string birth, string gender, string country, string admin, string course, DateOnly start,
        string result, string? certificate = null) =>
        [last, first, birth, gender, country, admin, "Lieutenant", "Adjoint", null, course, start, result, certificate];

    private static byte[] File(params object?[][] rows) => ImportTestData.Workbook(ImportTestData.FrenchTraineeHeaders, rows);

    [Fact]
    public async Task A_school_director_records_his_school_past_trainees_with_results_and_certificates()
    {
        var first = (await factory.SessionAsync(status: SessionStatus.Completed, start: LastYear)).Id;
        var second = (await factory.SessionAsync(status: SessionStatus.Completed, start: LastYear.AddMonths(4))).Id;
        var (course1, course2) = (await factory.CourseCodeAsync(first), await factory.CourseCodeAsync(second));
        var suffix = TestData.Unique(6);
        var certificate = CertificateCodes.New();
        // Sangaré is known to the school (nominated to an earlier session of it): reused. Diallo is known only to another
        // school: not reused (his record is out of the director's sight), a new trainee headquarters may merge.
        var earlier = await factory.SessionAsync(quotas: new() { ["ML"] = 5 });
        var elsewhere = await factory.SessionAsync(school: "CPADD", quotas: new() { ["ML"] = 5 });
        foreach (var (firstName, lastName, birth, session) in new[]
                 { ("Moussa", $"Sangaré-{suffix}", new DateOnly(1975, 9, 9), earlier.Id), ("Ali", $"Diallo-{suffix}", new DateOnly(1979, 3, 3), elsewhere.Id) })
        {
            var id = await factory.WithDbAsync(async db =>
            {
                var trainee = new Trainee
                {
                    FirstName = firstName, LastName = lastName, NormalizedName = Trainee.Normalize(firstName, lastName), BirthDate = birth, Gender = Gender.Male,
                    NationalityId = await db.Countries.Where(c => c.Iso2 == "ML").Select(c => c.Id).SingleAsync(),
                    AdministrationId = await db.Administrations.Where(a => a.Code == "ARM").Select(a => a.Id).SingleAsync(),
                };
                db.Trainees.Add(trainee);
                await db.SaveChangesAsync();
                return trainee.Id;
            });
            await factory.NominateAsync(session, new TestTrainee(id, firstName, lastName, "ML"));
        }
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);

        var response = await api.PostAsync("/api/v1/imports/trainees?school=EMPABB", ImportTestData.Upload(File(
            Row($"Koné-{suffix}", "Awa", "1988-04-12", "F", "CI", "JUS", course1, LastYear, "Réussi", $"{certificate[..5].ToLowerInvariant()}-{certificate[5..]}"),
            Row($"Koné-{suffix}", "Awa", "1988-04-12", "F", "CI", "JUS", course2, LastYear.AddMonths(4), "Failed"),
            Row($"Zongo-{suffix}", "Paul", "1984-12-30", "M", "BF", "INT", course1, LastYear, "Abandon"),
            Row($"SANGARE-{suffix}", "Moussa", "1975-09-09", "M", "ML", "ARM", course1.ToLowerInvariant(), LastYear, "passed"),
            Row($"Diallo-{suffix}", "Ali", "1979-03-03", "M", "ML", "ARM", course1, LastYear, "Réussi"))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("rows").GetInt32().ShouldBe(5);
        summary.GetProperty("newTrainees").GetInt32().ShouldBe(3);
        summary.GetProperty("reusedTrainees").GetInt32().ShouldBe(1);
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.LastName == $"Diallo-{suffix}"))).ShouldBe(2);
        var enrolments = await factory.WithDbAsync(db => db.Nominations.Where(n => n.Trainee!.LastName.EndsWith(suffix)
                && n.SessionId != earlier.Id && n.SessionId != elsewhere.Id && !n.Trainee.LastName.StartsWith("Diallo"))
            .Select(n => new { n.Trainee!.LastName, n.SessionId, n.Status, n.Screening, n.Attended, n.Result, n.CertificateCode, Country = n.Country!.Iso2 })
            .ToListAsync());
        enrolments.Count.ShouldBe(4);
        enrolments.ShouldAllBe(n => n.Status == NominationStatus.Accepted && n.Screening == ScreeningStatus.Cleared);
        // Present to the end unless he withdrew.
        enrolments.ShouldAllBe(n => n.Attended == (n.Result != TrainingResult.Withdrew));
        enrolments.Single(n => n.CertificateCode != null).ShouldSatisfyAllConditions(
            n => n.CertificateCode.ShouldBe(certificate), n => n.Result.ShouldBe(TrainingResult.Passed), n => n.SessionId.ShouldBe(first));
        enrolments.Single(n => n.SessionId == second).Result.ShouldBe(TrainingResult.Failed);
        enrolments.Single(n => n.LastName.StartsWith("Zongo")).Result.ShouldBe(TrainingResult.Withdrew);
        enrolments.Single(n => n.LastName.StartsWith("Zongo")).Country.ShouldBe("BF");
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.LastName == $"Koné-{suffix}"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_full_of_errors_writes_nothing_and_names_each_row_and_field()
    {
        var past = (await factory.SessionAsync(status: SessionStatus.Completed, start: LastYear, capacity: 1)).Id;
        var coming = (await factory.SessionAsync(status: SessionStatus.Open)).Id;
        var (pastCode, comingCode) = (await factory.CourseCodeAsync(past), await factory.CourseCodeAsync(coming));
        var suffix = TestData.Unique(6);
        var (code1, code5) = (CertificateCodes.New(), CertificateCodes.New());
        var before = await factory.CountsAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");

        var response = await api.PostAsync("/api/v1/imports/trainees?school=EMPABB", ImportTestData.Upload(File(
            Row($"A-{suffix}", "Un", "1980-01-01", "M", "SN", "ARM", pastCode, LastYear, "Passed", code1),               // 2: valid
            Row($"B-{suffix}", "Deux", "1980-01-02", "M", "SN", "ARM", pastCode, LastYear, "Passed", code1.ToLowerInvariant()), // 3: certificate again, session full
            Row($"C-{suffix}", "Trois", "1980-01-03", "M", "SN", "ARM", "NOPE", LastYear, "Passed"),                   // 4: unknown course
            Row($"D-{suffix}", "Quatre", "1980-01-04", "M", "SN", "ARM", comingCode, TestData.Today.AddDays(60), "Passed"), // 5: not started
            Row($"E-{suffix}", "Cinq", "1980-01-05", "M", "SN", "ARM", pastCode, LastYear.AddDays(1), "Failed", code5), // 6: no such session, certificate for a fail
            Row($"F-{suffix}", "Six", "1980-01-06", "M", "SN", "ARM", pastCode, LastYear, "Maybe"),                    // 7: result unknown
            Row($"G-{suffix}", "Sept", "1980-01-07", "M", "SN", "ARM", pastCode, LastYear, "Passed", "CERT-2019-001")))); // 8: not a code of the application

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        string First(string key) => errors.GetProperty(key)[0].GetString()!;
        First("rows[3].certificateCode").ShouldBe($"The certificate code {code1} is already on row 2 of the file.");
        First("rows[3].sessionStartDate").ShouldStartWith($"The session of {LastYear:yyyy-MM-dd} has 1 seats");
        First("rows[4].courseCode").ShouldBe("\"NOPE\" is not the code of a course of the school EMPABB: see the \"Codes\" sheet of the school's template.");
        First("rows[5].sessionStartDate").ShouldBe(
            $"Attendance, results and certificates can only be recorded from the last day of the session ({TestData.Today.AddDays(71):yyyy-MM-dd}).");
        First("rows[6].sessionStartDate").ShouldBe($"The course {pastCode} has no session starting on {LastYear.AddDays(1):yyyy-MM-dd}.");
        First("rows[6].certificateCode").ShouldStartWith("A certificate is issued only to a trainee who passed");
        First("rows[8].certificateCode").ShouldStartWith("A certificate code has 10 letters and digits");
        First("rows[7].result").ShouldBe("The result is written Passed, Failed or Withdrew (or Réussi, Échoué, Abandon).");
        errors.EnumerateObject().Any(e => e.Name.StartsWith("rows[2]")).ShouldBeFalse();
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_request_without_a_file_is_told_to_choose_one_and_a_body_that_is_not_a_form_is_refused()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");

        var empty = await api.PostAsync("/api/v1/imports/trainees?school=EMPABB", null);

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await empty.Content.ReadAsStringAsync());
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("file")[0].GetString().ShouldBe("Choose an Excel file (.xlsx) to import.");
        var json = await api.PostAsJsonAsync("/api/v1/imports/trainees?school=EMPABB", new { file = "rows.xlsx" });
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_school_director_imports_for_his_school_only_and_a_liaison_officer_not_at_all()
    {
        var file = ImportTestData.Upload(File(Row("X", "Y", "1980-01-01", "M", "SN", "ARM", "ANY", LastYear, "Passed")));

        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await director.PostAsync("/api/v1/imports/trainees?school=CPADD", file)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.PostAsync("/api/v1/imports/trainees?school=EMPABB", file)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await director.PostAsync("/api/v1/imports/trainees?school=NOSUCH", file)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A school director nominates nobody.
        var sessionId = (await factory.SessionAsync()).Id;
        (await director.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", file)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_imports_past_trainees_and_reports_the_counts()
    {
        var sessionId = (await factory.SessionAsync(status: SessionStatus.Completed, start: LastYear.AddDays(10))).Id;
        var code = await factory.CourseCodeAsync(sessionId);
        var suffix = TestData.Unique(6);
        var page = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, "/Schools/Import");
        var form = ImportTestData.Upload(File(
            Row($"Ouédraogo-{suffix}", "Mariam", "1991-07-07", "F", "BF", "DOU", code, LastYear.AddDays(10), "Réussi"),
            Row($"Issoufou-{suffix}", "Ibrahim", "1986-10-10", "M", "NE", "ARM", code, LastYear.AddDays(10), "Échoué")), "Upload");
        form.Add(new StringContent("EMPABB"), "School");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var response = await page.PostAsync("/Schools/Import?handler=Trainees", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/Import/Report"));
        report.ShouldContain("data-testid=\"report-rows\">2<");
        report.ShouldContain("data-testid=\"report-new\">2<");
        report.ShouldContain("Inscriptions ajoutées");
        report.ShouldContain("href=\"/Schools/EMPABB\"");
        // The report is shown once: a reload goes back to the import page.
        (await page.GetAsync("/Schools/Import/Report")).Headers.Location!.ToString().ShouldBe("/Schools/Import");
    }
}
