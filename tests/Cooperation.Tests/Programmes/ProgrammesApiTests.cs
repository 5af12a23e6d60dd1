using static Cooperation.Tests.Donations.DonationTestData;
using static Cooperation.Tests.Infrastructure.ProgrammeBuilder;

namespace Cooperation.Tests.Programmes;

/// <summary>
/// /api/v1/programmes as API clients meet it: the cycle and each refusal's field and message (French and English), who
/// reads and does what on foreign records, the quota rule a programme sets on sessions, the follow-up against an
/// independent count of the records after a session's results and a donation's handover, next year's draft, the PDF.
/// </summary>
public class ProgrammesApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, Dictionary<string, object?> programme) =>
        await Ok(await client.PostAsJsonAsync("/api/v1/programmes", programme), HttpStatusCode.Created);

    /// <summary>A programme drafted by the desk officer (or the administrator), submitted and approved by the director.</summary>
    private async Task<JsonElement> ApprovedAsync(HttpClient drafter, Dictionary<string, object?> programme)
    {
        var id = (await CreateAsync(drafter, programme)).GetProperty("id").GetInt32();
        await Ok(await drafter.PostAsJsonAsync($"/api/v1/programmes/{id}/submit", new { }));
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        return await Ok(await director.PostAsJsonAsync($"/api/v1/programmes/{id}/approve", new { }));
    }

    private static async Task<string> Error(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = await response.ErrorsAsync();
        errors.Keys.ShouldContain(field);
        return errors[field][0];
    }

    [Fact]
    public async Task A_programme_is_drafted_returned_revised_approved_revised_and_closed_each_refusal_naming_its_field()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var year = Today.Year;
        await factory.NotDraftedAsync("ML", year);

        // Planned values are non-negative, budgets add up, each refusal names its line and field in the user's language.
        var negative = NewProgramme("ML", year, Places(-2));
        (await Error(await desk.PostAsJsonAsync("/api/v1/programmes", negative), "lines[0].quantity")).ShouldContain("jamais négatives");
        var english = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        (await Error(await english.PostAsJsonAsync("/api/v1/programmes", negative), "lines[0].quantity")).ShouldContain("never negative");
        var unbalanced = NewProgramme("ML", year, Places(8, budget: 30_000));
        unbalanced["envelopes"] = new[] { new { mode = "training", source = "nationalCredits", amount = 25_000m } };
        var sums = await Error(await desk.PostAsJsonAsync("/api/v1/programmes", unbalanced), "envelopes");
        sums.ShouldContain("Places de formation");
        sums.ShouldContain("Crédits nationaux");
        (await Error(await english.PostAsJsonAsync("/api/v1/programmes", unbalanced), "envelopes")).ShouldContain("Training places");
        (await Error(await desk.PostAsJsonAsync("/api/v1/programmes", NewProgramme("ML", year, Line("donations", value: 5_000))), "lines[0].category"))
            .ShouldContain("catégorie");
        (await Error(await desk.PostAsJsonAsync("/api/v1/programmes", NewProgramme("ML", year, Line("weapons"))), "lines[0].mode")).ShouldContain("weapons");
        factory.WithDb(db => db.Programmes.Count(p => p.Year == year && p.Country!.Iso2 == "ML")).ShouldBe(0, "nothing half-written");

        var created = await CreateAsync(desk, NewProgramme("ML", year, Places(8), Line("missions", 2, 15_000, domain: "DEMINING", expertDays: 20)));
        var id = created.GetProperty("id").GetInt32();
        (created.GetProperty("status").GetString(), created.GetProperty("zone").GetString(), created.GetProperty("budget").GetDecimal())
            .ShouldBe(("draft", "AFS", 35_000m));
        created.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "approve")
            .GetProperty("reason").GetString().ShouldBe("Réservé au directeur.");

        (await Error(await director.PostAsJsonAsync($"/api/v1/programmes/{id}/approve", new { }), "status")).ShouldContain("n'est pas soumis");
        (await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await director.PostAsJsonAsync($"/api/v1/programmes/{id}/submit", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/submit", new { }));
        (await Error(await director.PostAsJsonAsync($"/api/v1/programmes/{id}/return", new { comment = " " }), "comment")).ShouldContain("observations");
        var returned = await Ok(await director.PostAsJsonAsync($"/api/v1/programmes/{id}/return", new { comment = "Prévoir davantage de places à l'EMPABB" }));
        (returned.GetProperty("status").GetString(), returned.GetProperty("returnComment").GetString())
            .ShouldBe(("returned", "Prévoir davantage de places à l'EMPABB"));

        // A stale version answers 409; the version read changes it.
        var edit = NewProgramme("ML", year, Places(12, budget: 30_000), Line("missions", 2, 15_000, domain: "DEMINING", expertDays: 20));
        edit["version"] = created.GetProperty("version").GetInt64();
        (await desk.PutAsJsonAsync($"/api/v1/programmes/{id}", edit)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        edit["version"] = returned.GetProperty("version").GetInt64();
        var edited = await Ok(await desk.PutAsJsonAsync($"/api/v1/programmes/{id}", edit));
        edited.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(12);
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/submit", new { }));
        var approved = await Ok(await director.PostAsJsonAsync($"/api/v1/programmes/{id}/approve", new { }));
        (approved.GetProperty("status").GetString(), approved.GetProperty("returnComment").ValueKind).ShouldBe(("approved", JsonValueKind.Null));

        // Approved: it changes only by a revision with its reason; the plan before is kept.
        edit["version"] = approved.GetProperty("version").GetInt64();
        (await Error(await desk.PutAsJsonAsync($"/api/v1/programmes/{id}", edit), "status")).ShouldContain("révision");
        var revision = NewProgramme("ML", year, Places(16, budget: 40_000), Line("missions", 2, 15_000, domain: "DEMINING", expertDays: 20));
        revision["version"] = approved.GetProperty("version").GetInt64();
        (await Error(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/revise", revision), "reason")).ShouldContain("Motif");
        revision["reason"] = "Ouverture d'une seconde session à l'EMPABB";
        var revised = await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/revise", revision));
        (revised.GetProperty("status").GetString(), revised.GetProperty("lines")[0].GetProperty("quantity").GetInt32()).ShouldBe(("revised", 16));
        revised.GetProperty("revisions").EnumerateArray().Single().GetProperty("reason").GetString().ShouldBe("Ouverture d'une seconde session à l'EMPABB");
        var baseline = await Ok(await desk.GetAsync($"/api/v1/programmes/{id}/follow-up"));
        baseline.GetProperty("lines")[0].GetProperty("baseline").GetDecimal().ShouldBe(12, "compared against the plan as approved");

        // One approved programme per country and year.
        var second = await CreateAsync(desk, NewProgramme("ML", year, Places(3, budget: 5_000)));
        var secondId = second.GetProperty("id").GetInt32();
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{secondId}/submit", new { }));
        (await Error(await director.PostAsJsonAsync($"/api/v1/programmes/{secondId}/approve", new { }), "year")).ShouldContain($"{year}");

        // Closed: read-only.
        (await Error(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/close", new { }), "assessment")).ShouldContain("bilan");
        var closed = await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/close", new { comment = "Année conforme, sauf le déminage" }));
        closed.GetProperty("status").GetString().ShouldBe("closed");
        revision["version"] = closed.GetProperty("version").GetInt64();
        (await Error(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/revise", revision), "status")).ShouldContain("clôturé");
        (await Error(await desk.PutAsJsonAsync($"/api/v1/programmes/{id}", revision), "status")).ShouldContain("clôturé");

        // Every write is in the audit trail: the programme's seven steps, the lines the edit replaced, the revision.
        factory.WithDb(db => db.AuditEntries.Count(a => a.EntityType == "Programme" && a.EntityKey == id.ToString())).ShouldBe(7);
        factory.WithDb(db => db.AuditEntries.Any(a => a.EntityType == "ProgrammeLine" && a.Action == "Deleted")).ShouldBeTrue();
        factory.WithDb(db => db.AuditEntries.Any(a => a.EntityType == "ProgrammeRevision")).ShouldBeTrue();
    }

    [Fact]
    public async Task Another_zones_programme_is_invisible_in_list_detail_follow_up_pdf_and_sort_and_each_role_reads_its_part()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year + 4;
        var morocco = (await ApprovedAsync(admin, NewProgramme("MA", year, Places(5)))).GetProperty("id").GetInt32();
        var ivoryCoast = (await ApprovedAsync(desk, NewProgramme("CI", year, Places(6, budget: 9_000), Line("donations", budget: 4_000, category: "surveillance", value: 4_000))))
            .GetProperty("id").GetInt32();
        var senegalDraft = (await CreateAsync(desk, NewProgramme("SN", year, Places(2)))).GetProperty("id").GetInt32();

        foreach (var sort in new[] { "country", "-completion", "budget" })
        {
            var list = await Ok(await desk.GetAsync($"/api/v1/programmes?year={year}&sort={sort}"));
            var ids = list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
            ids.ShouldContain(ivoryCoast);
            ids.ShouldNotContain(morocco);
        }
        (await Ok(await desk.GetAsync($"/api/v1/programmes?year={year}&country=MA"))).GetProperty("total").GetInt32().ShouldBe(0);
        foreach (var path in new[] { $"/api/v1/programmes/{morocco}", $"/api/v1/programmes/{morocco}/follow-up", $"/api/v1/programmes/{morocco}.pdf" })
            (await desk.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        (await desk.PostAsJsonAsync($"/api/v1/programmes/{morocco}/submit", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await desk.PostAsJsonAsync("/api/v1/programmes", NewProgramme("MA", year + 1, Places(1)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var all = (await Ok(await auditor.GetAsync($"/api/v1/programmes?year={year}&pageSize=100"))).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("id").GetInt32()).ToList();
        all.ShouldContain(morocco);
        all.ShouldContain(ivoryCoast);
        (await auditor.PostAsJsonAsync($"/api/v1/programmes/{senegalDraft}/submit", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The coopérant of Senegal reads his country's programmes once submitted, nothing of another country.
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await cooperant.GetAsync($"/api/v1/programmes/{senegalDraft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cooperant.GetAsync($"/api/v1/programmes/{ivoryCoast}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{senegalDraft}/submit", new { }));
        await Ok(await cooperant.GetAsync($"/api/v1/programmes/{senegalDraft}/follow-up"));

        // The liaison officer of Côte d'Ivoire reads only the training places offered to his country: no budget, no donation.
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var offered = await Ok(await liaison.GetAsync($"/api/v1/programmes/{ivoryCoast}"));
        offered.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("mode").GetString()).ShouldBe(["training"]);
        offered.GetProperty("lines")[0].GetProperty("budget").ValueKind.ShouldBe(JsonValueKind.Null);
        (offered.GetProperty("envelopes").GetArrayLength(), offered.GetProperty("budget").ValueKind).ShouldBe((0, JsonValueKind.Null));
        var followed = await Ok(await liaison.GetAsync($"/api/v1/programmes/{ivoryCoast}/follow-up"));
        followed.GetProperty("lines").GetArrayLength().ShouldBe(1);
        (await liaison.GetAsync($"/api/v1/programmes/{senegalDraft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ok(await liaison.GetAsync($"/api/v1/programmes?year={year}"))).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("country").GetString()).Distinct().ShouldBe(["CI"]);

        var school = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await school.GetAsync("/api/v1/programmes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_lists_lines_and_budgets_are_those_recorded_and_a_liaison_officer_counts_only_the_training_places()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year + 5;
        var ivoryCoast = (await ApprovedAsync(desk, NewProgramme("CI", year, Places(6, budget: 9_000), Line("donations", budget: 4_000, category: "surveillance", value: 4_000))))
            .GetProperty("id").GetInt32();

        // Every programme of the demo's year as the auditor lists it, sorted each way, against the lines in the database.
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var recorded = await factory.WithDbAsync(db => db.ProgrammeLines.GroupBy(l => l.ProgrammeId)
            .Select(g => new { g.Key, Lines = g.Count(), Budget = g.Sum(l => (double)l.Budget) }).ToDictionaryAsync(g => g.Key));
        foreach (var sort in new[] { "country", "-budget", "completion" })
        {
            var items = (await Ok(await auditor.GetAsync($"/api/v1/programmes?year={Today.Year}&sort={sort}&pageSize=100"))).GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeGreaterThan(10, "the demo plans a programme for most partners");
            foreach (var p in items)
            {
                var r = recorded[p.GetProperty("id").GetInt32()];
                (p.GetProperty("lines").GetInt32(), (double)p.GetProperty("budget").GetDecimal()).ShouldBe((r.Lines, r.Budget), $"{p.GetProperty("country")} sorted by {sort}");
            }
        }

        var row = (await Ok(await desk.GetAsync($"/api/v1/programmes?year={year}&country=CI"))).GetProperty("items")[0];
        (row.GetProperty("id").GetInt32(), row.GetProperty("lines").GetInt32(), row.GetProperty("budget").GetDecimal()).ShouldBe((ivoryCoast, 2, 13_000m));
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var offered = (await Ok(await liaison.GetAsync($"/api/v1/programmes?year={year}"))).GetProperty("items")[0];
        (offered.GetProperty("id").GetInt32(), offered.GetProperty("lines").GetInt32(), offered.GetProperty("budget").ValueKind).ShouldBe((ivoryCoast, 1, JsonValueKind.Null));

        // A programme written after the list was served is listed with its lines as written.
        var senegal = await CreateAsync(desk, NewProgramme("SN", year, Places(4, budget: 2_000)));
        async Task<(int, decimal)> ListedAsync()
        {
            var listed = (await Ok(await desk.GetAsync($"/api/v1/programmes?year={year}&country=SN"))).GetProperty("items")[0];
            return (listed.GetProperty("lines").GetInt32(), listed.GetProperty("budget").GetDecimal());
        }
        (await ListedAsync()).ShouldBe((1, 2_000m));
        var edit = NewProgramme("SN", year, Places(4, budget: 2_000), Line("missions", 2, 15_000, domain: "DEMINING", expertDays: 20));
        edit["version"] = senegal.GetProperty("version").GetInt64();
        await Ok(await desk.PutAsJsonAsync($"/api/v1/programmes/{senegal.GetProperty("id").GetInt32()}", edit));
        (await ListedAsync()).ShouldBe((2, 17_000m));
    }

    [Fact]
    public async Task A_quota_never_exceeds_the_places_a_programme_plans_until_it_is_revised()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year + 2;
        var session = await factory.SessionAsync(start: new DateOnly(year, 3, 2), capacity: 30, quotas: new() { ["SN"] = 2 }, domain: "CYBERSECURITY");
        var approved = await ApprovedAsync(desk, NewProgramme("CI", year, Places(3, domain: "CYBERSECURITY")));
        async Task<JsonElement> ReadSessionAsync() => (await Ok(await desk.GetAsync($"/api/v1/sessions/{session.Id}"))).GetProperty("session");
        int Seats() => factory.WithDb(db => db.SessionQuotas.Where(q => q.SessionId == session.Id && q.Country!.Iso2 == "CI").Select(q => q.Seats).Single());
        Seats().ShouldBe(3, "the approval placed the planned places as the country's quota");

        var over = await desk.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/quotas/CI", new { seats = 4, version = (await ReadSessionAsync()).GetProperty("version").GetInt64() });
        (await Error(over, "seats")).ShouldContain("révision du programme");
        var set = await Ok(await desk.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/quotas/CI", new { seats = 2, version = (await ReadSessionAsync()).GetProperty("version").GetInt64() }));

        var revision = NewProgramme("CI", year, Places(6, domain: "CYBERSECURITY"));
        (revision["version"], revision["reason"]) = (approved.GetProperty("version").GetInt64(), "Seconde session de cybersécurité");
        await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{approved.GetProperty("id").GetInt32()}/revise", revision));
        Seats().ShouldBe(6, "the revision placed the places it adds");
        // The session changed under the version read before the revision.
        (await desk.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/quotas/CI", new { seats = 5, version = set.GetProperty("session").GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var version = (await ReadSessionAsync()).GetProperty("version").GetInt64();
        (await Error(await desk.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/quotas/CI", new { seats = 7, version }), "seats")).ShouldContain("révision du programme");
        await Ok(await desk.PutAsJsonAsync($"/api/v1/sessions/{session.Id}/quotas/CI", new { seats = 5, version }));
    }

    [Fact]
    public async Task The_follow_up_equals_an_independent_count_and_moves_with_a_sessions_results_and_a_donations_handover()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year;
        await factory.NotDraftedAsync("SN", year);
        var start = Today.DayOfYear > 20 ? Today.AddDays(-15) : Today;
        var approved = await ApprovedAsync(desk, NewProgramme("SN", year, Places(40, domain: "MARITIME_SECURITY", budget: 60_000),
            Line("donations", budget: 50_000, category: "surveillance", value: 50_000)));
        var id = approved.GetProperty("id").GetInt32();

        async Task<(decimal Places, int Trained, decimal Value)> FollowUpAsync()
        {
            var f = await Ok(await desk.GetAsync($"/api/v1/programmes/{id}/follow-up"));
            var lines = f.GetProperty("lines").EnumerateArray().ToList();
            return (lines[0].GetProperty("done").GetDecimal(), lines[0].GetProperty("trained").GetInt32(), lines[1].GetProperty("done").GetDecimal());
        }

        (decimal Places, int Trained, decimal Value) Count() => factory.WithDb(db =>
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var nominations = db.Nominations.Where(n => n.Country!.Iso2 == "SN" && n.Status == NominationStatus.Accepted
                && n.Session!.Course!.School!.Acronym == "EMPABB" && n.Session.Course.Domain!.Code == "MARITIME_SECURITY"
                && n.Session.StartDate >= first && n.Session.StartDate <= last && n.Session.Status != SessionStatus.Cancelled).ToList();
            var value = db.DonationItems.Where(i => i.Donation!.Country!.Iso2 == "SN" && i.Category == EquipmentCategory.Surveillance
                    && (i.Donation.Status == DonationStatus.HandedOver || i.Donation.Status == DonationStatus.Checked)
                    && i.Donation.HandedOverOn >= first && i.Donation.HandedOverOn <= last)
                .Select(i => i.EuroValue).ToList().Sum();
            return ((decimal)nominations.Count, nominations.Count(n => n.Result == TrainingResult.Passed), value);
        });

        var before = await FollowUpAsync();
        before.ShouldBe(Count());

        // A session's results: a Senegalese trainee accepted and passed.
        var session = await factory.SessionAsync(start: start, quotas: new() { ["SN"] = 4 }, domain: "MARITIME_SECURITY");
        var nomination = await factory.NominateAsync(session.Id, await factory.TraineeAsync("SN"));
        await factory.PassAsync(nomination, certify: false);

        // A donation's handover by the coopérant of Senegal.
        var donation = await ProposeAsync(desk, NewDonation(UniqueName("Drones de surveillance côtière"), "SN",
            Item("Drone d'observation côtière", "surveillance", quantity: 2, unitValue: 4_000m)));
        var donationId = donation.GetProperty("id").GetInt32();
        await factory.WithDbAsync(async db =>
            await db.Donations.Where(d => d.Id == donationId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DonationStatus.Delivered)));
        var itemId = donation.GetProperty("items")[0].GetProperty("id").GetInt32();
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var handover = await cooperant.PostAsync($"/api/v1/donations/{donationId}/handover", TestFiles.Multipart(
            "document", TestFiles.Pdf("Procès-verbal de remise"), "pv-remise.pdf", ("date", Today.ToString("yyyy-MM-dd")),
            ("place", "Dakar, base navale"), ("receivingAuthority", "Marine nationale"), ("signatory", "Capitaine de vaisseau Ba"),
            ("quantities", $"{{\"{itemId}\": 2}}")));
        handover.StatusCode.ShouldBe(HttpStatusCode.OK, await handover.Content.ReadAsStringAsync());

        var after = await FollowUpAsync();
        after.ShouldBe(Count());
        after.ShouldBe((before.Places + 1, before.Trained + 1, before.Value + 8_000m));
    }

    [Fact]
    public async Task Next_years_draft_copies_the_plan_and_proposes_places_from_the_use_and_the_programme_prints_as_a_pdf()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var year = Today.Year + 6;
        var programme = await CreateAsync(desk, NewProgramme("ML", year, Places(9, budget: 9_000), Line("postings", 2, 0, posting: "open")));
        var id = programme.GetProperty("id").GetInt32();
        var next = await Ok(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/next-year", new { }), HttpStatusCode.Created);
        (next.GetProperty("year").GetInt32(), next.GetProperty("status").GetString()).ShouldBe((year + 1, "draft"));
        next.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("mode").GetString()).ShouldBe(["training", "postings"]);
        // Nobody from Mali was trained there in the three years before a year to come: no place proposed.
        next.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(0);
        (await Error(await desk.PostAsJsonAsync($"/api/v1/programmes/{id}/next-year", new { }), "year")).ShouldContain($"{year + 1}");

        var pdf = await desk.GetAsync($"/api/v1/programmes/{id}.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var words = string.Join(" ", document.GetPages().Select(p => p.Text));
        words.ShouldContain("Mali");
        words.ShouldContain("EMPABB");
    }

    [Fact]
    public async Task Last_years_completion_in_the_figures_is_the_budget_weighted_share_of_its_planned_lines_done()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var lastYear = Today.Year - 1;
        await factory.NotDraftedAsync("LB", lastYear);
        var id = (await ApprovedAsync(admin, NewProgramme("LB", lastYear, Places(5, budget: 10_000),
            Line("donations", budget: 30_000, category: "trainingCentres", value: 30_000)))).GetProperty("id").GetInt32();

        // Independently: every approved programme of last year, each line up to its plan, weighted by its budget.
        var list = await Ok(await director.GetAsync($"/api/v1/programmes?year={lastYear}&pageSize=200"));
        list.GetProperty("items").GetArrayLength().ShouldBe(list.GetProperty("total").GetInt32(), "every programme of the year on one page");
        decimal weighted = 0, budgets = 0;
        foreach (var p in list.GetProperty("items").EnumerateArray().Where(p => p.GetProperty("status").GetString() is "approved" or "revised" or "closed"))
        {
            var f = await Ok(await director.GetAsync($"/api/v1/programmes/{p.GetProperty("id").GetInt32()}/follow-up"));
            foreach (var l in f.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("rate").ValueKind == JsonValueKind.Number))
            {
                var budget = l.GetProperty("budget").GetDecimal();
                (weighted, budgets) = (weighted + budget * Math.Min(1, l.GetProperty("rate").GetDecimal()), budgets + budget);
            }
        }
        budgets.ShouldBeGreaterThan(0);
        var figures = await Ok(await director.GetAsync("/api/v1/figures"));
        figures.GetProperty("programmeCompletionLastYear").GetDouble().ShouldBe((double)(weighted / budgets), 0.001);
        (await Ok(await director.GetAsync($"/api/v1/programmes/{id}/follow-up"))).GetProperty("year").GetInt32().ShouldBe(lastYear);
    }

    [Fact]
    public async Task An_organisations_programme_counts_its_partnerships_records_not_its_seats_nor_another_organisations()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        const int year = 2004;
        var on = new DateOnly(year, 3, 1);
        var g5 = await factory.PartnershipAsync("G5S", year, year);
        var au = await factory.PartnershipAsync("UA", year, year);

        // The G5 Sahel's session: Nigerien and Senegalese places, a Nigerien trainee passed, a Senegalese one accepted.
        var ours = await factory.PartnershipSessionAsync(g5, on, new() { ["NE"] = 3, ["SN"] = 2 });
        await factory.PassAsync(await factory.NominateAsync(ours.Id, await factory.TraineeAsync("NE")), certify: false);
        await factory.NominateAsync(ours.Id, await factory.TraineeAsync("SN"));
        // Not the G5 Sahel's: a session at the seat (Mauritania) of no partnership, and the African Union's.
        var seat = await factory.PartnershipSessionAsync(null, on, new() { ["MR"] = 4 });
        await factory.NominateAsync(seat.Id, await factory.TraineeAsync("MR"));
        var foreign = await factory.PartnershipSessionAsync(au, on, new() { ["NE"] = 6 });
        await factory.NominateAsync(foreign.Id, await factory.TraineeAsync("NE"));
        // Donations: Niger's of a G5 Sahel partnership's project; the seat's of no project; Niger's of an African Union project.
        var handedOver = on.AddDays(30);
        await factory.HandedOverDonationAsync("NE", EquipmentCategory.Surveillance, 6_000, handedOver, await factory.PartnershipProjectAsync("AFS", g5, year));
        await factory.HandedOverDonationAsync("MR", EquipmentCategory.Surveillance, 9_000, handedOver);
        await factory.HandedOverDonationAsync("NE", EquipmentCategory.Surveillance, 5_000, handedOver, await factory.PartnershipProjectAsync("AFS", au, year));

        await factory.NotDraftedAsync("MR", year);
        var organisation = (await factory.ApprovedProgrammeAsync(admin, NewProgramme("org:G5S", year, Places(10, budget: 10_000),
            Line("donations", budget: 12_000, category: "surveillance", value: 12_000)))).GetProperty("id").GetInt32();
        var mauritania = (await factory.ApprovedProgrammeAsync(admin, NewProgramme("MR", year, Places(4, budget: 4_000),
            Line("donations", budget: 9_000, category: "surveillance", value: 9_000)))).GetProperty("id").GetInt32();

        var f = await Ok(await admin.GetAsync($"/api/v1/programmes/{organisation}/follow-up"));
        var places = f.GetProperty("lines")[0];
        (places.GetProperty("quotaPlaces").GetInt32(), places.GetProperty("placesUsed").GetInt32(), places.GetProperty("trained").GetInt32(),
            places.GetProperty("done").GetDecimal()).ShouldBe((5, 2, 1, 2m));
        places.GetProperty("link").GetString().ShouldBe($"/Partners/Partnerships?Organisation=G5S&Year={year}");
        var donated = f.GetProperty("lines")[1];
        (donated.GetProperty("donations").GetInt32(), donated.GetProperty("done").GetDecimal()).ShouldBe((1, 6_000m));
        f.GetProperty("completion").GetDecimal().ShouldBe(Math.Round((10_000m * 0.2m + 12_000m * 0.5m) / 22_000m, 4));
        f.GetProperty("countingRule").GetString()!.ShouldStartWith("Programme d'une organisation : les places de formation sont comptées dans les sessions rattachées à un partenariat");

        // The seat's own programme counts the seat's records and none of the organisation's, and states no rule.
        var m = await Ok(await admin.GetAsync($"/api/v1/programmes/{mauritania}/follow-up"));
        (m.GetProperty("lines")[0].GetProperty("quotaPlaces").GetInt32(), m.GetProperty("lines")[0].GetProperty("placesUsed").GetInt32()).ShouldBe((4, 1));
        m.GetProperty("lines")[1].GetProperty("done").GetDecimal().ShouldBe(9_000m);
        m.GetProperty("countingRule").ValueKind.ShouldBe(JsonValueKind.Null);

        // The rule in English, and on the programme's page in both languages.
        var english = await factory.ApiClientAsync(DemoAccounts.Admin, "en");
        (await Ok(await english.GetAsync($"/api/v1/programmes/{organisation}/follow-up"))).GetProperty("countingRule").GetString()!
            .ShouldStartWith("An organisation's programme: training places are counted in the sessions attached to a partnership");
        (await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Director), $"/Programmes/{organisation}")).ShouldContain("quel que soit le pays des stagiaires");
        (await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Director, "en"), $"/Programmes/{organisation}")).ShouldContain("whatever the trainees' country");
        (await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Director), $"/Programmes/{mauritania}")).ShouldNotContain("quel que soit le pays des stagiaires");
    }
}
