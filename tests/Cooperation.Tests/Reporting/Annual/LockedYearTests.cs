using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Annual;

/// <summary>
/// A year whose report is declared final: who declares it, a desk officer's change of that year's record refused with
/// a clear message (API and page), an administrator's change refused without a reason and passing with one, audited and
/// listed in the report. One application for the class: the year is declared final once, by the first test's steps.
/// </summary>
public class LockedYearTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>A project of Sub-Saharan Africa under way last year (the demo desk officer's zone), and its transactions' count.</summary>
    private Task<(int Id, int Transactions)> ProjectAsync() => factory.WithDbAsync(async db =>
    {
        var id = await db.Projects.Where(p => p.Zone!.Code == "AFS" && (p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Closed)
                && p.StartDate.Year <= LastYear).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return (id, await db.ProjectTransactions.CountAsync(t => t.ProjectId == id));
    });

    private static object Commitment(DateOnly date) => new
    {
        kind = "commitment", date = date.ToString("yyyy-MM-dd"), amount = 1_234m, currency = "EUR", provider = "DCSD", receiver = "Expertise France",
    };

    private static HttpRequestMessage WithReason(string path, object body, string reason) => new(HttpMethod.Post, path)
    {
        Content = JsonContent.Create(body), Headers = { { "Amendment-Reason", Uri.EscapeDataString(reason) } },
    };

    [Fact]
    public async Task A_final_year_refuses_a_desk_officers_change_and_takes_an_administrators_with_its_reason_shown_on_the_report()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);

        // Who declares, and which year.
        (await desk.PostAsync($"/api/v1/reports/annual/{LastYear}/final", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var current = await director.PostAsync($"/api/v1/reports/annual/{Today.Year}/final", null);
        current.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await current.ErrorsAsync())["year"].ShouldBe([$"Le rapport {Today.Year} ne peut être déclaré définitif qu'une fois l'année terminée."]);
        var declared = await director.PostAsync($"/api/v1/reports/annual/{LastYear}/final", null);
        declared.StatusCode.ShouldBe(HttpStatusCode.OK, await declared.Content.ReadAsStringAsync());
        (await JsonAsync(declared)).GetProperty("year").GetInt32().ShouldBe(LastYear);
        (await (await director.PostAsync($"/api/v1/reports/annual/{LastYear}/final", null)).ErrorsAsync())["year"]
            .ShouldBe([$"Le rapport {LastYear} est déjà définitif."]);

        // A desk officer's transaction dated in the closed year: refused, naming the year, nothing written.
        var (project, before) = await ProjectAsync();
        var refused = await desk.PostAsJsonAsync($"/api/v1/projects/{project}/transactions", Commitment(new DateOnly(LastYear, 6, 30)));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["amendmentReason"].ShouldBe(
            [$"L'année {LastYear} est close : son rapport annuel a été déclaré définitif. Seul un administrateur peut encore modifier cet enregistrement, en indiquant un motif."]);
        // Even with a reason: the rule is the role's.
        (await desk.SendAsync(WithReason($"/api/v1/projects/{project}/transactions", Commitment(new DateOnly(LastYear, 6, 30)), "Correction"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // This year stays open.
        (await desk.PostAsJsonAsync($"/api/v1/projects/{project}/transactions", Commitment(Today))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The same refusal on the page's form.
        var browser = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var path = $"/Projects/{project}/Transactions";
        var page = await PostFormAsync(browser, path, new Dictionary<string, string>
        {
            ["Kind"] = "commitment", ["On"] = $"{LastYear}-06-30", ["Amount"] = "1234", ["Currency"] = "EUR", ["Rate"] = "",
            ["Provider"] = "DCSD", ["Receiver"] = "Expertise France",
        });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(page)).ShouldContain($"L'année {LastYear} est close : son rapport annuel a été déclaré définitif.");
        (await ProjectAsync()).Transactions.ShouldBe(before + 1);

        // The administrator: without a reason refused, with one accepted, audited and reported.
        var withoutReason = await admin.PostAsJsonAsync($"/api/v1/projects/{project}/transactions", Commitment(new DateOnly(LastYear, 6, 30)));
        (await withoutReason.ErrorsAsync())["amendmentReason"].ShouldBe(
            [$"L'année {LastYear} est close : indiquez le motif de cette modification dans « Motif de la modification d'une année close »."]);
        const string reason = "Engagement omis, signé le 30 juin (pièce retrouvée)";
        var amended = await admin.SendAsync(WithReason($"/api/v1/projects/{project}/transactions", Commitment(new DateOnly(LastYear, 6, 30)), reason));
        amended.StatusCode.ShouldBe(HttpStatusCode.Created, await amended.Content.ReadAsStringAsync());
        (await ProjectAsync()).Transactions.ShouldBe(before + 2);
        var amendment = await factory.WithDbAsync(db => db.LockedYearAmendments.SingleAsync());
        (amendment.Year, amendment.RecordType, amendment.Reason, amendment.UserName).ShouldBe((LastYear, "ProjectTransaction", reason, DemoAccounts.Admin));
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(LockedYearAmendment)))).ShouldBe(1);

        var report = await director.GetFromJsonAsync<JsonElement>($"/api/v1/reports/annual/{LastYear}");
        var locked = report.GetProperty("sections")[0];
        locked.GetProperty("code").GetString().ShouldBe("lockedYear");
        locked.GetProperty("title").GetString().ShouldBe("Année close modifiée après clôture");
        locked.GetProperty("figures")[0].GetProperty("value").GetDecimal().ShouldBe(1);
        locked.GetProperty("tables")[0].GetProperty("lines")[0].GetProperty("label").GetString()!.ShouldEndWith($"{DemoAccounts.Admin} — {reason}");

        var preview = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Director), $"/Reporting/Annual?Year={LastYear}");
        preview.ShouldContain("Année close modifiée après clôture");
        preview.ShouldContain(reason);
        preview.ShouldNotContain("data-testid=\"declare-final\"");
    }

    [Fact]
    public async Task The_preview_offers_the_director_to_declare_a_year_final()
    {
        var year = LastYear - 3;
        var director = await factory.PageClientAsync(DemoAccounts.Director);
        var preview = await HtmlAsync(director, $"/Reporting/Annual?Year={year}");
        preview.ShouldContain("data-testid=\"declare-final\"");
        (await HtmlAsync(await factory.PageClientAsync(DemoAccounts.DeskAfrica), $"/Reporting/Annual?Year={year}")).ShouldNotContain("data-testid=\"declare-final\"");

        var token = await CooperationFactory.AntiforgeryTokenAsync(director, $"/Reporting/Annual?Year={year}");
        var posted = await director.PostAsync($"/Reporting/Annual?handler=Final&year={year}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await HtmlAsync(director, posted.Headers.Location!.ToString());
        after.ShouldContain($"Le rapport {year} est déclaré définitif");
        after.ShouldContain("Année close");
        (await factory.WithDbAsync(db => db.LockedYears.AnyAsync(y => y.Year == year))).ShouldBeTrue();
    }
}
