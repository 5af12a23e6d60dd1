using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class MissionChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_request_is_assessed_approved_staffed_reported_followed_up_and_the_figures_move()
    {
        var today = DateOnly.FromDateTime(DateTime.Now.Date);
        // Carried out last year, so that it counts among last year's missions; its recommendations fall due before today.
        var start = new DateOnly(today.Year - 1, 9, 1);
        var subject = $"Audit du commandement {Guid.NewGuid():N}"[..40];

        var desk = await browser.NewPageAsync();
        await browser.LoginAsync(desk, DemoAccounts.DeskAfrica);
        // The directorate's figures are the director's home page (a desk officer's shows what to do in her zones).
        var director = await browser.NewPageAsync();
        await browser.LoginAsync(director, DemoAccounts.Director);
        var missionsBefore = TestHttp.Figure(await director.GetByTestId("fig-missions").TextContentAsync());
        var daysBefore = TestHttp.Figure(await director.GetByTestId("fig-expert-days").TextContentAsync());

        // The request.
        await desk.GotoAsync("/Missions");
        await desk.GetByTestId("new-mission").ClickAsync();
        await desk.WaitForPathAsync("/Missions/Create");
        await desk.SelectOptionAsync("#Country", "SN");
        await desk.SelectOptionAsync("#HostAuthorityType", "GENERAL_STAFF");
        await desk.FillAsync("#HostAuthorityName", "État-major général des armées");
        await desk.FillAsync("#RequestedBy", "Général Mamadou Faye, chef d'état-major");
        await desk.FillAsync("#RequestedOn", start.AddMonths(-3).ToString("yyyy-MM-dd"));
        await desk.FillAsync("#Subject", subject);
        await desk.SelectOptionAsync("#Domain", "PEACEKEEPING");
        await desk.SelectOptionAsync("#Form", "short");
        await desk.FillAsync("#PlannedStartDate", start.ToString("yyyy-MM-dd"));
        await desk.FillAsync("#PlannedEndDate", start.AddDays(9).ToString("yyyy-MM-dd"));
        await desk.GetByTestId("save").ClickAsync();
        await desk.WaitForAddressAsync(new Regex(@"/Missions/\d+$"));
        var id = int.Parse(Regex.Match(desk.Url, @"/Missions/(\d+)$").Groups[1].Value);
        (await desk.GetByTestId("mission-status").TextContentAsync())!.ShouldContain("Demandée");

        // The desk officer's assessment.
        await desk.FillAsync("#Relevance", "Prioritaire pour la zone.");
        await desk.FillAsync("#Feasibility", "Experts disponibles.");
        await desk.FillAsync("#Risks", "Contexte sécuritaire à suivre.");
        await desk.GetByTestId("assess").ClickAsync();
        await desk.GetByTestId("assessment").WaitForAsync();
        (await desk.GetByTestId("mission-status").TextContentAsync())!.ShouldContain("Évaluée");

        // The director approves.
        await director.GotoAsync($"/Missions/{id}");
        await director.GetByTestId("approve").ClickAsync();
        await director.GetByTestId("decision").WaitForAsync();
        (await director.GetByTestId("mission-status").TextContentAsync())!.ShouldContain("Approuvée");

        // Staffed with a coopérant of the network and a short-term expert of the registry.
        foreach (var select in new[] { "#CooperantId", "#ExpertId" })
        {
            await desk.GotoAsync($"/Missions/{id}/Experts");
            var value = await desk.Locator($"{select} option:nth-child(2)").GetAttributeAsync("value");
            await desk.SelectOptionAsync(select, value!);
            await desk.GetByTestId("assign").ClickAsync();
            await desk.WaitForAddressAsync(new Regex($@"/Missions/{id}$"));
        }
        (await desk.GetByTestId("expert-row").CountAsync()).ShouldBe(2);
        await desk.FillAsync("#ActualStartDate", start.ToString("yyyy-MM-dd"));
        await desk.GetByTestId("start").ClickAsync();
        await desk.GetByTestId("report-link").WaitForAsync();
        (await desk.GetByTestId("mission-status").TextContentAsync())!.ShouldContain("En cours");

        // Reported with a PDF file, then two recommendations.
        await desk.GetByTestId("report-link").ClickAsync();
        await desk.FillAsync("#ActualEndDate", start.AddDays(9).ToString("yyyy-MM-dd"));
        await desk.FillAsync("#Summary", "Le commandement est à réorganiser.");
        await desk.SetInputFilesAsync("#Report", new FilePayload { Name = "rapport.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        await desk.GetByTestId("submit-report").ClickAsync();
        await desk.GetByTestId("report-file").WaitForAsync();
        (await desk.GetByTestId("mission-status").TextContentAsync())!.ShouldContain("Rapport remis");
        foreach (var (text, due) in new[] { ("Créer un bureau de la doctrine", today.AddDays(-20)), ("Former les formateurs", today.AddDays(-10)) })
        {
            await desk.GotoAsync($"/Missions/{id}/Recommendations");
            await desk.FillAsync("#Text", text);
            await desk.FillAsync("#OwnerAuthority", "État-major général");
            await desk.FillAsync("#DueDate", due.ToString("yyyy-MM-dd"));
            await desk.SelectOptionAsync("#Priority", "high");
            await desk.GetByTestId("add-recommendation").ClickAsync();
            await desk.GetByText(text).First.WaitForAsync();
        }
        var recommendations = await browser.Factory.WithDbAsync(db =>
            db.Recommendations.Where(r => r.MissionId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        recommendations.Count.ShouldBe(2);

        // The coopérant of Senegal follows them up: a note on the first, the second implemented.
        var cooperant = await browser.NewPageAsync();
        await browser.LoginAsync(cooperant, DemoAccounts.CooperantSenegal);
        await cooperant.GotoAsync($"/Missions/{id}/Recommendations");
        await cooperant.FillAsync($"#Note-{recommendations[0]}", "Le projet d'arrêté est à la signature.");
        await cooperant.GetByTestId($"follow-up-{recommendations[0]}").ClickAsync();
        await cooperant.GetByText("Le projet d'arrêté est à la signature.").WaitForAsync();
        await cooperant.FillAsync($"#Note-{recommendations[1]}", "Les formateurs sont certifiés.");
        await cooperant.SelectOptionAsync($"#Status-{recommendations[1]}", "implemented");
        await cooperant.GetByTestId($"follow-up-{recommendations[1]}").ClickAsync();
        await cooperant.GetByText("Les formateurs sont certifiés.").WaitForAsync();
        (await cooperant.GetByTestId($"recommendation-{recommendations[1]}").GetByTestId("recommendation-status").TextContentAsync())!
            .ShouldContain("Mise en œuvre");

        // The figures move: one more mission last year, with its two experts' ten days each.
        await director.GotoAsync("/");
        TestHttp.Figure(await director.GetByTestId("fig-missions").TextContentAsync()).ShouldBe(missionsBefore + 1);
        TestHttp.Figure(await director.GetByTestId("fig-expert-days").TextContentAsync()).ShouldBe(daysBefore + 20);
    }
}
