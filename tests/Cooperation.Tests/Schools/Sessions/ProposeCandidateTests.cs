namespace Cooperation.Tests.Schools.Sessions;

/// <summary>The session page offers "Proposer un candidat" to those who may nominate to it, and to them only.</summary>
public class ProposeCandidateTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private const string Action = "data-testid=\"propose-candidate\"";

    [Fact]
    public async Task The_liaison_officer_of_an_invited_country_and_headquarters_may_propose_a_candidate_from_the_session_page()
    {
        var invitingIvory = (await factory.SessionAsync(quotas: new() { ["CI"] = 2 })).Id;
        var notInvitingIvory = (await factory.SessionAsync(quotas: new() { ["SN"] = 2 })).Id;
        var closed = (await factory.SessionAsync(status: SessionStatus.Closed, quotas: new() { ["CI"] = 2 })).Id;

        var liaison = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var html = await HtmlAsync(liaison, $"/Schools/Sessions/{invitingIvory}");
        html.ShouldContain(Action);
        html.ShouldContain($"href=\"/Schools/Nominations/Create?SessionId={invitingIvory}\"");
        (await liaison.GetAsync($"/Schools/Nominations/Create?SessionId={invitingIvory}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A session that does not invite his country is not his to see, let alone to propose to.
        (await liaison.GetAsync($"/Schools/Sessions/{notInvitingIvory}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await factory.EnsureTestAccountsAsync();
        var senegal = await factory.PageClientAsync(TestAccounts.LiaisonSn);
        (await HtmlAsync(senegal, $"/Schools/Sessions/{notInvitingIvory}")).ShouldContain(Action);
        (await HtmlAsync(liaison, $"/Schools/Sessions/{closed}")).ShouldNotContain(Action);

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await HtmlAsync(desk, $"/Schools/Sessions/{invitingIvory}")).ShouldContain(Action);

        // Those who may not nominate are not offered it.
        foreach (var account in new[] { DemoAccounts.Auditor, DemoAccounts.SchoolDirector })
            (await HtmlAsync(await factory.PageClientAsync(account), $"/Schools/Sessions/{invitingIvory}")).ShouldNotContain(Action, customMessage: account);
    }

    [Fact]
    public async Task A_school_director_s_school_filter_offers_his_school_only()
    {
        var director = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var html = await HtmlAsync(director, "/Schools/Sessions");
        var schools = System.Text.RegularExpressions.Regex.Matches(html, "<option value=\"([A-Z0-9-]+)\"[^>]*>\\1 — ").Select(m => m.Groups[1].Value).ToList();
        schools.ShouldBe(["EMPABB"]);

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        System.Text.RegularExpressions.Regex.Matches(await HtmlAsync(desk, "/Schools/Sessions"), "<option value=\"([A-Z0-9-]+)\"[^>]*>\\1 — ")
            .Count.ShouldBeGreaterThan(10);
    }
}
