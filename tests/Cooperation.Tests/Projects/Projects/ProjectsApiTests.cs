using Cooperation.Tests.Network;

namespace Cooperation.Tests.Projects.Projects;

/// <summary>
/// /api/v1/projects: the project's rules as an API client meets them (shares summing to 100, the EU part, money, the
/// status cycle, conflicts), who reads and edits which projects, the demo projects, the one chain and the figures.
/// </summary>
public class ProjectsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly DateOnly Start = new(Today.Year, 1, 15);

    /// <summary>A project in Senegal and Mali (Sub-Saharan Africa, the demo desk officer's zone), with a budget.</summary>
    private static Dictionary<string, object?> NewProject(string title) => new()
    {
        ["title"] = title,
        ["summary"] = "Former les cadres des écoles de maintien de la paix.",
        ["objective"] = "Les écoles forment elles-mêmes leurs cadres.",
        ["locations"] = new[] { new { country = "SN", percentage = 60m }, new { country = "ML", percentage = 40m } },
        ["domains"] = new[] { "PEACEKEEPING" },
        ["contactName"] = "Awa Ndiaye",
        ["contactEmail"] = "awa.ndiaye@partenaire.example",
        ["startDate"] = Start.ToString("yyyy-MM-dd"),
        ["endDate"] = Start.AddYears(3).ToString("yyyy-MM-dd"),
        ["budgetLines"] = new[] { new { year = Start.Year, source = "nationalCredits", amount = 200_000m } },
        ["sectors"] = new[] { new { code = "15210", percentage = 70m }, new { code = "15230", percentage = 30m } },
    };

    private static Dictionary<string, object?> EuProject(string title, string mode = "coLead", string? @operator = "EF")
    {
        var project = NewProject(title);
        project["euFunded"] = true;
        project["euMode"] = mode;
        project["operator"] = @operator;
        project["euContractReference"] = "T05-EUTF-SAH-0042";
        project["budgetLines"] = new[]
        {
            new { year = Start.Year, source = "nationalCredits", amount = 100_000m },
            new { year = Start.Year, source = "euDelegatedFunds", amount = 300_000m },
        };
        return project;
    }

    private static object Criterion(string rating) => new { rating, comment = "Apprécié au vu du dossier." };

    private static readonly object Assessment = new
    {
        politicalOrientation = Criterion("met"), expertiseAddedValue = Criterion("met"), expertiseImpact = Criterion("partly"),
        complementarity = Criterion("met"), assessedBy = "Claire Dupont",
    };

    private async Task<JsonElement> CreateAsync(HttpClient api, Dictionary<string, object?> project)
    {
        var response = await api.PostAsJsonAsync("/api/v1/projects", project);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> MoveAsync(HttpClient api, int id, string to, HttpStatusCode expected = HttpStatusCode.OK, string? summary = null)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{id}/status", new { to, evaluationSummary = summary });
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static object Transaction(string kind, DateOnly date, decimal amount, string currency = "EUR", decimal? rate = null) => new
    {
        kind, date = date.ToString("yyyy-MM-dd"), amount, currency, rate, provider = "DCSD", receiver = "Expertise France",
    };

    [Fact]
    public async Task An_eu_funded_project_is_assessed_approved_run_and_its_money_adds_up_in_euros()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await CreateAsync(api, EuProject(UniqueName("Appui aux écoles du Sahel")));
        var id = created.GetProperty("id").GetInt32();
        created.GetProperty("status").GetString().ShouldBe("identified");
        created.GetProperty("zone").GetString().ShouldBe("AFS");
        created.GetProperty("euMode").GetString().ShouldBe("coLead");
        created.GetProperty("operator").GetProperty("code").GetString().ShouldBe("EF");
        created.GetProperty("locations").EnumerateArray().Select(l => (l.GetProperty("country").GetString(), l.GetProperty("percentage").GetDecimal()))
            .ShouldBe([("SN", 60m), ("ML", 40m)]);
        created.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()).ShouldBe(["inPreparation", "abandoned"]);

        await MoveAsync(api, id, "inPreparation");
        var refused = await MoveAsync(api, id, "approved", HttpStatusCode.BadRequest);
        FirstError(refused, "to").ShouldBe("Un projet financé par l'UE n'est approuvé qu'une fois l'évaluation des quatre critères enregistrée.");

        var assessed = await api.PutAsJsonAsync($"/api/v1/projects/{id}/assessment", Assessment);
        assessed.StatusCode.ShouldBe(HttpStatusCode.OK, await assessed.Content.ReadAsStringAsync());
        var assessment = await JsonAsync(assessed);
        assessment.GetProperty("assessed").GetBoolean().ShouldBeTrue();
        assessment.GetProperty("assessedBy").GetString().ShouldBe("Claire Dupont");
        assessment.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("rating").GetString()).ShouldBe(["met", "met", "partly", "met"]);

        (await MoveAsync(api, id, "approved")).GetProperty("status").GetString().ShouldBe("approved");
        (await MoveAsync(api, id, "running")).GetProperty("status").GetString().ShouldBe("running");

        // The list's money is summed once and kept: read it before the transactions, then after them.
        async Task<(decimal, decimal)> ListedAsync()
        {
            var row = (await JsonAsync(await api.GetAsync($"/api/v1/projects?search={Uri.EscapeDataString(created.GetProperty("title").GetString()!.Split(' ')[^1])}")))
                .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
            return (row.GetProperty("plannedBudget").GetDecimal(), row.GetProperty("disbursed").GetDecimal());
        }
        (await ListedAsync()).ShouldBe((400_000m, 0m));
        (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("commitment", Start, 250_000m))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var cfa = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("disbursement", Start.AddDays(10), 65_595_700m, "XOF", 655.957m));
        cfa.StatusCode.ShouldBe(HttpStatusCode.Created, await cfa.Content.ReadAsStringAsync());

        var money = await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}/transactions"));
        money.GetProperty("planned").GetDecimal().ShouldBe(400_000m);
        money.GetProperty("committed").GetDecimal().ShouldBe(250_000m);
        money.GetProperty("disbursed").GetDecimal().ShouldBe(100_000m);
        money.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        (await ListedAsync()).ShouldBe((400_000m, 100_000m));
        money.GetProperty("fundingShares").EnumerateArray().Select(s => (s.GetProperty("source").GetString(), s.GetProperty("percentage").GetDecimal()))
            .ShouldBe([("nationalCredits", 25m), ("euDelegatedFunds", 75m)]);
        var xof = money.GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "XOF");
        xof.GetProperty("euroValue").GetDecimal().ShouldBe(100_000m);

        // Disbursing more than was committed is recorded, and the page warns.
        (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("disbursement", Start.AddDays(40), 200_000m))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var warned = await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}/transactions"));
        warned.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain("disbursementsOverCommitments");
    }

    [Fact]
    public async Task Shares_that_do_not_make_100_are_refused_naming_their_field_and_nothing_is_written()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var title = UniqueName("Parts mal réparties");
        var project = NewProject(title);
        project["locations"] = new[] { new { country = "SN", percentage = 60m }, new { country = "ML", percentage = 30m } };
        project["sectors"] = new[] { new { code = "15210", percentage = 70m }, new { code = "15220", percentage = 20m } };

        var response = await api.PostAsJsonAsync("/api/v1/projects", project);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        FirstError(problem, "locations").ShouldBe("Les parts doivent faire 100 % : elles font 90 %.");
        FirstError(problem, "sectors").ShouldBe("Les parts doivent faire 100 % : elles font 90 %.");
        (await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.Title == title))).ShouldBe(0);

        var english = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        project["sectors"] = new[] { new { code = "15210", percentage = 100m } };
        FirstError(await JsonAsync(await english.PostAsJsonAsync("/api/v1/projects", project)), "locations")
            .ShouldBe("The shares must add up to 100 %: they add up to 90 %.");
        project["sectors"] = new[] { new { code = "99999", percentage = 100m } };
        FirstError(await JsonAsync(await english.PostAsJsonAsync("/api/v1/projects", project)), "sectors").ShouldContain("99999");
    }

    [Fact]
    public async Task An_eu_funded_project_has_exactly_one_mode_an_operator_when_it_co_leads_or_supports_and_lies_in_an_eu_region()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var noMode = EuProject(UniqueName("Sans mode"), mode: null!, @operator: null);
        FirstError(await JsonAsync(await api.PostAsJsonAsync("/api/v1/projects", noMode)), "euMode")
            .ShouldBe("Un projet financé par l'UE a exactement un mode d'implication : pilote, copilote ou appui.");

        var noOperator = await api.PostAsJsonAsync("/api/v1/projects", EuProject(UniqueName("Appui sans opérateur"), mode: "support", @operator: null));
        noOperator.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(noOperator), "operator")
            .ShouldBe("Copiloter ou appuyer un projet européen demande l'opérateur qui le pilote ou reçoit les fonds.");

        var balkans = EuProject(UniqueName("Balkans"), mode: "lead", @operator: null);
        balkans["locations"] = new[] { new { country = "RS", percentage = (decimal?)null } };
        FirstError(await JsonAsync(await api.PostAsJsonAsync("/api/v1/projects", balkans)), "locations")
            .ShouldBe("Un projet financé par l'UE se situe dans l'une des régions de l'UE : Afrique subsaharienne, Afrique du Nord, Levant, Asie du Sud-Est.");

        var modeWithoutFunding = NewProject(UniqueName("Mode sans financement"));
        modeWithoutFunding["euMode"] = "lead";
        FirstError(await JsonAsync(await api.PostAsJsonAsync("/api/v1/projects", modeWithoutFunding)), "euMode")
            .ShouldContain("l'UE ne finance pas");

        // Leading needs no operator.
        (await CreateAsync(api, EuProject(UniqueName("Pilotage"), mode: "lead", @operator: null))).GetProperty("euMode").GetString().ShouldBe("lead");
    }

    [Fact]
    public async Task Transactions_need_a_known_currency_a_positive_amount_and_no_disbursement_before_the_start()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = (await CreateAsync(api, NewProject(UniqueName("Trésorerie")))).GetProperty("id").GetInt32();

        var tooEarly = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("commitment", Start, 1_000m));
        FirstError(await JsonAsync(tooEarly), "kind").ShouldBe("Les transactions s'enregistrent une fois le projet approuvé (approuvé, en cours ou clôturé).");
        await MoveAsync(api, id, "inPreparation");
        await MoveAsync(api, id, "approved");

        var unknown = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("commitment", Start, 1_000m, "ZZZ", 2m));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(unknown), "currency").ShouldBe("La devise « ZZZ » n'est pas un code ISO 4217.");

        var negative = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("commitment", Start, -5m));
        FirstError(await JsonAsync(negative), "amount").ShouldBe("Le montant doit être positif.");

        var beforeStart = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("disbursement", Start.AddDays(-1), 1_000m));
        beforeStart.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(beforeStart), "date").ShouldBe($"Un décaissement ne peut pas être daté d'avant le {Start:yyyy-MM-dd} (début du projet).");

        var english = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        FirstError(await JsonAsync(await english.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("disbursement", Start, 0m))), "amount")
            .ShouldBe("The amount must be positive.");

        (await factory.WithDbAsync(db => db.ProjectTransactions.CountAsync(t => t.ProjectId == id))).ShouldBe(0);
        (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", Transaction("disbursement", Start, 1_000m))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_status_moves_only_along_the_cycle_each_step_asking_for_what_it_needs_and_each_change_is_audited()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var project = NewProject(UniqueName("Cycle"));
        project["budgetLines"] = Array.Empty<object>();
        var id = (await CreateAsync(api, project)).GetProperty("id").GetInt32();

        FirstError(await MoveAsync(api, id, "running", HttpStatusCode.BadRequest), "to")
            .ShouldStartWith("Un projet ne peut pas passer de « Identifié » à « En cours » : le cycle est identifié → en préparation → approuvé");
        var english = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        FirstError(await MoveAsync(english, id, "closed", HttpStatusCode.BadRequest), "to")
            .ShouldStartWith("A project cannot move from \"Identified\" to \"Closed\"");
        await MoveAsync(api, id, "inPreparation");
        const string needsBudget = "L'approbation demande un budget : ajoutez les montants prévus par année et source de financement.";
        // The record and its page say what approval lacks before anyone tries: the page shows the step without offering it.
        (await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"))).GetProperty("missing").GetProperty("approved").GetString().ShouldBe(needsBudget);
        var page = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.DeskAfrica), $"/Projects/{id}");
        page.ShouldContain("data-testid=\"to-approved-disabled\"");
        page.ShouldNotContain("data-testid=\"to-approved\"");
        page.ShouldContain(needsBudget);
        FirstError(await MoveAsync(api, id, "approved", HttpStatusCode.BadRequest), "to").ShouldBe(needsBudget);

        var current = await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"));
        project["budgetLines"] = new[] { new { year = Start.Year, source = "nationalCredits", amount = 50_000m } };
        project["version"] = current.GetProperty("version").GetInt64();
        (await api.PutAsJsonAsync($"/api/v1/projects/{id}", project)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"))).GetProperty("missing").TryGetProperty("approved", out _).ShouldBeFalse();
        await MoveAsync(api, id, "approved");
        await MoveAsync(api, id, "running");

        (await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"))).GetProperty("missing").GetProperty("closed").GetString()
            .ShouldBe("La clôture demande les valeurs constatées des indicateurs : le projet n'a aucun indicateur.");
        FirstError(await MoveAsync(api, id, "closed", HttpStatusCode.BadRequest), "to")
            .ShouldBe("La clôture demande les valeurs constatées des indicateurs : le projet n'a aucun indicateur.");
        var added = await api.PostAsJsonAsync($"/api/v1/projects/{id}/indicators",
            new { title = "Cadres formés", unit = "personnes", baseline = 0, baselineYear = Start.Year, target = 40, targetYear = Start.Year + 2 });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var indicatorId = (await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}/indicators"))).EnumerateArray().Single().GetProperty("id").GetInt32();
        FirstError(await MoveAsync(api, id, "closed", HttpStatusCode.BadRequest), "to")
            .ShouldBe("La clôture demande les valeurs constatées des indicateurs : « Cadres formés » n'en a aucune.");
        (await api.PostAsJsonAsync($"/api/v1/projects/{id}/indicators/{indicatorId}/values", new { year = Start.Year, value = 12 })).IsSuccessStatusCode.ShouldBeTrue();
        await MoveAsync(api, id, "closed");

        FirstError(await MoveAsync(api, id, "evaluated", HttpStatusCode.BadRequest), "evaluationSummary")
            .ShouldBe("Indiquez la synthèse de l'évaluation pour déclarer le projet évalué.");
        FirstError(await MoveAsync(api, id, "abandoned", HttpStatusCode.BadRequest), "to").ShouldContain("abandonné avant la clôture");
        var evaluated = await MoveAsync(api, id, "evaluated", summary: "Objectifs atteints.");
        evaluated.GetProperty("status").GetString().ShouldBe("evaluated");
        evaluated.GetProperty("evaluationSummary").GetString().ShouldBe("Objectifs atteints.");

        var audited = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Project) && a.EntityKey == id.ToString() && a.Action == "Updated").Select(a => a.After).ToListAsync());
        audited.Count(after => after!.Contains("\"Status\"")).ShouldBe(5, "each move along the cycle is in the audit trail");
    }

    [Fact]
    public async Task A_second_writer_of_a_project_gets_a_conflict_and_the_first_change_stays()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var project = NewProject(UniqueName("Deux rédacteurs"));
        var created = await CreateAsync(api, project);
        var id = created.GetProperty("id").GetInt32();
        project["version"] = created.GetProperty("version").GetInt64();

        project["title"] = "Premier rédacteur " + Unique();
        (await api.PutAsJsonAsync($"/api/v1/projects/{id}", project)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = (string)project["title"]!;
        project["title"] = "Second rédacteur " + Unique();
        var second = await api.PutAsJsonAsync($"/api/v1/projects/{id}", project);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var conflict = await JsonAsync(second);
        conflict.GetProperty("detail").GetString()
            .ShouldBe("Cet enregistrement a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez-le et refaites votre modification.");
        var stored = await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"));
        stored.GetProperty("title").GetString().ShouldBe(first);
        // Both versions: what the second writer sent beside what is stored, and the version to send again.
        conflict.GetProperty("currentVersion").GetInt64().ShouldBe(stored.GetProperty("version").GetInt64());
        var title = conflict.GetProperty("conflicts").EnumerateArray().ShouldHaveSingleItem();
        title.GetProperty("field").GetString().ShouldBe("title");
        title.GetProperty("sent").GetString().ShouldBe((string)project["title"]!);
        title.GetProperty("stored").GetString().ShouldBe(first);

        // On the page, the second writer sees what he sent beside what is stored.
        var pages = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var form = await HtmlAsync(pages, $"/Projects/{id}/Edit");
        var fields = new Dictionary<string, string>
        {
            ["Version"] = created.GetProperty("version").GetInt64().ToString(), ["Form.Title"] = "Troisième rédacteur",
            ["Form.StartDate"] = Start.ToString("yyyy-MM-dd"), ["Form.EndDate"] = Start.AddYears(3).ToString("yyyy-MM-dd"),
            ["Form.Places[0].Place"] = "SN", ["Form.Places[0].Percentage"] = "60", ["Form.Places[1].Place"] = "ML", ["Form.Places[1].Percentage"] = "40",
        };
        form.ShouldContain("name=\"Form.Title\"");
        var html = await HtmlAsync(await PostFormAsync(pages, $"/Projects/{id}/Edit", fields));
        html.ShouldContain("data-testid=\"conflict-versions\"");
        html.ShouldContain("Troisième rédacteur");
        html.ShouldContain(first);
    }

    [Fact]
    public async Task The_list_shows_a_projects_places_and_fields_as_last_written_in_the_readers_language()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var english = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        var project = NewProject(UniqueName("Lieux et domaines"));
        var created = await CreateAsync(api, project);
        var id = created.GetProperty("id").GetInt32();
        async Task<(string[] Places, string Names, string[] Domains)> ListedAsync(HttpClient client)
        {
            var row = (await JsonAsync(await client.GetAsync($"/api/v1/projects?search={Uri.EscapeDataString(created.GetProperty("title").GetString()!.Split(' ')[^1])}")))
                .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
            return (row.GetProperty("places").EnumerateArray().Select(p => p.GetString()!).ToArray(), row.GetProperty("placesNames").GetString()!,
                row.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());
        }
        var first = await ListedAsync(api);
        first.Places.ShouldBe(["SN", "ML"]);
        first.Names.ShouldBe("Sénégal, Mali");
        first.Domains.ShouldBe(["PEACEKEEPING"]);

        // Read once the list was served: the places and fields written next are those the list shows.
        project["version"] = created.GetProperty("version").GetInt64();
        project["locations"] = new object[] { new { country = "TD", percentage = 50m }, new { zone = "AFS", percentage = 30m }, new { country = "GN", percentage = 20m } };
        project["domains"] = new[] { "DEMINING", "PEACEKEEPING" };
        var edited = await api.PutAsJsonAsync($"/api/v1/projects/{id}", project);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());

        var french = await ListedAsync(api);
        french.Places.ShouldBe(["TD", "AFS", "GN"]);
        french.Names.ShouldBe("Tchad, Afrique subsaharienne, Guinée");
        french.Domains.ShouldBe(["DEMINING", "PEACEKEEPING"], ignoreOrder: true);
        var inEnglish = await ListedAsync(english);
        inEnglish.Places.ShouldBe(["TD", "AFS", "GN"]);
        inEnglish.Names.ShouldBe("Chad, Sub-Saharan Africa, Guinea");
        // The project's page and the list agree.
        var page = await JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"));
        page.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(french.Domains, ignoreOrder: true);
    }

    [Fact]
    public async Task A_desk_officer_edits_the_projects_of_her_zones_only_and_the_auditor_reads_them_without_named_contacts()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var elsewhere = NewProject(UniqueName("Hors zone"));
        elsewhere["locations"] = new[] { new { country = "RS", percentage = (decimal?)null } };
        (await desk.PostAsJsonAsync("/api/v1/projects", elsewhere)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var balkans = await CreateAsync(admin, elsewhere);
        var balkansId = balkans.GetProperty("id").GetInt32();
        elsewhere["version"] = balkans.GetProperty("version").GetInt64();
        (await desk.GetAsync($"/api/v1/projects/{balkansId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.PutAsJsonAsync($"/api/v1/projects/{balkansId}", elsewhere)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync($"/api/v1/projects/{balkansId}/status", new { to = "inPreparation" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var withResponsible = NewProject(UniqueName("Contacts"));
        withResponsible["responsible"] = DemoAccounts.DeskAfrica;
        var sahel = await CreateAsync(desk, withResponsible);
        var sahelId = sahel.GetProperty("id").GetInt32();
        sahel.GetProperty("contactName").GetString().ShouldBe("Awa Ndiaye");
        var deskName = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.DeskAfrica).Select(u => u.DisplayName).SingleAsync());
        sahel.GetProperty("responsible").GetString().ShouldBe(deskName);
        sahel.GetProperty("responsibleEmail").GetString().ShouldBe(DemoAccounts.DeskAfrica);
        sahel.GetProperty("partnershipId").ValueKind.ShouldBe(JsonValueKind.Null);
        // The sectors by their names in the DAC's list, in the order given.
        var sectorNames = await factory.WithDbAsync(db => db.DacSectors.Where(x => x.Code == "15210" || x.Code == "15230")
            .OrderBy(x => x.Code).Select(x => x.NameFr).ToListAsync());
        sahel.GetProperty("sectors").EnumerateArray().Select(x => (x.GetProperty("code").GetString(), x.GetProperty("name").GetString(), x.GetProperty("percentage").GetDecimal()))
            .ShouldBe([("15210", sectorNames[0], 70m), ("15230", sectorNames[1], 30m)]);
        sahel.GetProperty("canEdit").GetBoolean().ShouldBeTrue();

        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var audited = await JsonAsync(await auditor.GetAsync($"/api/v1/projects/{sahelId}"));
        audited.GetProperty("title").GetString().ShouldBe(sahel.GetProperty("title").GetString());
        audited.GetProperty("contactName").GetString().ShouldBe("•••");
        audited.GetProperty("contactEmail").GetString().ShouldBe("•••");
        audited.GetProperty("responsible").GetString().ShouldBe("•••");
        audited.GetProperty("responsibleEmail").GetString().ShouldBe("•••");
        // A project of a partnership names its organisation and agreement.
        var served = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Where(x => x.PartnershipId != null)
            .Select(x => new { x.Id, x.PartnershipId, x.Partnership!.Organisation!.Acronym, x.Partnership.AgreementTitle }).FirstAsync());
        var ofPartnership = await JsonAsync(await auditor.GetAsync($"/api/v1/projects/{served.Id}"));
        ofPartnership.GetProperty("partnershipId").GetInt32().ShouldBe(served.PartnershipId!.Value);
        ofPartnership.GetProperty("partnershipTitle").GetString().ShouldBe($"{served.Acronym} — {served.AgreementTitle}");
        audited.GetProperty("redacted").GetBoolean().ShouldBeTrue();
        audited.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await auditor.PostAsJsonAsync($"/api/v1/projects/{sahelId}/status", new { to = "inPreparation" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await director.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cooperant_reads_the_projects_of_his_country_and_no_other()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var mali = NewProject(UniqueName("Mali seul"));
        mali["locations"] = new[] { new { country = "ML", percentage = (decimal?)null } };
        var maliId = (await CreateAsync(admin, mali)).GetProperty("id").GetInt32();
        var senegalId = (await CreateAsync(admin, NewProject(UniqueName("Sénégal et Mali")))).GetProperty("id").GetInt32();

        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var list = await JsonAsync(await cooperant.GetAsync("/api/v1/projects?pageSize=200"));
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(p => p.GetProperty("places").EnumerateArray().Any(c => c.GetString() == "SN"));
        items.Select(p => p.GetProperty("id").GetInt32()).ShouldContain(senegalId);
        items.Select(p => p.GetProperty("id").GetInt32()).ShouldNotContain(maliId);
        (await cooperant.GetAsync($"/api/v1/projects/{maliId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await JsonAsync(await cooperant.GetAsync($"/api/v1/projects/{senegalId}"));
        own.GetProperty("contactName").GetString().ShouldBe("Awa Ndiaye");
        own.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_demo_holds_about_sixty_projects_a_dozen_eu_funded_in_the_eu_regions_with_money_that_adds_up()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var all = await JsonAsync(await api.GetAsync("/api/v1/projects?pageSize=100"));
        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(60);
        var eu = (await JsonAsync(await api.GetAsync("/api/v1/projects?euFunded=true&pageSize=100"))).GetProperty("items").EnumerateArray().ToList();
        eu.Count.ShouldBeGreaterThanOrEqualTo(12);
        eu.Select(p => p.GetProperty("zone").GetString()).ShouldAllBe(z => z == "AFS" || z == "AFN" || z == "MOY" || z == "ASE");
        eu.Select(p => p.GetProperty("euMode").GetString()).Distinct().Order().ShouldBe(["coLead", "lead", "support"]);
        var running = await JsonAsync(await api.GetAsync($"/api/v1/projects?status=running&zone=AFS&year={Today.Year}"));
        running.GetProperty("items").EnumerateArray().ShouldAllBe(p => p.GetProperty("status").GetString() == "running" && p.GetProperty("zone").GetString() == "AFS");

        var demo = await factory.WithDbAsync(async db => new
        {
            Projects = await db.Projects.Where(p => p.ContactEmail!.StartsWith("contact")).Select(p => new
            {
                Planned = p.Budget.Sum(b => b.Amount),
                Committed = p.Transactions.Where(t => t.Kind == TransactionKind.Commitment).Sum(t => t.EuroValue),
                Disbursed = p.Transactions.Where(t => t.Kind == TransactionKind.Disbursement).Sum(t => t.EuroValue),
                Indicators = p.Indicators.Count, Sectors = p.Sectors.Sum(s => s.Percentage), p.Oda,
            }).ToListAsync(),
            Postings = await db.Postings.CountAsync(), AttachedPostings = await db.Postings.CountAsync(p => p.ProjectId != null),
            AttachedSessions = await db.CourseSessions.CountAsync(s => s.ProjectId != null),
        });
        demo.Projects.ShouldAllBe(p => p.Committed <= p.Planned && p.Disbursed <= p.Committed && p.Indicators > 0 && p.Sectors == 100 && p.Oda != null);
        demo.Projects.Count(p => p.Disbursed > 0).ShouldBeGreaterThan(20);
        (demo.AttachedPostings * 3).ShouldBeGreaterThan(demo.Postings, "a large share of the postings serve a project");
        demo.AttachedSessions.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Postings_and_sessions_join_a_project_which_lists_them_with_their_figures_and_the_figures_of_the_dashboard_count_projects()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var project = await CreateAsync(desk, NewProject(UniqueName("Chaîne")));
        var id = project.GetProperty("id").GetInt32();
        await MoveAsync(desk, id, "inPreparation");

        // A session to come (a finished one no longer changes).
        var sessionId = await factory.WithDbAsync(db => db.CourseSessions
            .Where(s => s.Course!.School!.Acronym == "EMPABB" && s.Status == SessionStatus.Open && s.ProjectId == null)
            .OrderBy(s => s.StartDate).Select(s => s.Id).FirstAsync());
        var session = (await JsonAsync(await desk.GetAsync($"/api/v1/sessions/{sessionId}"))).GetProperty("session");
        var attached = await desk.PutAsJsonAsync($"/api/v1/sessions/{sessionId}", new
        {
            version = session.GetProperty("version").GetInt64(), startDate = session.GetProperty("startDate").GetString(),
            endDate = session.GetProperty("endDate").GetString(), place = session.GetProperty("place").GetString(),
            capacity = session.GetProperty("capacity").GetInt32(), projectId = id,
        });
        attached.StatusCode.ShouldBe(HttpStatusCode.OK, await attached.Content.ReadAsStringAsync());
        (await JsonAsync(attached)).GetProperty("session").GetProperty("projectId").GetInt32().ShouldBe(id);

        var details = await JsonAsync(await desk.GetAsync($"/api/v1/projects/{id}"));
        details.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ShouldBe([sessionId]);
        var figures = details.GetProperty("figures");
        (figures.GetProperty("sessions").GetInt32(), figures.GetProperty("sessionsHeld").GetInt32()).ShouldBe((1, 0));

        // A demo project with sessions held counts the distinct trainees who attended them, and the women's share.
        var held = await factory.WithDbAsync(async db =>
        {
            var projectId = await db.CourseSessions.Where(s => s.ProjectId != null && s.Status == SessionStatus.Completed)
                .OrderBy(s => s.ProjectId).Select(s => s.ProjectId!.Value).FirstAsync();
            var trainees = await db.Nominations.Where(n => n.Session!.ProjectId == projectId && n.Session.Status == SessionStatus.Completed
                    && n.Status == NominationStatus.Accepted && n.Attended != false)
                .Select(n => new { n.TraineeId, n.Trainee!.Gender }).Distinct().ToListAsync();
            return (projectId, trainees.Count, Women: trainees.Count(t => t.Gender == Gender.Female));
        });
        var demoFigures = (await JsonAsync(await desk.GetAsync($"/api/v1/projects/{held.projectId}"))).GetProperty("figures");
        demoFigures.GetProperty("traineesTrained").GetInt32().ShouldBe(held.Count);
        held.Count.ShouldBeGreaterThan(0);
        demoFigures.GetProperty("womenShare").GetDouble().ShouldBe(Math.Round((double)held.Women / held.Count, 3));

        var unknown = await desk.PutAsJsonAsync($"/api/v1/sessions/{sessionId}", new
        {
            version = session.GetProperty("version").GetInt64() + 1, startDate = session.GetProperty("startDate").GetString(),
            endDate = session.GetProperty("endDate").GetString(), place = session.GetProperty("place").GetString(),
            capacity = session.GetProperty("capacity").GetInt32(), projectId = 999_999,
        });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(unknown), "projectId").ShouldContain("999999");

        var abandoned = (await CreateAsync(desk, NewProject(UniqueName("Abandonné")))).GetProperty("id").GetInt32();
        await MoveAsync(desk, abandoned, "abandoned");
        // A former coopérant of Senegal: hers to post again (one placed in another desk's country is not).
        var cooperantId = (await factory.CooperantPostedAsync(("SN", Today.AddYears(-4), Today.AddYears(-1)))).Id;
        var refused = await desk.PostAsJsonAsync("/api/v1/postings", new
        {
            cooperantId, country = "SN", hostAuthorityType = "GENERAL_STAFF", hostAuthorityName = "État-major général", positionTitle = "Conseiller",
            startDate = Today.AddMonths(2).ToString("yyyy-MM-dd"), plannedEndDate = Today.AddMonths(26).ToString("yyyy-MM-dd"), projectId = abandoned,
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(refused), "projectId").ShouldContain("abandonné ou évalué");
        var posted = await desk.PostAsJsonAsync("/api/v1/postings", new
        {
            cooperantId, country = "SN", hostAuthorityType = "GENERAL_STAFF", hostAuthorityName = "État-major général", positionTitle = "Conseiller",
            startDate = Today.AddMonths(2).ToString("yyyy-MM-dd"), plannedEndDate = Today.AddMonths(26).ToString("yyyy-MM-dd"), projectId = id,
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        (await JsonAsync(posted)).GetProperty("projectId").GetInt32().ShouldBe(id);
        var withPosting = await JsonAsync(await desk.GetAsync($"/api/v1/projects/{id}"));
        withPosting.GetProperty("figures").GetProperty("postings").GetInt32().ShouldBe(1);
        withPosting.GetProperty("postings").EnumerateArray().Single().GetProperty("cooperantId").GetInt32().ShouldBe(cooperantId);

        var dashboard = await JsonAsync(await desk.GetAsync("/api/v1/figures"));
        var expected = await factory.WithDbAsync(async db => new
        {
            Running = await db.Projects.CountAsync(p => p.Status == ProjectStatus.Running),
            Eu = await db.Projects.CountAsync(p => p.EuFunded && p.Status != ProjectStatus.Abandoned),
            Disbursed = (await db.ProjectTransactions.Where(t => t.Kind == TransactionKind.Disbursement && t.Date.Year == Today.Year - 1)
                .Select(t => t.EuroValue).ToListAsync()).Sum(),
        });
        dashboard.GetProperty("projectsRunning").GetInt32().ShouldBe(expected.Running);
        dashboard.GetProperty("euFundedProjects").GetInt32().ShouldBe(expected.Eu);
        dashboard.GetProperty("disbursedLastYear").GetDecimal().ShouldBe(expected.Disbursed);
        expected.Disbursed.ShouldBeGreaterThan(0m);
    }
}
