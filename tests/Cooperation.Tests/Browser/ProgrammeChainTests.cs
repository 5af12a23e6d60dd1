using System.Text.RegularExpressions;
using static Cooperation.Tests.Donations.DonationTestData;

namespace Cooperation.Tests.Browser;

/// <summary>
/// A country's annual programme in the browser: the desk officer drafts and submits it, the director returns it, she
/// revises and submits it again, he approves it; its follow-up then moves when a session's results and a donation's
/// handover are recorded.
/// </summary>
[Trait("Category", "Browser")]
public class ProgrammeChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_programme_is_drafted_submitted_returned_revised_approved_and_its_follow_up_moves_with_the_records()
    {
        var year = Today.Year;
        await browser.Factory.NotDraftedAsync("SN", year);
        var desk = await browser.NewPageAsync();
        await browser.LoginAsync(desk, DemoAccounts.DeskAfrica);
        var director = await browser.NewPageAsync();
        await browser.LoginAsync(director, DemoAccounts.Director);

        // The draft: places at the EMPABB in state action at sea, civil protection equipment, their envelopes.
        await desk.GotoAsync("/Programmes");
        await desk.GetByTestId("new-programme").ClickAsync();
        await desk.WaitForPathAsync("/Programmes/Create");
        await desk.SelectOptionAsync("#Country", "SN");
        await desk.FillAsync("#Year", year.ToString());
        await desk.SelectOptionAsync("#Priorities_0__Domain", "STATE_ACTION_AT_SEA");
        await desk.FillAsync("#Priorities_0__Rationale", "Sécurité maritime du golfe de Guinée");
        await desk.SelectOptionAsync("#Lines_0__Mode", "training");
        await desk.SelectOptionAsync("#Lines_0__School", "EMPABB");
        await desk.SelectOptionAsync("#Lines_0__Domain", "STATE_ACTION_AT_SEA");
        await desk.FillAsync("#Lines_0__Quantity", "10");
        await desk.FillAsync("#Lines_0__Budget", "20000");
        await desk.SelectOptionAsync("#Lines_0__Source", "nationalCredits");
        await desk.SelectOptionAsync("#Lines_1__Mode", "donations");
        await desk.SelectOptionAsync("#Lines_1__Category", "civilProtection");
        await desk.FillAsync("#Lines_1__Value", "30000");
        await desk.FillAsync("#Lines_1__Budget", "30000");
        await desk.SelectOptionAsync("#Lines_1__Source", "nationalCredits");
        await desk.SelectOptionAsync("#Envelopes_0__Mode", "training");
        await desk.SelectOptionAsync("#Envelopes_0__Source", "nationalCredits");
        await desk.FillAsync("#Envelopes_0__Amount", "20000");
        await desk.SelectOptionAsync("#Envelopes_1__Mode", "donations");
        await desk.SelectOptionAsync("#Envelopes_1__Source", "nationalCredits");
        await desk.FillAsync("#Envelopes_1__Amount", "25000");
        await desk.GetByTestId("save").ClickAsync();
        // The envelopes do not add up: the form says so and keeps what was typed.
        (await desk.GetByTestId("error-Envelopes").TextContentAsync())!.ShouldContain("ne s'additionnent pas");
        await desk.FillAsync("#Envelopes_1__Amount", "30000");
        await desk.GetByTestId("save").ClickAsync();
        await desk.WaitForAddressAsync(new Regex(@"/Programmes/\d+$"));
        var id = int.Parse(Regex.Match(desk.Url, @"/Programmes/(\d+)$").Groups[1].Value);
        (await desk.GetByTestId("status").TextContentAsync())!.ShouldContain("En projet");
        (await desk.GetByTestId("why-not-approve").TextContentAsync())!.ShouldContain("Réservé au directeur");

        await desk.GetByTestId("step-submit").ClickAsync();
        await desk.GetByTestId("why-not-submit").WaitForAsync();
        (await desk.GetByTestId("status").TextContentAsync())!.ShouldContain("Soumis");

        // The director returns it with his comments.
        await director.GotoAsync($"/Programmes/{id}");
        await director.FillAsync("#Comment", "Prévoir douze places à l'EMPABB");
        await director.GetByTestId("step-return").ClickAsync();
        await director.GetByTestId("return-comment").WaitForAsync();
        (await director.GetByTestId("status").TextContentAsync())!.ShouldContain("Renvoyé");

        // She revises the plan and submits it again; he approves it.
        await desk.GotoAsync($"/Programmes/{id}");
        (await desk.GetByTestId("return-comment").TextContentAsync())!.ShouldContain("douze places");
        await desk.GetByTestId("step-edit").ClickAsync();
        await desk.WaitForPathAsync($"/Programmes/{id}/Edit");
        await desk.FillAsync("#Lines_0__Quantity", "12");
        await desk.FillAsync("#Lines_0__Budget", "24000");
        await desk.FillAsync("#Envelopes_0__Amount", "24000");
        await desk.GetByTestId("save").ClickAsync();
        await desk.WaitForAddressAsync(new Regex($@"/Programmes/{id}$"));
        await desk.GetByTestId("step-submit").ClickAsync();
        await desk.GetByTestId("why-not-submit").WaitForAsync();
        await director.GotoAsync($"/Programmes/{id}");
        await director.GetByTestId("step-approve").ClickAsync();
        await director.GetByTestId("why-not-approve").WaitForAsync();
        (await director.GetByTestId("status").TextContentAsync())!.ShouldContain("Approuvé");

        await desk.GotoAsync($"/Programmes/{id}");
        var placesBefore = TestHttp.Figure(await desk.GetByTestId("done-1").TextContentAsync());
        var valueBefore = TestHttp.Figure(await desk.GetByTestId("done-2").TextContentAsync());
        (await desk.GetByTestId("follow-up-1").TextContentAsync())!.ShouldContain("12");

        // A session's results: a Senegalese trainee accepted and passed at the EMPABB this year.
        var factory = browser.Factory;
        var start = Today.DayOfYear > 20 ? Today.AddDays(-15) : Today;
        var session = await factory.SessionAsync(start: start, quotas: new() { ["SN"] = 4 }, domain: "STATE_ACTION_AT_SEA");
        await factory.PassAsync(await factory.NominateAsync(session.Id, await factory.TraineeAsync("SN")), certify: false);

        // A donation's handover by the coopérant of Senegal: two stretchers of 1,500 euros.
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var donation = await ProposeAsync(api, NewDonation(UniqueName("Brancards"), "SN", Item("Brancard de sauvetage", "civilProtection", quantity: 2, unitValue: 1_500m)));
        var donationId = donation.GetProperty("id").GetInt32();
        await factory.WithDbAsync(async db =>
            await db.Donations.Where(d => d.Id == donationId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DonationStatus.Delivered)));
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var handover = await cooperant.PostAsync($"/api/v1/donations/{donationId}/handover", TestFiles.Multipart(
            "document", TestFiles.Pdf("Procès-verbal de remise"), "pv-remise.pdf", ("date", Today.ToString("yyyy-MM-dd")),
            ("place", "Dakar"), ("receivingAuthority", "Protection civile"), ("signatory", "Colonel Sarr"),
            ("quantities", $"{{\"{donation.GetProperty("items")[0].GetProperty("id").GetInt32()}\": 2}}")));
        handover.StatusCode.ShouldBe(HttpStatusCode.OK, await handover.Content.ReadAsStringAsync());

        await desk.ReloadAsync();
        TestHttp.Figure(await desk.GetByTestId("done-1").TextContentAsync()).ShouldBe(placesBefore + 1);
        TestHttp.Figure(await desk.GetByTestId("done-2").TextContentAsync()).ShouldBe(valueBefore + 3_000);
        (await desk.GetByTestId("follow-up-1").TextContentAsync())!.ShouldContain("stagiaire(s) formé(s)");

        // The world view lists it with its completion.
        await director.GotoAsync($"/Programmes?Year={year}&Country=SN&Sort=-completion");
        await director.GetByTestId($"completion-{id}").WaitForAsync();
    }
}
