using System.Net.Http.Headers;

namespace Cooperation.Tests.Shared;

/// <summary>
/// What a person in a browser meets when a record is out of reach or a page refused: a page of the design system in his
/// language with the way back, keeping the status; the API keeps answering ProblemDetails.
/// </summary>
public class ErrorPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static async Task<HttpResponseMessage> BrowseAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_record_out_of_reach_is_a_not_found_page_in_the_users_language_and_the_api_keeps_its_problem_details()
    {
        var cooperant = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var lebanon = factory.WithDb(db => db.Cooperants.Where(c => c.Postings.Any(p => p.Country!.Iso2 == "LB")).Select(c => c.Id).First());
        var direct = await BrowseAsync(cooperant, "/Error/404");
        direct.StatusCode.ShouldBe(HttpStatusCode.NotFound, await direct.Content.ReadAsStringAsync());
        (await HtmlAsync(direct)).ShouldContain("<h1>Page non trouvée</h1>");
        foreach (var path in new[] { $"/Network/Cooperants/{lebanon}", "/Partners/Countries/LB", "/Donations/99999999", "/no/such/page" })
        {
            var response = await BrowseAsync(cooperant, path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path + " " + await response.Content.ReadAsStringAsync());
            var html = await HtmlAsync(response);
            html.ShouldContain("data-testid=\"error-page\"");
            html.ShouldContain("<h1>Page non trouvée</h1>");
            html.ShouldContain("Erreur 404");
            html.ShouldContain("class=\"fr-header\"");
        }

        var english = await factory.PageClientAsync(DemoAccounts.CooperantSenegal, "en");
        var englishPage = await HtmlAsync(await BrowseAsync(english, "/Partners/Countries/LB"));
        englishPage.ShouldContain("<h1>Page not found</h1>");
        englishPage.ShouldContain("Error 404");

        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var problem = await api.GetAsync($"/api/v1/cooperants/{lebanon}");
        problem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.GetAsync("/api/v1/no-such-route")).Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
    }

    [Fact]
    public async Task A_refused_page_leads_to_the_access_denied_page_with_its_status()
    {
        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor, "en");
        var refused = await BrowseAsync(auditor, "/Donations/Create");
        refused.StatusCode.ShouldBe(HttpStatusCode.Found);
        var denied = await BrowseAsync(auditor, refused.Headers.Location!.OriginalString);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await HtmlAsync(denied);
        html.ShouldContain("<h1>Access denied</h1>");
        html.ShouldContain("Error 403");
        html.ShouldContain("data-testid=\"error-home\"");
    }
}
