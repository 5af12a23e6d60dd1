using Microsoft.Playwright;
using MimeKit;

namespace Cooperation.Tests.Browser;

/// <summary>
/// The notification of a decision, end to end in a browser: the school director accepts a nomination at his desk; the
/// liaison officer of the candidate's country, on his phone, sees it counted in the header and listed; the test SMTP
/// server received the e-mail with the invitation letter attached.
/// </summary>
[Trait("Category", "Browser")]
public class DecisionNotificationTests(SmtpBrowserFixture browser) : IClassFixture<SmtpBrowserFixture>
{
    [Fact]
    public async Task A_school_director_accepts_and_the_liaison_officer_hears_of_it_on_his_phone_and_by_mail_with_the_letter()
    {
        var factory = browser.Factory;
        var session = await factory.SessionAsync(school: "EMPABB", quotas: new() { ["CI"] = 2 });
        var trainee = await factory.TraineeAsync("CI", Gender.Male);
        var nominationId = await factory.NominateAsync(session.Id, trainee, accept: false);
        await factory.WithDbAsync(async db =>
        {
            (await db.Nominations.SingleAsync(n => n.Id == nominationId)).Screen(ScreeningStatus.Cleared, DateTime.UtcNow, "test");
            return await db.SaveChangesAsync();
        });
        var name = trainee.LastName.ToUpperInvariant();
        // The first page of a freshly started application is slow on a busy machine: warm it up before the browser's timeouts.
        using (var warm = new HttpClient { BaseAddress = new Uri(browser.RootUri), Timeout = TimeSpan.FromMinutes(2) })
            (await warm.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // 1. The school director, at his desk, accepts the nomination.
        var director = await browser.NewPageAsync(viewport: new ViewportSize { Width = 1280, Height = 900 });
        await browser.LoginAsync(director, DemoAccounts.SchoolDirector);
        await director.GotoAsync($"/Schools/Nominations/{nominationId}");
        await director.GetByTestId("accept").ClickAsync();
        await director.GetByTestId("invitation-fr").WaitForAsync();

        // 2. The liaison officer of Côte d'Ivoire, on his phone: the count in the header's menu, the notification listed.
        var liaison = await browser.NewPageAsync(viewport: BrowserFixture.Phone);
        await browser.LoginAsync(liaison, DemoAccounts.LiaisonCi);
        await liaison.GetByTestId("menu-button").ClickAsync();
        var count = liaison.Locator("[data-testid=unread-count]:visible");
        await count.First.WaitForAsync();
        (await count.First.TextContentAsync())!.ShouldMatch(@"\(\d+");
        await liaison.Locator("[data-testid=notifications-link]:visible").First.ClickAsync();
        await liaison.GetByTestId("notifications-table").WaitForAsync();
        var row = liaison.Locator("[data-testid=notifications-table] tr").Filter(new() { HasText = name });
        (await row.CountAsync()).ShouldBe(1);
        (await row.TextContentAsync())!.ShouldContain("accept");

        // 3. The e-mail, read from the SMTP server, carries the invitation letter.
        var mail = (await browser.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == DemoAccounts.LiaisonCi)
            && (m.Subject ?? "").Contains(name))).ShouldHaveSingleItem();
        mail.Subject!.ShouldStartWith("Candidature acceptée");
        var letter = mail.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        letter.ContentType.MimeType.ShouldBe("application/pdf");
        letter.FileName.ShouldStartWith("convocation-");
    }
}
