namespace Cooperation.Tests.Projects.Projects;

/// <summary>The one chain as pages show it: from a trainee's record to his session's project and its funding, and back.</summary>
public class ProjectPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task A_trainees_record_leads_to_the_session_its_project_and_its_funding_for_those_who_read_projects()
    {
        var chain = await factory.WithDbAsync(db => db.Nominations
            .Where(n => n.Status == NominationStatus.Accepted && n.Session!.ProjectId != null && n.Session.Course!.School!.Acronym == "EMPABB")
            .OrderBy(n => n.Id)
            .Select(n => new { n.TraineeId, n.SessionId, ProjectId = n.Session!.ProjectId!.Value, n.Session.Project!.Title, n.Session.Project.EuFunded })
            .FirstAsync());

        var admin = await factory.PageClientAsync(DemoAccounts.Admin);
        var page = await admin.GetAsync($"/Schools/Trainees/{chain.TraineeId}");
        var record = await HtmlAsync(page);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, record);
        record.ShouldContain($"href=\"/Schools/Sessions/{chain.SessionId}\"");
        record.ShouldContain("data-testid=\"timeline-project\"");
        record.ShouldContain($"<a href=\"/Projects/{chain.ProjectId}\">{chain.Title}</a>");
        record.ShouldContain($"href=\"/Projects/{chain.ProjectId}/Transactions\">Financement : Crédits nationaux");
        if (chain.EuFunded) record.ShouldContain("Fonds délégués de l'UE");

        var session = await HtmlAsync(admin, $"/Schools/Sessions/{chain.SessionId}");
        session.ShouldContain($"<a href=\"/Projects/{chain.ProjectId}\">{chain.Title}</a>");
        var project = await HtmlAsync(admin, $"/Projects/{chain.ProjectId}");
        project.ShouldContain($"data-testid=\"project-session-{chain.SessionId}\"");

        // The school director reads the record and the session, but no project: no link leads him to one.
        var director = await factory.PageClientAsync(DemoAccounts.SchoolDirector);
        var his = await HtmlAsync(director, $"/Schools/Trainees/{chain.TraineeId}");
        his.ShouldContain($"href=\"/Schools/Sessions/{chain.SessionId}\"");
        his.ShouldNotContain("timeline-project");
        var refused = await director.GetAsync($"/Projects/{chain.ProjectId}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Found);
        refused.Headers.Location!.ToString().ShouldContain("/Account/Denied");

        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var trainee = await JsonAsync(await api.GetAsync($"/api/v1/trainees/{chain.TraineeId}"));
        var enrolment = trainee.GetProperty("enrolments").EnumerateArray().First(e => e.GetProperty("sessionId").GetInt32() == chain.SessionId);
        enrolment.GetProperty("project").GetProperty("id").GetInt32().ShouldBe(chain.ProjectId);
        enrolment.GetProperty("project").GetProperty("fundingSources").EnumerateArray().Select(s => s.GetString()).ShouldContain("nationalCredits");
    }

    [Fact]
    public async Task A_coopérants_page_shows_the_project_of_each_posting()
    {
        var posting = await factory.WithDbAsync(db => db.Postings.Where(p => p.ProjectId != null && p.Country!.Iso2 == "SN")
            .OrderBy(p => p.Id).Select(p => new { p.CooperantId, ProjectId = p.ProjectId!.Value, p.Project!.Title }).FirstAsync());

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = await HtmlAsync(desk, $"/Network/Cooperants/{posting.CooperantId}");
        html.ShouldContain($"href=\"/Projects/{posting.ProjectId}\" data-testid=\"posting-project\">Projet : {posting.Title}</a>");
    }
}
