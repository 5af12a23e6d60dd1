namespace Cooperation.Tests.Schools.Import;

public class NominationsImportTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static Candidate Ivorian(string suffix, int i, string gender = "F") =>
        new($"Kouassi-{suffix}", $"Aya{i}", new DateOnly(1985, 1, 1).AddDays(i * 37), gender, "CI", "ARM", Email: $"aya{i}.{suffix.ToLowerInvariant()}@defense.gouv.ci");

    [Fact]
    public async Task A_valid_file_nominates_every_row_through_the_API()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = TestData.Unique(6);
        var rows = Enumerable.Range(1, 6).Select(i => Ivorian(suffix, i, i % 2 == 0 ? "M" : "F"))
            .Append(new Candidate($"Diop-{suffix}", "Mamadou", "1979-11-02", "m", "sn", "JUS")).ToList();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(ImportTestData.Nominations(rows)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        summary.GetProperty("rows").GetInt32().ShouldBe(7);
        summary.GetProperty("newTrainees").GetInt32().ShouldBe(7);
        summary.GetProperty("reusedTrainees").GetInt32().ShouldBe(0);
        var nominations = await factory.WithDbAsync(db => db.Nominations.Where(n => n.SessionId == sessionId)
            .Select(n => new { n.Status, n.Trainee!.LastName, n.Trainee.Gender, Country = n.Country!.Iso2 }).ToListAsync());
        nominations.Count.ShouldBe(7);
        nominations.ShouldAllBe(n => n.Status == NominationStatus.Submitted);
        nominations.Count(n => n.Country == "SN").ShouldBe(1);
        nominations.Count(n => n.Gender == Gender.Female).ShouldBe(3);
    }

    [Fact]
    public async Task A_large_file_leaves_every_new_record_in_an_intact_audit_trail_that_later_writes_follow()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = TestData.Unique(6);
        // 150 trainees and 150 nominations: more entries than a save writes one command each.
        var rows = Enumerable.Range(1, 150).Select(i => Ivorian(suffix, i)).ToList();
        var before = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(ImportTestData.Nominations(rows)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var (trainees, nominations) = await factory.WithDbAsync(async db => (
            await db.Trainees.Where(t => t.LastName == $"Kouassi-{suffix}").Select(t => t.Id.ToString()).ToListAsync(),
            await db.Nominations.Where(n => n.SessionId == sessionId).Select(n => n.Id.ToString()).ToListAsync()));
        (trainees.Count, nominations.Count).ShouldBe((150, 150));
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence > before)
            .Select(e => new { e.Id, e.Sequence, e.Action, e.EntityType, e.EntityKey, e.UserName, e.After }).ToListAsync());
        entries.Where(e => e.EntityType == nameof(Trainee)).Select(e => e.EntityKey).ShouldBe(trainees, ignoreOrder: true);
        entries.Where(e => e.EntityType == nameof(Nomination)).Select(e => e.EntityKey).ShouldBe(nominations, ignoreOrder: true);
        entries.ShouldAllBe(e => e.Action == "Created" && e.UserName == DemoAccounts.Admin);
        entries.Single(e => e.EntityType == nameof(Trainee) && e.EntityKey == trainees[0]).After!.ShouldContain($"Kouassi-{suffix}");
        entries.Select(e => e.Id).Distinct().Count().ShouldBe(entries.Count);
        // The records were written in bulk: each nomination's entry names its trainee by the key he was given.
        var firstNomination = await factory.WithDbAsync(db => db.Nominations.Where(n => n.SessionId == sessionId && n.Trainee!.LastName == $"Kouassi-{suffix}")
            .OrderBy(n => n.Id).Select(n => new { n.Id, n.TraineeId }).FirstAsync());
        entries.Single(e => e.EntityType == nameof(Nomination) && e.EntityKey == firstNomination.Id.ToString()).After!
            .ShouldContain($"\"TraineeId\":{firstNomination.TraineeId}");

        // A write after it appends to the chain where the import left it, with a key of its own.
        var edited = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainees[0]}");
        var put = await api.PutAsJsonAsync($"/api/v1/trainees/{trainees[0]}", new
        {
            firstName = "Ayaba", lastName = $"Kouassi-{suffix}", birthDate = "1985-02-07", gender = "female", nationality = "CI",
            administration = "ARM", rank = "Capitaine", position = "Cheffe de section", version = edited.GetProperty("version").GetInt64(),
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var last = await factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new { e.Id, e.Sequence, e.Action, e.EntityKey }).FirstAsync());
        (last.Action, last.EntityKey, last.Sequence).ShouldBe(("Updated", trainees[0], entries.Max(e => e.Sequence) + 1));
        last.Id.ShouldBeGreaterThan(entries.Max(e => e.Id));
        var integrity = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit/integrity");
        integrity.GetProperty("intact").GetBoolean().ShouldBeTrue(integrity.ToString());

        // A single nomination after it gets keys of its own, after the import's.
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var single = Ivorian(suffix, 151);
        var nominated = await desk.PostAsJsonAsync("/api/v1/nominations", new
        {
            sessionId, country = "CI",
            candidate = new
            {
                single.FirstName, single.LastName, birthDate = ((DateOnly)single.BirthDate!).ToString("yyyy-MM-dd"), single.Gender, single.Nationality,
                single.Administration, single.Email,
            },
        });
        nominated.StatusCode.ShouldBe(HttpStatusCode.Created, await nominated.Content.ReadAsStringAsync());
        var newest = await factory.WithDbAsync(db => db.Nominations.Where(n => n.SessionId == sessionId && n.Trainee!.FirstName == single.FirstName
            && n.Trainee.LastName == single.LastName).Select(n => new { n.Id, n.TraineeId }).SingleAsync());
        newest.Id.ShouldBeGreaterThan(nominations.Max(int.Parse));
        newest.TraineeId.ShouldBeGreaterThan(trainees.Max(int.Parse));
    }

    [Fact]
    public async Task Rows_beyond_the_country_quota_are_still_submitted_nominations()
    {
        var sessionId = (await factory.SessionAsync(quotas: new Dictionary<string, int> { ["CI"] = 2 })).Id;
        var suffix = TestData.Unique(6);
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}",
            ImportTestData.Upload(ImportTestData.Nominations(Enumerable.Range(1, 5).Select(i => Ivorian(suffix, i)))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await factory.WithDbAsync(db => db.Nominations.CountAsync(n => n.SessionId == sessionId && n.Status == NominationStatus.Submitted))).ShouldBe(5);
    }

    [Fact]
    public async Task A_valid_file_imports_through_the_page_and_the_report_shows_the_counts()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = TestData.Unique(6);
        // One of them is already a trainee: written differently (case, accents), he is recognised and reused.
        await factory.WithDbAsync(async db =>
        {
            var ci = await db.Countries.SingleAsync(c => c.Iso2 == "CI");
            var arm = await db.Administrations.SingleAsync(a => a.Code == "ARM");
            db.Trainees.Add(new Trainee
            {
                FirstName = "Aya1", LastName = $"KOUASSI-{suffix}", NormalizedName = Trainee.Normalize("Aya1", $"KOUASSI-{suffix}"),
                BirthDate = new DateOnly(1985, 1, 1).AddDays(37), Gender = Gender.Female, NationalityId = ci.Id, AdministrationId = arm.Id,
            });
            return await db.SaveChangesAsync();
        });
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, "/Schools/Import");
        var form = ImportTestData.Upload(ImportTestData.Nominations(Enumerable.Range(1, 3).Select(i => Ivorian(suffix, i) with { LastName = $"Kouassi-{suffix}".ToLowerInvariant() })), "Upload");
        form.Add(new StringContent(sessionId.ToString()), "SessionId");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var response = await page.PostAsync("/Schools/Import?handler=Nominations", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe("/Schools/Import/Report");
        var report = WebUtility.HtmlDecode(await page.GetStringAsync("/Schools/Import/Report"));
        report.ShouldContain("data-testid=\"report-rows\">3<");
        report.ShouldContain("data-testid=\"report-new\">2<");
        report.ShouldContain("data-testid=\"report-reused\">1<");
        report.ShouldContain("Import réussi : 3 ligne(s) importée(s).");
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.NormalizedName == Trainee.Normalize("Aya1", $"Kouassi-{suffix}")))).ShouldBe(1);
    }

    [Theory]
    [InlineData("fr", "Le champ « Nom » est obligatoire.", "n'est pas une date", "La valeur « XX » du champ « Nationalité » est inconnue.", "figure déjà à la ligne 2 du fichier", "La valeur « X » du champ « Sexe » est inconnue.")]
    [InlineData("en", "The field \"Last name\" is required.", "is not a date", "The value \"XX\" of the field \"Nationality\" is unknown.", "is already on row 2 of the file", "The value \"X\" of the field \"Gender\" is unknown.")]
    public async Task A_file_full_of_errors_is_refused_whole_with_each_row_and_field_named(string language, string missingName, string badDate,
        string unknownCountry, string duplicate, string badGender)
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = TestData.Unique(6);
        var good = Ivorian(suffix, 1);
        var rows = new[]
        {
            good,                                                        // row 2: valid
            good,                                                        // row 3: the same person again
            Ivorian(suffix, 3) with { LastName = "" },                   // row 4: no last name
            Ivorian(suffix, 4) with { BirthDate = "31/02/1990" },        // row 5: no such date
            Ivorian(suffix, 5) with { Nationality = "XX" },              // row 6: unknown country
            Ivorian(suffix, 6) with { Gender = "X", Administration = "NAVY" }, // row 7: two faults
        };
        var before = await factory.CountsAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}",
            ImportTestData.Upload(ImportTestData.Nominations(rows, english: language == "en")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.GetProperty("rows[3].lastName")[0].GetString()!.ShouldContain(duplicate);
        errors.GetProperty("rows[4].lastName")[0].GetString().ShouldBe(missingName);
        errors.GetProperty("rows[5].birthDate")[0].GetString()!.ShouldContain(badDate);
        errors.GetProperty("rows[6].nationality")[0].GetString()!.ShouldContain(unknownCountry);
        errors.GetProperty("rows[7].gender")[0].GetString().ShouldBe(badGender);
        errors.TryGetProperty("rows[7].administration", out _).ShouldBeTrue();
        errors.EnumerateObject().Any(e => e.Name.StartsWith("rows[2]")).ShouldBeFalse();
        var rowErrors = problem.GetProperty("rowErrors").EnumerateArray().ToList();
        rowErrors.Count.ShouldBe(6);
        rowErrors.ShouldContain(e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("value").GetString() == "31/02/1990"
                                     && e.GetProperty("column").GetString() == (language == "en" ? "Birth date (YYYY-MM-DD)" : "Date de naissance (AAAA-MM-JJ)"));
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_page_lists_each_faulty_row_and_writes_nothing()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = TestData.Unique(6);
        var before = await factory.CountsAsync();
        var page = await factory.PageClientAsync(DemoAccounts.Admin, "en");
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, "/Schools/Import");
        var form = ImportTestData.Upload(ImportTestData.Nominations([
            Ivorian(suffix, 1),
            Ivorian(suffix, 2) with { BirthDate = "1990-13-45" },
            Ivorian(suffix, 3) with { FirstName = "", Email = "not-an-address" },
        ]), "Upload");
        form.Add(new StringContent(sessionId.ToString()), "SessionId");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var response = await page.PostAsync("/Schools/Import?handler=Nominations", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("No row was imported");
        html.ShouldContain("data-testid=\"error-3-birthDate\"");
        html.ShouldContain("\"1990-13-45\" is not a date");
        html.ShouldContain("data-testid=\"error-4-firstName\"");
        html.ShouldContain("The field \"First name\" is required.");
        html.ShouldContain("data-testid=\"error-4-email\"");
        html.ShouldNotContain("data-testid=\"error-2-");
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task On_the_page_a_fault_of_the_whole_file_shows_beside_the_file_field()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var page = await factory.PageClientAsync(DemoAccounts.Admin, "en");
        var token = await CooperationFactory.AntiforgeryTokenAsync(page, "/Schools/Import");
        var form = ImportTestData.Upload("LastName;FirstName\nA;B"u8.ToArray(), "Upload");
        form.Add(new StringContent(sessionId.ToString()), "SessionId");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var response = await page.PostAsync("/Schools/Import?handler=Nominations", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain("data-testid=\"error-Upload\">The file is not a readable Excel workbook");
        html.ShouldNotContain("data-testid=\"import-rejected\"");
    }

    [Fact]
    public async Task A_liaison_officer_imports_only_candidates_of_his_country()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = TestData.Unique(6);
        var before = await factory.CountsAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi, "en");

        var refused = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(ImportTestData.Nominations([
            Ivorian(suffix, 1),
            new Candidate($"Ndiaye-{suffix}", "Fatou", "1988-05-12", "F", "SN", "INT"),
        ])));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("rows[3].nationality")[0].GetString().ShouldBe("You cannot nominate candidates of this country (SN): your scope does not cover it.");
        (await factory.CountsAsync()).ShouldBe(before);

        var accepted = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(ImportTestData.Nominations([Ivorian(suffix, 1)])));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_liaison_officer_does_not_see_a_session_his_country_is_not_invited_to()
    {
        var sessionId = (await factory.SessionAsync(quotas: new Dictionary<string, int> { ["SN"] = 4 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}",
            ImportTestData.Upload(ImportTestData.Nominations([Ivorian(TestData.Unique(6), 1)])));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Uninvited_countries_closed_sessions_and_administrations_outside_the_audience_are_refused()
    {
        var closed = (await factory.SessionAsync(status: SessionStatus.Closed, audience: ["JUS", "INT"])).Id;
        var suffix = TestData.Unique(6);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var response = await api.PostAsync($"/api/v1/imports/nominations?sessionId={closed}", ImportTestData.Upload(ImportTestData.Nominations([
            Ivorian(suffix, 1) with { Administration = "INT" },
            Ivorian(suffix, 2) with { Administration = "ARM" },
            new Candidate($"Traoré-{suffix}", "Issa", "1980-03-03", "M", "ML", "INT"),
        ])));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("sessionId")[0].GetString().ShouldBe("Les désignations à cette session ne sont pas ouvertes : rien ne peut y être importé.");
        errors.GetProperty("rows[3].administration")[0].GetString().ShouldBe("La formation ne s'adresse qu'aux administrations INT, JUS : l'administration du candidat n'en fait pas partie.");
        errors.GetProperty("rows[4].nationality")[0].GetString()!.ShouldStartWith("Ce pays (ML) n'est pas invité à la session");
        errors.EnumerateObject().Any(e => e.Name.StartsWith("rows[2]")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_same_person_is_not_nominated_twice_to_a_session()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var file = ImportTestData.Nominations([Ivorian(TestData.Unique(6), 1)]);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        (await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(file))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(file));

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("rows[2].lastName")[0].GetString()!.ShouldStartWith("This person is already a candidate for this session");
    }

    [Fact]
    public async Task Files_that_are_not_usable_are_refused_with_a_reason()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, "en");

        var notExcel = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload("LastName;FirstName\nA;B"u8.ToArray()));
        notExcel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notExcel.Content.ReadAsStringAsync()).ShouldContain("not a readable Excel workbook");

        var missingColumn = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}",
            ImportTestData.Upload(ImportTestData.Workbook(["Nom", "Prénom"], [["A", "B"]])));
        (await missingColumn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")
            .EnumerateArray().Select(e => e.GetString()).ShouldContain("The column \"Birth date (YYYY-MM-DD)\" is missing from the header row: start from the template offered for download.");

        var noFile = await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        (await noFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe("Choose an Excel file (.xlsx) to import.");
    }

    [Fact]
    public async Task Roles_that_do_not_nominate_are_refused()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var file = ImportTestData.Nominations([Ivorian(TestData.Unique(6), 1)]);
        foreach (var account in new[] { DemoAccounts.Director, DemoAccounts.Auditor, DemoAccounts.CooperantSenegal })
        {
            var api = await factory.ApiClientAsync(account);
            (await api.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", ImportTestData.Upload(file))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        (await page.GetAsync("/Schools/Import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
