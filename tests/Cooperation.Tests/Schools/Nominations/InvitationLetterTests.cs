using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>The invitation letter (convocation) of an accepted candidate, read back as a PDF.</summary>
public class InvitationLetterTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private async Task<(int Id, string LastName, HttpClient Desk)> AcceptedAsync()
    {
        var sessionId = (await factory.SessionAsync(capacity: 3, quotas: new() { ["CI"] = 3 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var lastName = UniqueName("Kouamé");
        var id = (await desk.NominateAsync(sessionId, Candidate("Éric", lastName, new DateOnly(1984, 2, 29)), "CI")).GetProperty("id").GetInt32();
        (await desk.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(id, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (id, lastName, desk);
    }

    [Fact]
    public async Task The_invitation_of_an_accepted_candidate_is_a_pdf_naming_him_in_french_or_english()
    {
        var (id, lastName, desk) = await AcceptedAsync();

        var french = await desk.GetAsync($"/api/v1/nominations/{id}/invitation.pdf?lang=fr");
        french.StatusCode.ShouldBe(HttpStatusCode.OK);
        french.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await french.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        using (var document = PdfText.Open(pdf))
        {
            document.PageCount.ShouldBe(1);
            document.Info.Title.ShouldContain(lastName.ToUpperInvariant());
        }
        var text = PdfText.Extract(pdf);
        text.ShouldContain($"Éric {lastName.ToUpperInvariant()}");
        text.ShouldContain("Coopération de sécurité et de défense");
        text.ShouldContain("CONVOCATION");
        text.ShouldContain("Modalités de présentation");
        text.ShouldContain("École de maintien de la paix Alioune Blondin Beye");

        var english = await desk.GetByteArrayAsync($"/api/v1/nominations/{id}/invitation.pdf?lang=en");
        var englishText = PdfText.Extract(english);
        englishText.ShouldContain("INVITATION LETTER");
        englishText.ShouldContain("Reporting instructions");
        englishText.ShouldContain($"Éric {lastName.ToUpperInvariant()}");
    }

    [Fact]
    public async Task A_nomination_not_accepted_has_no_invitation_and_the_auditor_gets_none()
    {
        var sessionId = (await factory.SessionAsync(capacity: 3, quotas: new() { ["CI"] = 3 })).Id;
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var id = (await desk.NominateAsync(sessionId, Candidate("Alain", UniqueName("Yapi"), new DateOnly(1986, 6, 6)), "CI")).GetProperty("id").GetInt32();

        var refused = await desk.GetAsync($"/api/v1/nominations/{id}/invitation.pdf");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["status"].ShouldBe(["An invitation letter is issued only for an accepted nomination."]);

        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = WebUtility.HtmlDecode(await (await page.GetAsync($"/Schools/Nominations/{id}?handler=Invitation&lang=fr")).Content.ReadAsStringAsync());
        html.ShouldContain("La convocation n'est établie que pour une candidature acceptée.");

        var (accepted, _, _) = await AcceptedAsync();
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await auditor.GetAsync($"/api/v1/nominations/{accepted}/invitation.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_nomination_page_links_to_the_invitation_which_downloads_as_a_pdf()
    {
        var (id, lastName, _) = await AcceptedAsync();
        var liaison = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var html = WebUtility.HtmlDecode(await liaison.GetStringAsync($"/Schools/Nominations/{id}"));
        html.ShouldContain($"href=\"/Schools/Nominations/{id}?handler=Invitation&lang=en\"");

        var response = await liaison.GetAsync($"/Schools/Nominations/{id}?handler=Invitation&lang=en");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName ?? "").ShouldContain("invitation");
        PdfText.Extract(await response.Content.ReadAsByteArrayAsync()).ShouldContain(lastName.ToUpperInvariant());
    }
}
