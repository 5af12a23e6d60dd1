using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Cooperation.Tests.Schools.Trainees;

public class TraineesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>
    /// Sorted by their latest session, the trainees come in that order page after page, both ways, the same trainees as
    /// the list by name; the order is kept like the figures (<c>FigureCache.OrderAsync</c>), and a write shows at once.
    /// </summary>
    [Fact]
    public async Task The_list_sorted_by_latest_session_keeps_that_order_page_after_page_and_follows_a_write()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<List<(int Id, string Date)>> All(string query)
        {
            var all = new List<(int, string)>();
            for (var page = 1; ; page++)
            {
                var items = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?{query}&pageSize=100&page={page}"))
                    .GetProperty("items").EnumerateArray().ToList();
                if (items.Count == 0) return all;
                all.AddRange(items.Select(i => (i.GetProperty("id").GetInt32(), i.GetProperty("lastSessionDate").GetString()!)));
            }
        }

        var byName = await All("year=2019");
        byName.Count.ShouldBeGreaterThan(100);
        var ascending = await All("year=2019&sort=last");
        var descending = await All("year=2019&sort=-last");
        ascending.Select(t => t.Id).Order().ShouldBe(byName.Select(t => t.Id).Order());
        descending.Select(t => t.Id).Order().ShouldBe(byName.Select(t => t.Id).Order());
        ascending.Select(t => t.Date).ShouldBe(ascending.Select(t => t.Date).Order(StringComparer.Ordinal));
        descending.Select(t => t.Date).ShouldBe(descending.Select(t => t.Date).OrderDescending(StringComparer.Ordinal));

        // An alumnus of a 2019 session, written now, is in the list sorted both ways at once.
        var (trainee, _, _) = await factory.AlumnusAsync();
        (await All("year=2019&sort=-last")).Select(t => t.Id).ShouldContain(trainee.Id);
        (await All("year=2019&sort=last")).Select(t => t.Id).ShouldContain(trainee.Id);
    }

    [Fact]
    public async Task The_record_holds_the_sessions_with_result_and_certificate_and_the_career_with_prominent_positions_marked()
    {
        var (trainee, session, code) = await factory.AlumnusAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");
        record.GetProperty("lastName").GetString().ShouldBe(trainee.LastName);
        record.GetProperty("nationality").GetString().ShouldBe("SN");
        record.GetProperty("alumnus").GetBoolean().ShouldBeTrue();
        record.GetProperty("prominent").GetBoolean().ShouldBeTrue();
        var enrolment = record.GetProperty("enrolments")[0];
        enrolment.GetProperty("sessionId").GetInt32().ShouldBe(session.Id);
        enrolment.GetProperty("courseCode").GetString().ShouldBe(session.CourseCode);
        enrolment.GetProperty("school").GetString().ShouldBe("EMPABB");
        enrolment.GetProperty("status").GetString().ShouldBe("accepted");
        enrolment.GetProperty("result").GetString().ShouldBe("passed");
        enrolment.GetProperty("certificateCode").GetString().ShouldBe(code);
        var career = record.GetProperty("career").EnumerateArray().ToList();
        career.Count.ShouldBe(2);
        career.Single(c => c.GetProperty("prominent").GetBoolean()).GetProperty("position").GetString().ShouldBe("Chef d'état-major adjoint de l'armée de terre");

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees/{trainee.Id}"));
        html.ShouldContain($"{trainee.FirstName} {trainee.LastName.ToUpperInvariant()}");
        html.ShouldContain(session.TitleFr);
        html.ShouldContain($"/Schools/Certificates/{code}");
        html.ShouldContain("Réussite");
        html.ShouldContain("data-testid=\"timeline-prominent\"");
        html.ShouldContain("Poste de premier plan");
        // In date order: the 2016 position, the 2019 session, the 2021 prominent position.
        var first = html.IndexOf("Chef de bureau logistique", StringComparison.Ordinal);
        var middle = html.IndexOf(session.TitleFr, StringComparison.Ordinal);
        var last = html.IndexOf("Chef d'état-major adjoint de l'armée de terre", StringComparison.Ordinal);
        first.ShouldBeLessThan(middle);
        middle.ShouldBeLessThan(last);
    }

    /// <summary>
    /// A name search counts up to 10,000 trainees (<c>Paging.SearchCountLimit</c>): one letter, held by nearly every name
    /// of the demo's 30,000, says "more than 10,000" and its pages go on past the bound; a surname is counted exactly.
    /// </summary>
    [Fact]
    public async Task A_name_search_counts_up_to_ten_thousand_then_says_more_and_pages_on()
    {
        var trainee = await factory.TraineeAsync("SN");
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var many = await api.GetFromJsonAsync<JsonElement>("/api/v1/trainees?q=a&pageSize=200&page=60");
        many.GetProperty("total").GetInt32().ShouldBe(10_000);
        many.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeTrue();
        // Rows 11,801 to 12,000: past the bound, the list still reads them.
        var names = many.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("firstName").GetString() + " " + i.GetProperty("lastName").GetString()).ToList();
        names.Count.ShouldBe(200);
        names.ShouldAllBe(n => n.Normalize(NormalizationForm.FormD).Contains('a', StringComparison.OrdinalIgnoreCase)); // "à" too
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={trainee.LastName}");
        one.GetProperty("total").GetInt32().ShouldBe(1);
        one.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/trainees?nationality=SN")).GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(await page.GetAsync("/Schools/Trainees?q=a&page=3"));
        html.ShouldContain($"Plus de {10_000.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} résultats : précisez la recherche pour les compter.");
        html.ShouldNotContain("Dernière page");
        html.ShouldContain("page=4");
        html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees?q={trainee.LastName}"));
        html.ShouldContain("1 résultat(s)");
        html.ShouldNotContain("data-testid=\"total-lower-bound\"");
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (await HtmlAsync(await page.GetAsync("/Schools/Trainees?q=a"))).ShouldContain("More than 10,000 results: narrow the search to count them.");
    }

    [Fact]
    public async Task A_liaison_officer_sees_his_country_s_trainees_only()
    {
        var senegalese = await factory.TraineeAsync("SN");
        var ivorian = await factory.TraineeAsync("CI");
        var api = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await api.GetAsync($"/api/v1/trainees/{senegalese.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/trainees/{ivorian.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/trainees?pageSize=200&nationality=SN");
        list.GetProperty("total").GetInt32().ShouldBe(0);

        var page = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        (await page.GetAsync($"/Schools/Trainees/{senegalese.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees?q={ivorian.LastName}"));
        html.ShouldContain(ivorian.LastName.ToUpperInvariant());
    }

    [Fact]
    public async Task A_school_director_sees_the_trainees_of_his_school_only()
    {
        var bamako = await factory.SessionAsync(school: "EMPABB", start: new DateOnly(2024, 3, 4));
        var ouidah = await factory.SessionAsync(school: "CPADD", domain: "DEMINING", start: new DateOnly(2024, 3, 4));
        var ours = await factory.TraineeAsync("SN");
        var theirs = await factory.TraineeAsync("SN");
        await factory.NominateAsync(bamako.Id, ours);
        await factory.NominateAsync(ouidah.Id, theirs);

        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await api.GetAsync($"/api/v1/trainees/{ours.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/trainees/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={theirs.LastName}");
        list.GetProperty("total").GetInt32().ShouldBe(0);
        list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={ours.LastName}");
        list.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_auditor_sees_trainees_without_their_names()
    {
        var (trainee, _, _) = await factory.AlumnusAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");
        record.GetProperty("firstName").GetString().ShouldBe("•••");
        record.GetProperty("lastName").GetString().ShouldBe("•••");
        record.GetProperty("birthDate").GetString().ShouldBe("•••");
        record.GetProperty("email").GetString().ShouldBe("•••");
        record.GetProperty("redacted").GetBoolean().ShouldBeTrue();
        record.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        // Searching names would reveal them one guess at a time.
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={trainee.LastName}")).GetProperty("total").GetInt32().ShouldBe(0);

        var page = await factory.PageClientAsync(DemoAccounts.Auditor);
        var html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees/{trainee.Id}"));
        html.ShouldNotContain(trainee.LastName, Case.Insensitive);
        html.ShouldContain("•••");
        html = await HtmlAsync(await page.GetAsync("/Schools/Trainees?nationality=SN&prominent=true"));
        html.ShouldContain("data-testid=\"trainee-row\"");
        html.ShouldNotContain(trainee.LastName, Case.Insensitive);
    }

    [Fact]
    public async Task The_list_filters_by_nationality_gender_school_year_and_prominence_and_exports_to_Excel()
    {
        var (alumnus, session, _) = await factory.AlumnusAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<int> Count(string query) =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={alumnus.LastName}&{query}")).GetProperty("total").GetInt32();
        (await Count("nationality=SN&gender=female&school=EMPABB&year=2019&prominent=true&administration=ARM")).ShouldBe(1);
        (await Count("nationality=CI")).ShouldBe(0);
        (await Count("gender=male")).ShouldBe(0);
        (await Count("year=2018")).ShouldBe(0);
        (await Count("school=CPADD")).ShouldBe(0);

        // Each row's mark agrees with the filter: prominent is an alumnus with a prominent position, nothing less.
        var mine = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={alumnus.LastName}")).GetProperty("items")[0];
        (mine.GetProperty("alumnus").GetBoolean(), mine.GetProperty("prominent").GetBoolean()).ShouldBe((true, true));
        var prominent = (await api.GetFromJsonAsync<JsonElement>("/api/v1/trainees?prominent=true&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        prominent.ShouldNotBeEmpty();
        prominent.ShouldAllBe(i => i.GetProperty("prominent").GetBoolean() && i.GetProperty("alumnus").GetBoolean());
        // A prominent position without a session passed does not make him of the network.
        var notYet = await factory.TraineeAsync("SN");
        await factory.CareerAsync(notYet.Id, "Chef d'état-major de la gendarmerie", new DateOnly(2022, 1, 1), null, true);
        var row = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={notYet.LastName}")).GetProperty("items")[0];
        (row.GetProperty("alumnus").GetBoolean(), row.GetProperty("prominent").GetBoolean()).ShouldBe((false, false));

        var unknown = await api.GetAsync("/api/v1/trainees?nationality=QQ");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("nationality", out _).ShouldBeTrue();

        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var response = await page.GetAsync($"/Schools/Trainees?q={alumnus.LastName}&school=EMPABB&handler=Export&format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        sheet.Cell(1, 1).GetString().ShouldBe("Nom");
        sheet.Cell(2, 1).GetString().ShouldBe(alumnus.LastName);
        sheet.Cell(2, 4).GetString().ShouldBe("Sénégal");
        sheet.Cell(2, 8).GetValue<int>().ShouldBe(1);
        sheet.Cell(2, 10).GetString().ShouldBe("Oui");
        sheet.Cell(3, 1).IsEmpty().ShouldBeTrue();

        var csv = await page.GetAsync($"/Schools/Trainees?q={alumnus.LastName}&handler=Export&format=csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain(alumnus.LastName);
    }

    [Fact]
    public async Task Editing_a_trainee_checks_the_version_the_fields_and_the_scope()
    {
        var trainee = await factory.TraineeAsync("CI", Gender.Male);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi, language: "en");
        var record = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");
        var version = record.GetProperty("version").GetInt64();
        object Body(long v, string? email = "a.kone@example.org", string nationality = "CI") => new
        {
            firstName = "Adama", lastName = trainee.LastName, birthDate = "1984-05-17", gender = "male", nationality,
            administration = "DOU", rank = "Inspecteur", position = "Chef de brigade", email, version = v,
        };

        var french = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        async Task<JsonElement> ListedAsync(HttpClient reader) =>
            (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={trainee.LastName}")).GetProperty("items").EnumerateArray()
                .Single(t => t.GetProperty("id").GetInt32() == trainee.Id);
        (await ListedAsync(liaison)).GetProperty("administrationName").GetString().ShouldBe("Armed Forces");

        var saved = await liaison.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", Body(version));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("firstName").GetString().ShouldBe("Adama");
        after.GetProperty("administration").GetString().ShouldBe("DOU");
        // The list names his administration and nationality as now recorded, in the reader's language.
        foreach (var (reader, customs) in new[] { (liaison, "Customs"), (french, "Douane") })
        {
            var listed = await ListedAsync(reader);
            listed.GetProperty("administration").GetString().ShouldBe("DOU");
            listed.GetProperty("administrationName").GetString().ShouldBe(customs);
            listed.GetProperty("nationality").GetString().ShouldBe("CI");
            listed.GetProperty("nationalityName").GetString().ShouldBe("Côte d'Ivoire");
        }

        (await liaison.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", Body(version))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var invalid = await liaison.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", Body(after.GetProperty("version").GetInt64(), email: "not-an-address"));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("email")[0].GetString().ShouldBe("The email address \"not-an-address\" is not valid (expected: name@domain.org).");

        // Moving him out of his country would put him out of the liaison officer's reach.
        (await liaison.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", Body(after.GetProperty("version").GetInt64(), nationality: "SN")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        (await director.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", Body(after.GetProperty("version").GetInt64())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task One_person_is_one_trainee_an_edit_cannot_make_a_double()
    {
        var one = await factory.TraineeAsync("SN");
        var other = await factory.TraineeAsync("SN");
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{other.Id}");
        var response = await api.PutAsJsonAsync($"/api/v1/trainees/{other.Id}", new
        {
            firstName = one.FirstName, lastName = one.LastName.ToLowerInvariant(), birthDate = "1984-05-17", gender = "female",
            nationality = "SN", administration = "ARM", version = record.GetProperty("version").GetInt64(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("lastName")[0].GetString()!
            .ShouldContain($"record no. {one.Id}");
    }

    [Fact]
    public async Task Headquarters_of_the_zone_keep_the_career_others_may_not()
    {
        var trainee = await factory.TraineeAsync("SN");
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var version = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}")).GetProperty("version").GetInt64();

        var added = await desk.PostAsJsonAsync($"/api/v1/trainees/{trainee.Id}/career", new
        {
            position = "Directeur général de la gendarmerie", organisation = "Gendarmerie nationale", startDate = "2023-01-01", prominent = true, version,
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var record = await added.Content.ReadFromJsonAsync<JsonElement>();
        var entry = record.GetProperty("career")[0];
        entry.GetProperty("prominent").GetBoolean().ShouldBeTrue();
        var entryId = entry.GetProperty("id").GetInt32();
        var newVersion = record.GetProperty("version").GetInt64();
        newVersion.ShouldBeGreaterThan(version);

        var wrong = await desk.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}/career/{entryId}", new
        {
            position = "Directeur général de la gendarmerie", organisation = "Gendarmerie nationale", startDate = "2023-01-01",
            endDate = "2022-01-01", prominent = true, version = newVersion,
        });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("endDate")[0].GetString()
            .ShouldBe("The end date cannot come before the start date.");

        var stale = await desk.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}/career/{entryId}", new
        {
            position = "Directeur général", organisation = "Gendarmerie nationale", startDate = "2023-01-01", prominent = true, version,
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var ivorian = await factory.TraineeAsync("CI");
        (await liaison.PostAsJsonAsync($"/api/v1/trainees/{ivorian.Id}/career", new { position = "Chef", organisation = "Police", startDate = "2020-01-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var removed = await desk.DeleteAsync($"/api/v1/trainees/{trainee.Id}/career/{entryId}?version={newVersion}");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("career").GetArrayLength().ShouldBe(0);
        (await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CareerEntry" && a.EntityKey == entryId.ToString() && a.Action == "Deleted")))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_position_is_added_through_the_career_form_and_errors_show_next_to_their_field()
    {
        var trainee = await factory.TraineeAsync("SN");
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var path = $"/Schools/Trainees/{trainee.Id}/Career";
        var version = (await factory.WithDbAsync(db => db.Trainees.Where(t => t.Id == trainee.Id).Select(t => t.Version).SingleAsync())).ToString();

        var invalid = await PostFormAsync(page, path, new() { ["Form.Organisation"] = "Armée de l'air", ["Form.StartDate"] = "2022-09-01", ["Form.Version"] = version });
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(invalid);
        html.ShouldContain("data-field=\"position\"");
        html.ShouldContain("Le champ « Poste occupé » est obligatoire.");

        var saved = await PostFormAsync(page, path, new()
        {
            ["Form.Position"] = "Chef d'état-major de l'armée de l'air", ["Form.Organisation"] = "Armée de l'air",
            ["Form.StartDate"] = "01/09/2022", ["Form.Prominent"] = "true", ["Form.Version"] = version,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"/Schools/Trainees/{trainee.Id}");
        html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees/{trainee.Id}"));
        html.ShouldContain("Le poste a été ajouté au parcours.");
        html.ShouldContain("Chef d'état-major de l'armée de l'air");
        html.ShouldContain("data-testid=\"timeline-prominent\"");
    }

    [Fact]
    public async Task The_trainee_pages_speak_English_when_asked()
    {
        var (trainee, _, _) = await factory.AlumnusAsync();
        var page = await factory.PageClientAsync(DemoAccounts.Admin, language: "en");
        var html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees/{trainee.Id}"));
        html.ShouldContain("Timeline: sessions and positions");
        html.ShouldContain("Prominent position");
        html.ShouldContain("Senegal");
        html = await HtmlAsync(await page.GetAsync($"/Schools/Trainees?q={trainee.LastName}"));
        html.ShouldContain("Trainees");
        html.ShouldContain("Year of training");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_trainees_results_and_certificates_routes()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/trainees");
        paths.ShouldContain("/api/v1/trainees/{id}");
        paths.ShouldContain("/api/v1/trainees/{id}/career");
        paths.ShouldContain("/api/v1/trainees/{id}/career/{entryId}");
        paths.ShouldContain("/api/v1/alumni/prominent");
        paths.ShouldContain("/api/v1/sessions/{id}/results");
        paths.ShouldContain("/api/v1/sessions/{id}/certificates");
        paths.ShouldContain("/api/v1/certificates/{code}.pdf");
        paths.ShouldContain("/api/v1/certificates/{code}/verify");
    }
}
