using System.Text.RegularExpressions;
using ClosedXML.Excel;
using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>The nominations pages as a liaison officer, a desk officer, a school director and the auditor see and use them.</summary>
public class NominationPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly DateOnly Born = new(1987, 9, 9);



    private static int IdOf(HttpResponseMessage redirect) =>
        int.Parse(Regex.Match(redirect.Headers.Location!.ToString(), @"/Schools/Nominations/(\d+)$").Groups[1].Value);

    private static Dictionary<string, string> CandidateForm(int sessionId, string lastName) => new()
    {
        ["SessionId"] = sessionId.ToString(), ["FirstName"] = "Mariam", ["LastName"] = lastName, ["BirthDate"] = Born.ToString("yyyy-MM-dd"),
        ["Gender"] = "Female", ["Administration"] = "INT", ["Rank"] = "Commissaire", ["Position"] = "Cheffe de brigade", ["Email"] = "m@example.org",
    };

    [Fact]
    public async Task The_liaison_officer_nominates_through_the_light_form_and_follows_the_nomination()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 })).Id;
        var senegalOnly = (await factory.SessionAsync(capacity: 4, quotas: new() { ["SN"] = 2 })).Id;
        var liaison = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var path = $"/Schools/Nominations/Create?sessionId={sessionId}";

        var form = await HtmlAsync(liaison, path);
        foreach (var id in new[] { "FirstName", "LastName", "BirthDate", "Gender", "Administration", "Rank", "Position", "Email", "SessionId" })
            form.ShouldContain($"id=\"{id}\" name=\"{id}\"");
        form.ShouldContain($"<option value=\"{sessionId}\" selected=\"selected\">");
        form.ShouldContain("(2 place(s) restante(s))");
        form.ShouldNotContain($"<option value=\"{senegalOnly}\"");
        form.ShouldNotContain("id=\"Country\"");
        form.ShouldContain("Candidature présentée au titre de : Côte d'Ivoire.");
        form.ShouldContain("<option value=\"DOU\">Douane</option>");

        var lastName = UniqueName("Cissé");
        var response = await PostFormAsync(liaison, path, CandidateForm(sessionId, lastName));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nominationId = IdOf(response);
        var page = await HtmlAsync(liaison, $"/Schools/Nominations/{nominationId}");
        page.ShouldContain($"La candidature de Mariam {lastName.ToUpperInvariant()} a été enregistrée.");
        page.ShouldContain("Soumise");
        page.ShouldContain("Criblage en attente");
        page.ShouldContain("data-testid=\"withdraw\"");
        page.ShouldNotContain("data-testid=\"accept\"");
        page.ShouldNotContain("data-testid=\"screen-cleared\"");

        var mine = await HtmlAsync(liaison, "/Schools/Nominations/Mine");
        (await HtmlAsync(liaison, $"/Schools/Nominations/Mine?Search={Uri.EscapeDataString(lastName)}")).ShouldContain($"Mariam {lastName.ToUpperInvariant()}");
        Regex.IsMatch(mine, "data-testid=\"count-Submitted\">\\s*<a[^>]*>Soumise : <strong>[1-9]").ShouldBeTrue();
        mine.ShouldContain($"/Schools/Nominations/Create?sessionId={sessionId}");
        (await factory.WithDbAsync(db => db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Trainee!.Email).SingleAsync())).ShouldBe("m@example.org");
    }

    [Fact]
    public async Task Headquarters_choose_the_nominating_country_among_those_of_their_zones()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["SN"] = 2 })).Id;
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var path = "/Schools/Nominations/Create";
        var form = await HtmlAsync(desk, path);
        var countries = Regex.Match(form, "<select[^>]*id=\"Country\" name=\"Country\".*?</select>", RegexOptions.Singleline).Value;
        countries.ShouldContain("<option value=\"SN\">Sénégal</option>");
        countries.ShouldNotContain("<option value=\"MA\">");

        var fields = CandidateForm(sessionId, UniqueName("Ndour"));
        var missing = await PostFormAsync(desk, path, fields);
        WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"error-Country\">Le champ « Pays proposant » est obligatoire.");
        fields["Country"] = "SN";
        var response = await PostFormAsync(desk, path, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(desk, response.Headers.Location!.ToString());
        page.ShouldContain("Sénégal");
        page.ShouldContain("data-testid=\"screen-cleared\"");
    }

    [Fact]
    public async Task Errors_show_next_to_their_fields_in_french_and_nothing_is_saved()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 })).Id;
        var liaison = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var path = "/Schools/Nominations/Create";
        var lastName = UniqueName("Touré");
        var fields = CandidateForm(sessionId, lastName);
        fields["FirstName"] = "";
        fields["Gender"] = "";
        fields["BirthDate"] = "31/02/1990";
        fields["Email"] = "pas une adresse";

        var response = await PostFormAsync(liaison, path, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Le formulaire contient des erreurs : corrigez les champs signalés.");
        html.ShouldContain("fr-input-group fr-input-group--error");
        html.ShouldContain("data-testid=\"error-BirthDate\">");
        fields["BirthDate"] = Born.ToString("yyyy-MM-dd");
        response = await PostFormAsync(liaison, path, fields);
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("data-testid=\"error-FirstName\">Le champ « Prénom » est obligatoire.");
        html.ShouldContain("data-testid=\"error-Gender\">Le champ « Sexe » est obligatoire.");
        // The summary above the form lists every error, each a link to its field.
        html.ShouldContain("data-testid=\"form-error-summary\"");
        html.ShouldContain("<a href=\"#FirstName\" data-testid=\"form-error-link\">Le champ « Prénom » est obligatoire.</a>");
        html.ShouldContain("<a href=\"#Gender\" data-testid=\"form-error-link\">Le champ « Sexe » est obligatoire.</a>");
        html.ShouldContain("id=\"FirstName\"");
        html.ShouldContain("data-testid=\"error-Email\">L'adresse électronique « pas une adresse » n'est pas valide (attendu : nom@domaine.org).");
        html.ShouldContain($"value=\"{lastName}\"");
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.LastName == lastName))).ShouldBe(0);

        // A session closed meanwhile: the session's own rule, next to the session field.
        var closed = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 }, status: SessionStatus.Closed)).Id;
        var late = CandidateForm(closed, lastName);
        response = await PostFormAsync(liaison, path, late);
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain($"data-testid=\"error-SessionId\">{factory.Message("fr", "nomination.sessionNotOpen")}");
        (await factory.WithDbAsync(db => db.Trainees.CountAsync(t => t.LastName == lastName))).ShouldBe(0);
    }

    [Fact]
    public async Task The_desk_officer_clears_and_accepts_with_the_buttons_and_sees_the_history()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Sangaré");
        var id = (await api.NominateAsync(sessionId, Candidate("Issa", lastName, Born), "CI")).GetProperty("id").GetInt32();
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var path = $"/Schools/Nominations/{id}";

        var page = await HtmlAsync(desk, path);
        foreach (var button in new[] { "screen-cleared", "screen-refused", "waitlist", "refuse", "withdraw", "review" })
            page.ShouldContain($"data-testid=\"{button}\"");
        // Before a favourable screening, "Accepter" is not offered: shown disabled, with the reason beside it.
        page.ShouldNotContain("data-testid=\"accept\"");
        page.ShouldContain("data-testid=\"accept-disabled\"");
        page.ShouldContain("aria-describedby=\"accept-why\"");
        page.ShouldContain("Une candidature ne peut être acceptée qu'après un criblage favorable.");

        var early = await PostFormAsync(desk, $"{path}?handler=Accept", new() { ["Version"] = "0" }, path);
        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        (WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync())).ShouldContain($"data-testid=\"action-error\"><p>{factory.Message("fr", "nomination.notCleared")}");

        var version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var screened = await PostFormAsync(desk, $"{path}?handler=Screen", new() { ["Version"] = version, ["outcome"] = "Cleared" }, path);
        screened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await HtmlAsync(desk, path);
        page.ShouldContain("Le résultat du criblage a été enregistré.");
        page.ShouldNotContain("data-testid=\"screen-cleared\"");
        page.ShouldContain("data-testid=\"accept\"");
        page.ShouldNotContain("data-testid=\"accept-disabled\"");
        version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var accepted = await PostFormAsync(desk, $"{path}?handler=Accept", new() { ["Version"] = version }, path);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = await HtmlAsync(desk, path);
        page.ShouldContain("La candidature a été acceptée.");
        page.ShouldContain("Criblage : Criblage favorable");
        page.ShouldContain("Statut : Soumise → Acceptée");
        page.ShouldContain(DemoAccounts.DeskAfrica);
        page.ShouldContain("data-testid=\"invitation-fr\"");
        page.ShouldNotContain("data-testid=\"accept\"");

        // A form sent with the version read before the acceptance is refused, not applied.
        var stale = await PostFormAsync(desk, $"{path}?handler=Withdraw", new() { ["Version"] = version }, path);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain(factory.Message("fr", "common.concurrency"));
    }

    [Fact]
    public async Task A_withdrawal_on_the_page_says_who_moved_up_from_the_waiting_list()
    {
        var sessionId = (await factory.SessionAsync(capacity: 1, quotas: new() { ["CI"] = 1 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var accepted = (await api.NominateAsync(sessionId, Candidate("Lamine", UniqueName("Kanté"), Born), "CI")).GetProperty("id").GetInt32();
        var waitingName = UniqueName("Fofana");
        var waiting = (await api.NominateAsync(sessionId, Candidate("Nafi", waitingName, Born, "Female"), "CI")).GetProperty("id").GetInt32();
        foreach (var id in new[] { accepted, waiting }) await api.ScreenAsync(id);
        await api.ActAsync(accepted, "accept");
        await api.ActAsync(waiting, "waitlist");
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var path = $"/Schools/Nominations/{accepted}";

        var response = await PostFormAsync(desk, $"{path}?handler=Withdraw", new(), path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(desk, path);
        page.ShouldContain($"La candidature a été retirée. Nafi {waitingName.ToUpperInvariant()} passe de la liste d'attente aux candidats acceptés.");
        (await HtmlAsync(desk, $"/Schools/Nominations/{waiting}")).ShouldContain("Acceptée");
    }

    [Fact]
    public async Task The_desk_officer_merges_a_near_match_from_the_page()
    {
        var first = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 })).Id;
        var second = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Diabaté");
        var kept = (await api.NominateAsync(first, Candidate("Salif", lastName, Born), "CI")).GetProperty("traineeId").GetInt32();
        var id = (await api.NominateAsync(second, Candidate("Salifou", lastName, Born), "CI")).GetProperty("id").GetInt32();
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var path = $"/Schools/Nominations/{id}";

        var page = await HtmlAsync(desk, path);
        page.ShouldContain("Dossiers voisins : même personne ?");
        page.ShouldContain($"data-testid=\"near-match-{kept}\"");
        page.ShouldContain("Même nom de famille, même date de naissance");
        var response = await PostFormAsync(desk, $"{path}?handler=Merge", new() { ["traineeId"] = kept.ToString() }, path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await HtmlAsync(desk, path);
        page.ShouldContain($"Le dossier du candidat a été fusionné avec celui du stagiaire n° {kept}.");
        page.ShouldContain($"Salif {lastName.ToUpperInvariant()}");
        page.ShouldNotContain("data-testid=\"near-matches\"");
    }

    [Fact]
    public async Task The_list_filters_sorts_pages_and_exports_within_the_user_scope()
    {
        var empabb = (await factory.SessionAsync(capacity: 6, quotas: new() { ["CI"] = 3, ["SN"] = 3 })).Id;
        var cpadd = (await factory.SessionAsync(capacity: 6, quotas: new() { ["CI"] = 3 }, school: "CPADD")).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var ivorian = UniqueName("Ahoua");
        var senegalese = UniqueName("Faye");
        var elsewhere = UniqueName("Zadi");
        await api.NominateAsync(empabb, Candidate("Jean", ivorian, Born), "CI");
        await api.NominateAsync(empabb, Candidate("Cheikh", senegalese, Born), "SN");
        await api.NominateAsync(cpadd, Candidate("Marc", elsewhere, Born), "CI");

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var queue = await HtmlAsync(desk, $"/Schools/Nominations?Awaiting=true&Session={empabb}&Sort=name");
        queue.ShouldContain($"Jean {ivorian.ToUpperInvariant()}");
        queue.ShouldContain($"Cheikh {senegalese.ToUpperInvariant()}");
        queue.ShouldNotContain(elsewhere.ToUpperInvariant());
        queue.IndexOf(ivorian.ToUpperInvariant(), StringComparison.Ordinal).ShouldBeLessThan(queue.IndexOf(senegalese.ToUpperInvariant(), StringComparison.Ordinal));
        queue.ShouldContain("aria-sort=\"ascending\"");
        queue.ShouldContain("2 résultat(s)");
        // The session filter lists the chosen school's sessions still to be held, and keeps the session chosen.
        queue.ShouldContain($"<option value=\"{empabb}\" selected=\"selected\">");
        queue.ShouldNotContain($"<option value=\"{cpadd}\"");
        queue.ShouldContain("data-testid=\"session-filter-hint\"");
        var bySchool = await HtmlAsync(desk, "/Schools/Nominations?School=CPADD");
        bySchool.ShouldContain($"<option value=\"{cpadd}\">");
        bySchool.ShouldNotContain($"<option value=\"{empabb}\"");
        bySchool.ShouldNotContain("data-testid=\"session-filter-hint\"");

        var liaison = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var own = await HtmlAsync(liaison, $"/Schools/Nominations?Session={empabb}");
        own.ShouldContain(ivorian.ToUpperInvariant());
        own.ShouldNotContain(senegalese.ToUpperInvariant());

        var director = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        (await HtmlAsync(director, $"/Schools/Nominations?Session={empabb}")).ShouldContain(ivorian.ToUpperInvariant());
        (await HtmlAsync(director, $"/Schools/Nominations?Session={cpadd}")).ShouldNotContain(elsewhere.ToUpperInvariant());
        var schoolFilter = await HtmlAsync(director, "/Schools/Nominations");
        schoolFilter.ShouldContain("<option value=\"EMPABB\">");
        schoolFilter.ShouldNotContain("<option value=\"CPADD\">");

        var xlsx = await desk.GetAsync($"/Schools/Nominations?handler=Export&format=xlsx&Session={empabb}");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheets.First();
            sheet.Cell(1, 1).GetString().ShouldBe("Candidat");
            sheet.RowsUsed().Count().ShouldBe(3);
            sheet.Column(1).CellsUsed().Select(c => c.GetString()).ShouldContain($"Jean {ivorian.ToUpperInvariant()}");
        }
        var csv = await desk.GetStringAsync($"/Schools/Nominations?handler=Export&format=csv&Session={empabb}&Country=SN");
        csv.ShouldContain($"Cheikh {senegalese.ToUpperInvariant()}");
        csv.ShouldNotContain(ivorian.ToUpperInvariant());
    }

    [Fact]
    public async Task The_auditor_sees_the_pages_with_names_redacted_and_no_buttons()
    {
        var sessionId = (await factory.SessionAsync(capacity: 4, quotas: new() { ["CI"] = 2 })).Id;
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Gnahoré");
        var id = (await api.NominateAsync(sessionId, Candidate("Paul", lastName, Born), "CI")).GetProperty("id").GetInt32();
        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor);

        var list = await HtmlAsync(auditor, $"/Schools/Nominations?Session={sessionId}");
        list.ShouldContain("•••");
        list.ShouldNotContain(lastName.ToUpperInvariant());
        var page = await HtmlAsync(auditor, $"/Schools/Nominations/{id}");
        page.ShouldNotContain(lastName.ToUpperInvariant());
        page.ShouldNotContain("data-testid=\"accept\"");
        page.ShouldNotContain("data-testid=\"screen-cleared\"");
        (await auditor.GetAsync("/Schools/Nominations/Create")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
