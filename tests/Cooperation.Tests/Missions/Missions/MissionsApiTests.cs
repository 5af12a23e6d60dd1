namespace Cooperation.Tests.Missions.Missions;

/// <summary>
/// /api/v1/missions: the cycle of an expertise mission as an API client meets it (each step refusing until the one
/// before is done), bad input naming its field, who reads and does what on foreign records, redaction, conflicts.
/// </summary>
public class MissionsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly DateOnly Start = Today.AddDays(30);

    private static Dictionary<string, object?> Request(string subject, string country = "SN", string form = "short") => new()
    {
        ["country"] = country,
        ["hostAuthorityType"] = "GENERAL_STAFF",
        ["hostAuthorityName"] = "État-major général des armées",
        ["requestedBy"] = "Général Mamadou Faye, chef d'état-major",
        ["requestedOn"] = Today.AddDays(-10).ToString("yyyy-MM-dd"),
        ["subject"] = subject,
        ["domain"] = "PEACEKEEPING",
        ["form"] = form,
        ["plannedStartDate"] = Start.ToString("yyyy-MM-dd"),
        ["plannedEndDate"] = (form == "long" ? Start.AddYears(2) : Start.AddDays(13)).ToString("yyyy-MM-dd"),
    };

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private async Task<int> RecordAsync(HttpClient desk, Dictionary<string, object?> request) =>
        (await Ok(await desk.PostAsJsonAsync("/api/v1/missions", request), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    /// <summary>A request recorded, assessed by the desk officer and approved by the director.</summary>
    private async Task<int> ApprovedAsync(HttpClient desk, string subject, string form = "short", string country = "SN")
    {
        var id = await RecordAsync(desk, Request(subject, country, form));
        await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/assessment", Assessment));
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        await Ok(await director.PostAsJsonAsync($"/api/v1/missions/{id}/decision", new { decision = "approve" }));
        return id;
    }

    private static readonly object Assessment = new
    {
        relevance = "Prioritaire pour la zone : réforme du commandement", feasibility = "Experts disponibles", risks = "Instabilité politique",
    };

    /// <summary>A coopérant never posted (he belongs to headquarters: every desk officer reads and posts him).</summary>
    private async Task<int> NewCooperantAsync(HttpClient desk, string lastName)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/cooperants", new
        {
            firstName = "Jean", lastName, administration = "ARM", rank = "Lieutenant-colonel",
        });
        return (await Ok(created, HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    private async Task<int> NewExpertAsync(HttpClient desk, string lastName)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/experts", new
        {
            firstName = "Hélène", lastName, administration = "INT", grade = "Commissaire divisionnaire", speciality = "Police judiciaire",
            email = "helene.expert@interieur.example",
        });
        return (await Ok(created, HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_mission_goes_from_request_to_closing_each_step_refusing_until_the_one_before_is_done()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var id = await RecordAsync(desk, Request(UniqueName("Audit du commandement")));
        var mission = await Ok(await desk.GetAsync($"/api/v1/missions/{id}"));
        (mission.GetProperty("status").GetString(), mission.GetProperty("zone").GetString(), mission.GetProperty("form").GetString())
            .ShouldBe(("requested", "AFS", "short"));

        var early = await director.PostAsJsonAsync($"/api/v1/missions/{id}/decision", new { decision = "approve" });
        FirstError(await Ok(early, HttpStatusCode.BadRequest), "decision")
            .ShouldBe("La demande doit d'abord être évaluée par le chargé de mission de la zone avant toute décision.");
        var assessed = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/assessment", Assessment));
        assessed.GetProperty("status").GetString().ShouldBe("assessed");
        assessed.GetProperty("assessment").GetProperty("risks").GetString().ShouldBe("Instabilité politique");

        (await desk.PostAsJsonAsync($"/api/v1/missions/{id}/decision", new { decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var approved = await Ok(await director.PostAsJsonAsync($"/api/v1/missions/{id}/decision", new { decision = "approve" }));
        approved.GetProperty("status").GetString().ShouldBe("approved");
        approved.GetProperty("decision").GetProperty("approved").GetBoolean().ShouldBeTrue();

        var notStaffed = await desk.PostAsJsonAsync($"/api/v1/missions/{id}/start", new { actualStartDate = Start.ToString("yyyy-MM-dd") });
        FirstError(await Ok(notStaffed, HttpStatusCode.BadRequest), "status").ShouldBe("La mission ne démarre qu'une fois au moins un expert affecté.");

        var cooperant = await NewCooperantAsync(desk, UniqueName("Martin"));
        var expert = await NewExpertAsync(desk, UniqueName("Lefort"));
        await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/experts",
            new { cooperantId = cooperant, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddDays(9).ToString("yyyy-MM-dd") }));
        var staffed = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/experts",
            new { expertId = expert, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddDays(4).ToString("yyyy-MM-dd"), days = 4 }));
        staffed.GetProperty("status").GetString().ShouldBe("staffed");
        staffed.GetProperty("expertDays").GetInt32().ShouldBe(14);
        staffed.GetProperty("experts").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["cooperant", "expert"]);

        var twice = await desk.PostAsJsonAsync($"/api/v1/missions/{id}/experts",
            new { expertId = expert, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddDays(1).ToString("yyyy-MM-dd") });
        FirstError(await Ok(twice, HttpStatusCode.BadRequest), "expertId").ShouldBe("Cet expert est déjà affecté à cette mission.");

        var noReport = await desk.PostAsJsonAsync($"/api/v1/missions/{id}/close", new { });
        FirstError(await Ok(noReport, HttpStatusCode.BadRequest), "status").ShouldBe("Une mission n'est clôturée qu'après la remise de son rapport.");
        (await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/start", new { actualStartDate = Start.ToString("yyyy-MM-dd") })))
            .GetProperty("status").GetString().ShouldBe("inProgress");

        var recommendation = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/recommendations", new
        {
            text = "Créer un bureau de la doctrine", ownerAuthority = "État-major général", dueDate = Start.AddMonths(6).ToString("yyyy-MM-dd"), priority = "high",
        }), HttpStatusCode.Created);
        recommendation.GetProperty("status").GetString().ShouldBe("open");
        var recommendationId = recommendation.GetProperty("id").GetInt32();

        // The coopérant of Senegal follows it up; he reads the mission of his country, and no other step is his.
        var senegal = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await senegal.PostAsJsonAsync($"/api/v1/missions/{id}/start", new { actualStartDate = Start.ToString("yyyy-MM-dd") })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var followed = await Ok(await senegal.PostAsJsonAsync($"/api/v1/recommendations/{recommendationId}/follow-ups",
            new { note = "Le décret de création est signé.", status = "implemented" }));
        followed.GetProperty("status").GetString().ShouldBe("implemented");
        followed.GetProperty("followUps")[0].GetProperty("note").GetString().ShouldBe("Le décret de création est signé.");
        var back = await senegal.PostAsJsonAsync($"/api/v1/recommendations/{recommendationId}/follow-ups", new { note = "Rouvrir", status = "open" });
        FirstError(await Ok(back, HttpStatusCode.BadRequest), "status")
            .ShouldBe("Cette recommandation est déjà mise en œuvre ou abandonnée : son statut ne change plus.");

        var list = await Ok(await senegal.GetAsync($"/api/v1/missions/{id}/recommendations"));
        list.GetArrayLength().ShouldBe(1);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FollowUpNote)));
        audit.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_its_field_and_nothing_is_written()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var subject = UniqueName("Conseil au ministère");
        var request = Request(subject);
        request["plannedEndDate"] = Start.AddDays(-1).ToString("yyyy-MM-dd");
        request["form"] = "forever";
        request["domain"] = null;
        var errors = await (await desk.PostAsJsonAsync("/api/v1/missions", request)).ErrorsAsync();
        errors["plannedEndDate"][0].ShouldBe("La date de fin doit être le jour même ou après la date de début.");
        errors["form"][0].ShouldContain("forever");
        errors["domain"][0].ShouldBe("Le champ « Domaine » est obligatoire.");
        (await factory.WithDbAsync(db => db.Missions.AnyAsync(m => m.Subject == subject))).ShouldBeFalse();

        var id = await RecordAsync(desk, Request(subject));
        await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/assessment", Assessment));
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var decline = await director.PostAsJsonAsync($"/api/v1/missions/{id}/decision", new { decision = "decline" });
        FirstError(await Ok(decline, HttpStatusCode.BadRequest), "reason").ShouldBe("Un refus doit être motivé : indiquez la raison.");
        var declined = await Ok(await director.PostAsJsonAsync($"/api/v1/missions/{id}/decision", new { decision = "decline", reason = "Hors des priorités" }));
        (declined.GetProperty("status").GetString(), declined.GetProperty("decision").GetProperty("reason").GetString()).ShouldBe(("declined", "Hors des priorités"));

        var approved = await ApprovedAsync(desk, UniqueName("Audit"));
        var expert = await NewExpertAsync(desk, UniqueName("Durand"));
        var reversed = await desk.PostAsJsonAsync($"/api/v1/missions/{approved}/experts",
            new { expertId = expert, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddDays(-2).ToString("yyyy-MM-dd") });
        FirstError(await Ok(reversed, HttpStatusCode.BadRequest), "endDate").ShouldBe("La date de fin doit être le jour même ou après la date de début.");
        var tooMany = await desk.PostAsJsonAsync($"/api/v1/missions/{approved}/experts",
            new { expertId = expert, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddDays(2).ToString("yyyy-MM-dd"), days = 5 });
        FirstError(await Ok(tooMany, HttpStatusCode.BadRequest), "days").ShouldBe("Le nombre de jours doit être compris entre 1 et 3 (la durée de l'affectation).");
        (await factory.WithDbAsync(db => db.MissionExperts.CountAsync(e => e.MissionId == approved))).ShouldBe(0);
    }

    [Fact]
    public async Task Scopes_decide_who_records_reads_and_follows_up_foreign_missions()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        // Lebanon lies outside the desk officer's zone: she reads its missions but records and conducts none of them.
        (await desk.PostAsJsonAsync("/api/v1/missions", Request(UniqueName("Audit"), "LB"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var lebanon = await RecordAsync(admin, Request(UniqueName("Audit de la défense civile"), "LB"));
        var foreign = await Ok(await desk.GetAsync($"/api/v1/missions/{lebanon}"));
        foreign.GetProperty("requestedBy").GetString().ShouldBe("•••");
        foreign.GetProperty("can").GetProperty("conduct").GetBoolean().ShouldBeFalse();
        (await desk.PostAsJsonAsync($"/api/v1/missions/{lebanon}/assessment", Assessment)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The coopérant of Senegal does not see a Lebanese (nor a Malian) mission: not found, as one that does not exist.
        var senegal = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await senegal.GetAsync($"/api/v1/missions/{lebanon}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mali = await RecordAsync(desk, Request(UniqueName("Audit malien"), "ML"));
        (await senegal.GetAsync($"/api/v1/missions/{mali}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await RecordAsync(desk, Request(UniqueName("Audit sénégalais")));
        (await Ok(await senegal.GetAsync($"/api/v1/missions/{own}"))).GetProperty("requestedBy").GetString().ShouldBe("Général Mamadou Faye, chef d'état-major");
        var listed = await Ok(await senegal.GetAsync("/api/v1/missions?pageSize=200"));
        listed.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.GetProperty("country").GetString() == "SN");
        (await senegal.PostAsJsonAsync("/api/v1/missions", Request(UniqueName("Audit")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await senegal.GetAsync("/api/v1/experts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The auditor reads every mission with who asked and the experts' names redacted.
        var approved = await ApprovedAsync(desk, UniqueName("Conseil"));
        var expert = await NewExpertAsync(desk, UniqueName("Bernard"));
        await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{approved}/experts",
            new { expertId = expert, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddDays(2).ToString("yyyy-MM-dd") }));
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var audited = await Ok(await auditor.GetAsync($"/api/v1/missions/{approved}"));
        audited.GetProperty("requestedBy").GetString().ShouldBe("•••");
        audited.GetProperty("experts")[0].GetProperty("name").GetString().ShouldBe("•••");
        audited.GetProperty("assessment").GetProperty("assessedBy").GetString().ShouldBe("•••");
        var registry = await Ok(await auditor.GetAsync("/api/v1/experts?pageSize=200"));
        registry.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("name").GetString() == "•••" && e.GetProperty("email").GetString() == "•••");
        (await auditor.PostAsJsonAsync($"/api/v1/missions/{approved}/start", new { actualStartDate = Start.ToString("yyyy-MM-dd") })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var named = await Ok(await desk.GetAsync($"/api/v1/missions/{approved}"));
        named.GetProperty("experts")[0].GetProperty("name").GetString()!.ShouldStartWith("Hélène ");
    }

    [Fact]
    public async Task A_long_mission_posts_its_coopérant_and_a_coopérant_on_two_missions_at_once_is_warned_of()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var cooperant = await NewCooperantAsync(desk, UniqueName("Petit"));
        var first = await ApprovedAsync(desk, UniqueName("Conseiller du chef d'état-major"), form: "long");
        var posted = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{first}/experts",
            new { cooperantId = cooperant, startDate = Start.ToString("yyyy-MM-dd"), endDate = Start.AddYears(2).ToString("yyyy-MM-dd") }));
        var postingId = posted.GetProperty("experts")[0].GetProperty("postingId").GetInt32();
        var record = await Ok(await desk.GetAsync($"/api/v1/cooperants/{cooperant}"));
        record.GetRawText().ShouldContain("\"id\":" + postingId);
        var posting = await factory.WithDbAsync(db => db.Postings.AsNoTracking().SingleAsync(p => p.Id == postingId));
        (posting.HostAuthorityName, posting.StartDate, posting.CountryId).ShouldBe(("État-major général des armées", Start, posting.CountryId));

        var second = await ApprovedAsync(desk, UniqueName("Audit ponctuel"));
        var warned = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{second}/experts",
            new { cooperantId = cooperant, startDate = Start.AddDays(5).ToString("yyyy-MM-dd"), endDate = Start.AddDays(8).ToString("yyyy-MM-dd") }));
        var warning = warned.GetProperty("warnings").EnumerateArray().Single();
        (warning.GetProperty("cooperantId").GetInt32(), warning.GetProperty("otherMissionId").GetInt32()).ShouldBe((cooperant, first));
    }

    [Fact]
    public async Task A_request_changed_meanwhile_answers_409_and_lists_filter_by_country_status_and_year()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var subject = UniqueName("Conseil juridique");
        var id = await RecordAsync(desk, Request(subject));
        var version = (await Ok(await desk.GetAsync($"/api/v1/missions/{id}"))).GetProperty("version").GetInt64();
        var change = Request(subject + " révisé");
        change["version"] = version;
        (await Ok(await desk.PutAsJsonAsync($"/api/v1/missions/{id}", change))).GetProperty("subject").GetString().ShouldBe(subject + " révisé");
        (await desk.PutAsJsonAsync($"/api/v1/missions/{id}", change)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var found = await Ok(await desk.GetAsync($"/api/v1/missions?country=SN&status=requested&year={Start.Year}&search={Uri.EscapeDataString(subject)}"));
        found.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ShouldBe([id]);
        (await Ok(await desk.GetAsync($"/api/v1/missions?country=ML&search={Uri.EscapeDataString(subject)}"))).GetProperty("total").GetInt32().ShouldBe(0);
    }

    /// <summary>An approved mission staffed with one short-term expert and started on <paramref name="start"/>.</summary>
    private async Task<int> StartedAsync(HttpClient desk, string subject, DateOnly start, string country = "SN")
    {
        var id = await ApprovedAsync(desk, subject, country: country);
        var expert = await NewExpertAsync(desk, UniqueName("Roux"));
        await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/experts",
            new { expertId = expert, startDate = start.ToString("yyyy-MM-dd"), endDate = start.AddDays(4).ToString("yyyy-MM-dd") }));
        await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/start", new { actualStartDate = start.ToString("yyyy-MM-dd") }));
        return id;
    }

    private static MultipartFormDataContent Report(byte[] content, string name, DateOnly end) =>
        TestFiles.Multipart("report", content, name, ("actualEndDate", end.ToString("yyyy-MM-dd")), ("summary", "Le commandement est réorganisé."));

    [Fact]
    public async Task A_report_is_a_document_by_its_content_within_the_limit_and_is_downloaded_by_those_who_read_the_mission()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = await StartedAsync(desk, UniqueName("Audit de la gendarmerie"), Start);

        var disguised = await desk.PostAsync($"/api/v1/missions/{id}/report", Report(TestFiles.Executable(), "rapport.pdf", Start.AddDays(4)));
        FirstError(await Ok(disguised, HttpStatusCode.BadRequest), "report")
            .ShouldBe("Le fichier « Rapport de mission » n'est pas d'un format accepté (PDF, DOCX, ODT) : son contenu a été vérifié, pas seulement son nom.");
        var large = TestFiles.Pdf().Concat(new byte[20 * 1024 * 1024]).ToArray();
        var tooLarge = await desk.PostAsync($"/api/v1/missions/{id}/report", Report(large, "rapport.pdf", Start.AddDays(4)));
        FirstError(await Ok(tooLarge, HttpStatusCode.BadRequest), "report").ShouldBe("Le fichier « Rapport de mission » dépasse la taille maximale de 20 Mo.");
        var early = await desk.PostAsync($"/api/v1/missions/{id}/report", Report(TestFiles.Pdf(), "rapport.pdf", Start.AddDays(-1)));
        FirstError(await Ok(early, HttpStatusCode.BadRequest), "actualEndDate").ShouldBe("La date de fin doit être le jour même ou après la date de début.");
        (await factory.WithDbAsync(db => db.Missions.Where(m => m.Id == id).Select(m => new { m.ReportFileId, m.Status }).SingleAsync()))
            .ShouldBe(new { ReportFileId = (int?)null, Status = MissionStatus.InProgress });
        (await desk.GetAsync($"/api/v1/missions/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var reported = await Ok(await desk.PostAsync($"/api/v1/missions/{id}/report", Report(TestFiles.Docx(), "Rapport final.docx", Start.AddDays(4))));
        (reported.GetProperty("status").GetString(), reported.GetProperty("reportFile").GetString()).ShouldBe(("reported", "Rapport final.docx"));
        var file = await desk.GetAsync($"/api/v1/missions/{id}/report");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(TestFiles.Docx());

        var senegal = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await senegal.GetAsync($"/api/v1/missions/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await auditor.GetAsync($"/api/v1/missions/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var lebanon = await RecordAsync(admin, Request(UniqueName("Audit"), "LB"));
        (await senegal.GetAsync($"/api/v1/missions/{lebanon}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var letter = await desk.PostAsync($"/api/v1/missions/{id}/letter", TestFiles.Multipart("letter", TestFiles.Odt(), "lettre.odt"));
        (await Ok(letter)).GetProperty("letterFile").GetString().ShouldBe("lettre.odt");
        (await desk.GetAsync($"/api/v1/missions/{id}/letter")).Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.oasis.opendocument.text");
    }

    [Fact]
    public async Task Last_year_s_missions_their_expert_days_and_implemented_recommendations_move_the_figures_and_overdue_ones_are_listed_per_zone()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var before = await Ok(await desk.GetAsync("/api/v1/figures"));
        var lastYear = new DateOnly(Today.Year - 1, 6, 1);
        var id = await StartedAsync(desk, UniqueName("Audit de l'an dernier"), lastYear);
        await Ok(await desk.PostAsync($"/api/v1/missions/{id}/report", Report(TestFiles.Pdf(), "rapport.pdf", lastYear.AddDays(4))));
        var done = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/recommendations", new
        {
            text = "Réviser le statut", ownerAuthority = "Ministère des forces armées", dueDate = Today.AddDays(-20).ToString("yyyy-MM-dd"), priority = "medium",
        }), HttpStatusCode.Created);
        var late = await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{id}/recommendations", new
        {
            text = UniqueName("Créer une inspection"), ownerAuthority = "État-major", dueDate = Today.AddDays(-10).ToString("yyyy-MM-dd"), priority = "high",
        }), HttpStatusCode.Created);
        await Ok(await desk.PostAsJsonAsync($"/api/v1/recommendations/{done.GetProperty("id").GetInt32()}/follow-ups",
            new { note = "Statut adopté en conseil des ministres", status = "implemented" }));

        var after = await Ok(await desk.GetAsync("/api/v1/figures"));
        after.GetProperty("missionsLastYear").GetInt32().ShouldBe(before.GetProperty("missionsLastYear").GetInt32() + 1);
        after.GetProperty("expertDaysLastYear").GetInt32().ShouldBe(before.GetProperty("expertDaysLastYear").GetInt32() + 5);
        after.GetProperty("recommendationsImplementedShare").GetDouble().ShouldBeInRange(0.0, 1.0);

        var overdue = await Ok(await desk.GetAsync("/api/v1/recommendations/overdue?zone=AFS&sort=-due&pageSize=200"));
        var row = overdue.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == late.GetProperty("id").GetInt32());
        (row.GetProperty("zone").GetString(), row.GetProperty("daysOverdue").GetInt32(), row.GetProperty("missionId").GetInt32()).ShouldBe(("AFS", 10, id));
        overdue.GetProperty("items").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetInt32() == done.GetProperty("id").GetInt32());
        (await Ok(await desk.GetAsync("/api/v1/recommendations/overdue?zone=BAL&pageSize=200"))).GetProperty("items").EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("id").GetInt32() == late.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_overdue_list_kept_between_requests_drops_what_was_implemented_and_shows_a_cooperant_only_his_country_s()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var senegal = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var lastYear = new DateOnly(Today.Year - 1, 3, 1);
        async Task<int> LateAsync(int mission, string text) => (await Ok(await desk.PostAsJsonAsync($"/api/v1/missions/{mission}/recommendations", new
        {
            text = UniqueName(text), ownerAuthority = "État-major", dueDate = Today.AddDays(-30).ToString("yyyy-MM-dd"), priority = "high",
        }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var inSenegal = await StartedAsync(desk, UniqueName("Appui au commandement"), lastYear);
        var inMali = await StartedAsync(desk, UniqueName("Appui à l'état-major"), lastYear, "ML");
        var senegalese = await LateAsync(inSenegal, "Former les cadres");
        var malian = await LateAsync(inMali, "Réviser la doctrine");
        async Task<List<int>> OverdueAsync(HttpClient client) => [.. (await Ok(await client.GetAsync("/api/v1/recommendations/overdue?zone=AFS&sort=due&pageSize=200")))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];

        // Read twice: the second answer comes from the order kept for the desk officer.
        (await OverdueAsync(desk)).ShouldContain(malian);
        (await OverdueAsync(desk)).ShouldContain(senegalese);
        var seen = await Ok(await senegal.GetAsync("/api/v1/recommendations/overdue?pageSize=200"));
        seen.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("country").GetString()).Distinct().ShouldBe(["SN"]);
        seen.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ShouldContain(senegalese);
        seen.GetProperty("total").GetInt32().ShouldBe(seen.GetProperty("items").GetArrayLength());

        await Ok(await desk.PostAsJsonAsync($"/api/v1/recommendations/{malian}/follow-ups", new { note = "Doctrine publiée", status = "implemented" }));
        var after = await OverdueAsync(desk);
        after.ShouldNotContain(malian);
        after.ShouldContain(senegalese);
    }

    [Fact]
    public async Task The_pages_show_a_mission_its_steps_to_who_may_take_them_and_the_missions_of_a_country()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var subject = UniqueName("Conseil au cabinet du ministre");
        var id = await RecordAsync(api, Request(subject));
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var page = await HtmlAsync(desk, $"/Missions/{id}");
        page.ShouldContain(subject);
        page.ShouldContain("data-testid=\"assessment-form\"");
        page.ShouldNotContain("data-testid=\"decision-form\"");
        (await HtmlAsync(desk, "/Missions?Country=SN&Search=" + Uri.EscapeDataString(subject))).ShouldContain($"/Missions/{id}");
        (await HtmlAsync(desk, "/Partners/Countries/SN")).ShouldContain(subject);

        var refused = await PostFormAsync(desk, $"/Missions/{id}?handler=Assess", new Dictionary<string, string> { ["Relevance"] = "Oui" }, $"/Missions/{id}");
        var html = await HtmlAsync(refused);
        html.ShouldContain("Le champ « Faisabilité » est obligatoire.");

        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor);
        var audited = await HtmlAsync(auditor, $"/Missions/{id}");
        audited.ShouldNotContain("Général Mamadou Faye");
        audited.ShouldNotContain("data-testid=\"assessment-form\"");
        var denied = await auditor.GetAsync($"/Missions/{id}/Experts");
        denied.StatusCode.ShouldBe(HttpStatusCode.Found);
        denied.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        var english = await factory.PageClientAsync(DemoAccounts.Director, "en");
        (await HtmlAsync(english, "/Missions")).ShouldContain("Expertise missions");
    }

    [Fact]
    public async Task The_demo_holds_ten_years_of_missions_a_registry_of_experts_and_recommendations_in_every_state()
    {
        var figures = await factory.WithDbAsync(async db => new
        {
            Missions = await db.Missions.CountAsync(m => m.RequestedOn <= Today),
            Long = await db.Missions.CountAsync(m => m.Form == MissionForm.Long),
            Reported = await db.Missions.CountAsync(m => m.ReportFileId != null),
            Experts = await db.Experts.CountAsync(),
            States = await db.Recommendations.Select(r => r.Status).Distinct().CountAsync(),
            Overdue = await db.Recommendations.CountAsync(RecommendationQueries.Overdue(Today)),
            Statuses = await db.Missions.Select(m => m.Status).Distinct().CountAsync(),
        });
        figures.Missions.ShouldBeInRange(380, 460);
        figures.Long.ShouldBeInRange(20, 50);
        figures.Reported.ShouldBeGreaterThan(figures.Missions / 2);
        figures.Experts.ShouldBeGreaterThanOrEqualTo(150);
        figures.States.ShouldBe(4);
        figures.Overdue.ShouldBeGreaterThan(0);
        figures.Statuses.ShouldBeGreaterThanOrEqualTo(6);

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var list = await Ok(await desk.GetAsync($"/api/v1/missions?zone=AFS&year={Today.Year - 1}"));
        list.GetProperty("total").GetInt32().ShouldBeGreaterThan(5);
        var last = await Ok(await desk.GetAsync("/api/v1/figures"));
        last.GetProperty("missionsLastYear").GetInt32().ShouldBeGreaterThan(10);
        last.GetProperty("recommendationsImplementedShare").GetDouble().ShouldBeInRange(0.3, 0.8);
    }
}
