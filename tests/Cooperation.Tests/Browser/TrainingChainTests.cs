using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class TrainingChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Liaison_nominates_desk_officer_clears_and_accepts_school_director_certifies_and_the_public_page_verifies()
    {
        // The session of the school director's school that is open to Côte d'Ivoire and to police officers (the demo data keeps one).
        var sessionId = await browser.Factory.WithDbAsync(db => db.CourseSessions
            .Where(s => s.Status == SessionStatus.Open && s.Course!.School!.Acronym == "EMPABB")
            .Where(s => s.Quotas.Any(q => q.Country!.Iso2 == "CI" && q.Seats > 0))
            .Where(s => s.Course!.Audience.Count == 0 || s.Course.Audience.Any(a => a.Code == "INT"))
            .OrderBy(s => s.StartDate).Select(s => s.Id).FirstAsync());
        var lastName = "Kouamé-" + Guid.NewGuid().ToString("N")[..6];

        // 1. The liaison officer of Côte d'Ivoire nominates a candidate through the light form.
        var liaison = await browser.NewPageAsync();
        await browser.LoginAsync(liaison, "liaison.ci@demo.local");
        await liaison.GotoAsync($"/Schools/Nominations/Create?sessionId={sessionId}");
        await liaison.SelectOptionAsync("#SessionId", sessionId.ToString());
        await liaison.FillAsync("#FirstName", "Adjoua");
        await liaison.FillAsync("#LastName", lastName);
        await liaison.FillAsync("#BirthDate", "1988-04-12");
        await liaison.SelectOptionAsync("#Gender", "Female");
        await liaison.SelectOptionAsync("#Administration", "INT");
        await liaison.FillAsync("#Rank", "Commissaire de police");
        await liaison.FillAsync("#Position", "Cheffe de la brigade criminelle");
        await liaison.GetByTestId("save").ClickAsync();
        await liaison.WaitForAddressAsync(new Regex(@"/Schools/Nominations/\d+$"));
        var nominationPath = new Uri(liaison.Url).AbsolutePath;
        (await liaison.GetByTestId("candidate-name").TextContentAsync())!.ShouldContain(lastName.ToUpperInvariant());

        // 2. The desk officer for Africa clears the screening and accepts.
        var desk = await browser.NewPageAsync();
        await browser.LoginAsync(desk, DemoAccounts.DeskAfrica);
        await desk.GotoAsync(nominationPath);
        await desk.GetByTestId("screen-cleared").ClickAsync();
        await desk.GetByTestId("accept").WaitForAsync();
        await desk.GetByTestId("accept").ClickAsync();
        await desk.GetByTestId("invitation-fr").WaitForAsync();

        // 3. The session runs: once it reaches its last day, the school director records attendance and a pass, then
        //    issues the certificate after the step that says how many.
        await browser.Factory.WithDbAsync(async db =>
        {
            var session = await db.CourseSessions.SingleAsync(x => x.Id == sessionId);
            session.EndDate = DateOnly.FromDateTime(DateTime.Today);
            session.StartDate = session.EndDate.AddDays(-11);
            return await db.SaveChangesAsync();
        });
        var director = await browser.NewPageAsync();
        await browser.LoginAsync(director, "school.director@demo.local");
        await director.GotoAsync($"/Schools/Sessions/{sessionId}/Results");
        var row = director.GetByTestId("enrolment-row").Filter(new() { HasText = lastName.ToUpperInvariant() });
        // The DSFR draws the box on the label: tick the real input.
        await row.Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        await row.Locator("select").SelectOptionAsync("passed");
        await director.GetByTestId("save-results").ClickAsync();
        await director.GetByTestId("ask-issue-certificates").ClickAsync();
        await director.GetByTestId("confirm-certificates").WaitForAsync();
        await director.GetByTestId("issue-certificates").ClickAsync();
        var code = (await director.GetByTestId("enrolment-row").Filter(new() { HasText = lastName.ToUpperInvariant() })
            .GetByTestId("certificate-code").TextContentAsync())!.Trim();
        code.Length.ShouldBe(10);

        // 4. Anyone verifies the certificate on the public page, without signing in and without seeing the name.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/verify/{code}");
        await visitor.GetByTestId("valid").WaitForAsync();
        (await visitor.ContentAsync()).ShouldNotContain(lastName);
    }
}
