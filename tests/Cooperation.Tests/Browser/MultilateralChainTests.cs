using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class MultilateralChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Desk_officer_records_an_oif_partnership_plans_next_year_from_the_planner_and_a_proposed_participant_once_attended_is_an_alumnus()
    {
        var today = DateOnly.FromDateTime(DateTime.Now.Date);
        var frenchCourse = await browser.Factory.WithDbAsync(db => db.CourseSessions
            .Where(s => s.Course!.Domain!.Code == "FRENCH_LANGUAGE" && s.StartDate.Year == today.Year - 1)
            .Select(s => s.Id).FirstAsync());
        var reference = "ACC-OIF-" + Unique();

        var desk = await browser.NewPageAsync();
        await browser.LoginAsync(desk, DemoAccounts.DeskAfrica);

        // Records a partnership with the OIF and attaches a French-language session to it.
        await desk.GotoAsync("/Partners/Partnerships");
        await desk.GetByTestId("new-partnership").ClickAsync();
        await desk.SelectOptionAsync("#Organisation", "OIF");
        await desk.FillAsync("#AgreementTitle", "Français en milieu militaire — En Avant !");
        await desk.FillAsync("#AgreementReference", reference);
        await desk.FillAsync("#StartDate", $"{today.Year - 1}-01-01");
        await desk.FillAsync("#EndDate", $"{today.Year + 2}-12-31");
        await desk.SelectOptionAsync("#Domains", "FRENCH_LANGUAGE");
        await desk.FillAsync("#Countries", "SN, CI");
        await desk.FillAsync("input[name='Contributions[0].Year']", today.Year.ToString());
        await desk.FillAsync("input[name='Contributions[0].Amount']", "120000");
        await desk.FillAsync("input[name='Contributions[0].TrainingPlaces']", "60");
        await desk.GetByTestId("save").ClickAsync();
        await desk.WaitForAddressAsync(new Regex(@"/Partners/Partnerships/\d+$"));
        (await desk.GetByTestId("partnership-title").TextContentAsync())!.ShouldContain("OIF");
        await desk.FillAsync("#ActionId", frenchCourse.ToString());
        await desk.GetByTestId("attach").ClickAsync();
        await desk.GetByTestId($"partnership-session-{frenchCourse}").WaitForAsync();

        // Plans next year's three sessions from the planner's proposals.
        await desk.GotoAsync("/Sessions/International/Rotation");
        var proposed = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            await desk.GotoAsync("/Sessions/International/Rotation");
            (await desk.GetByTestId("rotation-warnings").TextContentAsync())!.ShouldContain($"{today.Year + 1}");
            await desk.Locator("[data-testid^=plan-]").First.ClickAsync();
            await desk.WaitForAddressAsync(new Regex(@"/Sessions/International/Create(\?.*)?$"));
            (await desk.InputValueAsync("#Year")).ShouldBe($"{today.Year + 1}");
            proposed.Add(await desk.InputValueAsync("#Zone"));
            await desk.FillAsync("#Theme", $"Session {n} de l'année");
            await desk.FillAsync("#InvitedCountries", "SN, CI");
            await desk.GetByTestId("save").ClickAsync();
            // The desk officer of Africa plans her zone's session; the others, the director's.
            if (desk.Url.Contains("/Create"))
            {
                (await desk.GetByTestId("error-Zone").TextContentAsync())!.ShouldNotBeNullOrWhiteSpace();
                var director = await browser.NewPageAsync();
                await browser.LoginAsync(director, DemoAccounts.Director);
                await director.GotoAsync("/Sessions/International/Rotation");
                await director.Locator("[data-testid^=plan-]").First.ClickAsync();
                await director.WaitForAddressAsync(new Regex(@"/Sessions/International/Create(\?.*)?$"));
                await director.FillAsync("#Theme", $"Session {n} de l'année");
                await director.FillAsync("#InvitedCountries", "VN, KH, ID");
                await director.GetByTestId("save").ClickAsync();
                await director.WaitForAddressAsync(new Regex(@"/Sessions/International/\d+$"));
                await director.CloseAsync();
            }
            else await desk.WaitForAddressAsync(new Regex(@"/Sessions/International/\d+$"));
        }
        await desk.GotoAsync("/Sessions/International/Rotation");
        (await desk.GetByTestId($"rotation-year-{today.Year + 1}").TextContentAsync())!.ShouldNotContain("incomplète");
        proposed.Distinct().Count().ShouldBe(3);

        // A liaison officer of Côte d'Ivoire proposes an official to last year's African session.
        var session = await browser.Factory.WithDbAsync(db => db.InternationalSessions.Where(s => s.Year == today.Year - 1 && s.Zone!.Code == "AFS").Select(s => s.Id).SingleAsync());
        var lastName = "Yao-" + Unique(5);
        var liaison = await browser.NewPageAsync();
        await browser.LoginAsync(liaison, DemoAccounts.LiaisonCi);
        await liaison.GotoAsync($"/Sessions/International/{session}");
        await liaison.GetByTestId("add-participant").ClickAsync();
        await liaison.FillAsync("#FirstName", "Konan");
        await liaison.FillAsync("#LastName", lastName);
        await liaison.FillAsync("#BirthDate", "1968-04-12");
        await liaison.SelectOptionAsync("#Gender", "M");
        await liaison.SelectOptionAsync("#Country", "CI");
        await liaison.SelectOptionAsync("#Administration", "ARM");
        await liaison.FillAsync("#PositionHeld", "Chef d'état-major général adjoint");
        await liaison.FillAsync("#Grade", "Général de division");
        await liaison.GetByTestId("save").ClickAsync();
        await liaison.WaitForPathAsync($"/Sessions/International/{session}#participants");
        var participant = await browser.Factory.WithDbAsync(db => db.SessionParticipants.Where(p => p.SessionId == session && p.Person!.LastName == lastName).Select(p => p.Id).SingleAsync());
        (await liaison.GetByTestId($"participant-status-{participant}").TextContentAsync())!.ShouldContain("Proposé");

        // The desk officer invites him; he confirms and attends; he is then in the influence-network report.
        await desk.GotoAsync($"/Sessions/International/{session}");
        foreach (var step in new[] { "invited", "confirmed", "attended" })
        {
            await desk.GetByTestId($"participant-{participant}-{step}").ClickAsync();
            await desk.WaitForPathAsync($"/Sessions/International/{session}#participants");
        }
        (await desk.GetByTestId($"participant-status-{participant}").TextContentAsync())!.ShouldContain("A participé");
        await desk.GotoAsync("/Schools/Alumni?Country=CI&PageSize=200");
        var row = desk.GetByTestId("alumnus-row").Filter(new() { HasText = lastName.ToUpperInvariant() });
        (await row.TextContentAsync())!.ShouldContain($"Session IHEDN {today.Year - 1}-");
    }
}
