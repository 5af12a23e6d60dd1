using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class ProjectChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Digits(string? text) => Regex.Replace(text ?? "", @"[\s\u00a0\u202f]", "");

    [Fact]
    public async Task Desk_officer_creates_an_eu_project_assesses_budgets_measures_approves_attaches_a_session_and_disburses()
    {
        var today = DateOnly.FromDateTime(DateTime.Now.Date);
        var start = today.AddDays(-30);
        var session = await browser.Factory.WithDbAsync(db => db.CourseSessions
            .Where(s => s.Course!.School!.Acronym == "EMPABB" && s.Status == SessionStatus.Open && s.ProjectId == null)
            .OrderBy(s => s.StartDate).Select(s => new { s.Id, s.Course!.Code }).FirstAsync());
        var title = $"Appui européen aux écoles du Sahel {Guid.NewGuid():N}"[..48];

        var page = await browser.NewPageAsync();
        await browser.LoginAsync(page, DemoAccounts.DeskAfrica);

        // Creates the project: EU-funded, co-led with Expertise France, in Senegal and Mali, with its budget lines.
        await page.GotoAsync("/Projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau projet" }).ClickAsync();
        await page.WaitForPathAsync("/Projects/Create");
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_Objective", "Les écoles du Sahel forment elles-mêmes leurs cadres.");
        await page.SelectOptionAsync("#Form_Places_0__Place", "SN");
        await page.FillAsync("#Form_Places_0__Percentage", "60");
        await page.SelectOptionAsync("#Form_Places_1__Place", "ML");
        await page.FillAsync("#Form_Places_1__Percentage", "40");
        await page.FillAsync("#Form_StartDate", start.ToString("yyyy-MM-dd"));
        await page.FillAsync("#Form_EndDate", start.AddYears(3).ToString("yyyy-MM-dd"));
        await page.Locator("label[for='Form_EuFunded']").ClickAsync();
        await page.Locator("label[for='eu-mode-coLead']").ClickAsync();
        await page.SelectOptionAsync("#Form_Operator", "EF");
        await page.FillAsync("#Form_BudgetLines_0__Year", start.Year.ToString());
        await page.SelectOptionAsync("#Form_BudgetLines_0__Source", "nationalCredits");
        await page.FillAsync("#Form_BudgetLines_0__Amount", "100000");
        await page.FillAsync("#Form_BudgetLines_1__Year", start.Year.ToString());
        await page.SelectOptionAsync("#Form_BudgetLines_1__Source", "euDelegatedFunds");
        await page.FillAsync("#Form_BudgetLines_1__Amount", "300000");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForAddressAsync(new Regex(@"/Projects/\d+$"));
        var id = int.Parse(Regex.Match(page.Url, @"/Projects/(\d+)$").Groups[1].Value);
        (await page.GetByTestId("project-title").TextContentAsync())!.ShouldContain(title);

        // Records the four-criteria assessment.
        await page.GotoAsync($"/Projects/{id}/Assessment");
        foreach (var criterion in new[] { "politicalOrientation", "expertiseAddedValue", "expertiseImpact", "complementarity" })
        {
            await page.Locator($"label[for='{criterion}-met']").ClickAsync();
            await page.FillAsync($"#comment-{criterion}", "Critère rempli au vu du dossier.");
        }
        await page.GetByTestId("save-assessment").ClickAsync();
        await page.WaitForPathAsync($"/Projects/{id}/Assessment");
        (await page.GetByTestId("assessment-state").TextContentAsync())!.ShouldNotBeNullOrWhiteSpace();

        // Adds an indicator of the objective.
        await page.GotoAsync($"/Projects/{id}/Results");
        await page.FillAsync("#indicator-title", "Cadres formés et en poste");
        await page.FillAsync("#Unit", "personnes");
        await page.FillAsync("#Baseline", "0");
        await page.FillAsync("#BaselineYear", start.Year.ToString());
        await page.FillAsync("#Target", "120");
        await page.FillAsync("#TargetYear", (start.Year + 3).ToString());
        await page.GetByTestId("add-indicator").ClickAsync();
        await page.WaitForPathAsync($"/Projects/{id}/Results");
        (await page.Locator("main").TextContentAsync())!.ShouldContain("Cadres formés et en poste");

        // Approves it, step by step along the cycle.
        await page.GotoAsync($"/Projects/{id}");
        await page.GetByTestId("to-inPreparation").ClickAsync();
        await page.GetByTestId("to-approved").WaitForAsync();
        await page.GetByTestId("to-approved").ClickAsync();
        await page.GetByTestId("to-running").WaitForAsync();
        (await page.GetByTestId("project-status").TextContentAsync())!.ShouldContain("Approuvé");

        // Attaches a session of EMPABB (Mali) to the project from the session's own form.
        await page.GotoAsync($"/Schools/Sessions/{session.Id}/Edit");
        await page.SelectOptionAsync("#ProjectId", id.ToString());
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForPathAsync($"/Schools/Sessions/{session.Id}");
        (await page.GetByTestId("session-project").TextContentAsync())!.ShouldContain(title);

        // Records a disbursement in CFA francs at the fixed parity: 65,595,700 XOF make 100,000 euros.
        await page.GotoAsync($"/Projects/{id}/Transactions");
        await page.SelectOptionAsync("#Kind", "disbursement");
        await page.FillAsync("#On", today.ToString("yyyy-MM-dd"));
        await page.FillAsync("#Amount", "65595700");
        await page.FillAsync("#Currency", "XOF");
        await page.FillAsync("#Rate", "655.957");
        await page.FillAsync("#Provider", "DCSD");
        await page.FillAsync("#Receiver", "Expertise France");
        await page.GetByTestId("record-transaction").ClickAsync();
        await page.WaitForPathAsync($"/Projects/{id}/Transactions");
        (await page.GetByTestId("transactions").TextContentAsync())!.ShouldContain("XOF");

        // The project page shows the session and the money adding up.
        await page.GotoAsync($"/Projects/{id}");
        (await page.GetByTestId("project-sessions").TextContentAsync())!.ShouldContain(session.Code);
        (await page.GetByTestId("fig-sessions").TextContentAsync())!.Trim().ShouldBe("1");
        Digits(await page.GetByTestId("total-planned").TextContentAsync()).ShouldBe("400000,00");
        Digits(await page.GetByTestId("total-disbursed").TextContentAsync()).ShouldBe("100000,00");
        Digits(await page.GetByTestId("money-total").TextContentAsync()).ShouldContain("400000,00");
    }
}
