using Cooperation.Web.Features.Shared;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Postings;

/// <summary>
/// A coopérant belongs to the country that places him today (active posting, else latest): his name follows that one
/// rule on every posting of his history, and only the desk that holds him may post him.
/// </summary>
public class PostingScopeTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static object NewPosting(int cooperantId, string country = "SN") => new
    {
        cooperantId, country, hostAuthorityType = "GENERAL_STAFF", hostAuthorityName = "État-major général des armées",
        positionTitle = "Conseiller", startDate = Today.ToString("yyyy-MM-dd"), plannedEndDate = Today.AddYears(2).ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task A_desk_officer_cannot_take_over_a_coopérant_of_another_desk_by_posting_him_in_her_zone()
    {
        var abroad = await factory.CountryOutsideAfricaAsync();
        var former = await factory.CooperantPostedAsync((abroad, Today.AddYears(-4), Today.AddYears(-1)));
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var pages = await factory.PageClientAsync(DemoAccounts.DeskAfrica);

        var posted = await desk.PostAsJsonAsync("/api/v1/postings", NewPosting(former.Id));
        var form = await pages.GetAsync($"/Network/Postings/Create?cooperantId={former.Id}");
        // Searched by his first name (the form echoes the search): the choices must not offer him.
        var choices = await HtmlAsync(pages, $"/Network/Postings/Create?search={former.FirstName}");
        var record = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{former.Id}");
        var edit = await desk.PutAsJsonAsync($"/api/v1/cooperants/{former.Id}", new
        {
            firstName = "X", lastName = "Y", administration = "ARM", rank = "Colonel", version = record.GetProperty("version").GetInt64(),
        });

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await posted.ErrorsAsync()).ShouldContainKey("cooperantId");
        var answers = await posted.Content.ReadAsStringAsync() + await form.Content.ReadAsStringAsync() + choices + record.GetRawText();
        answers.ShouldNotContain(former.LastName, Case.Insensitive);
        answers.ShouldNotContain(former.Email);
        form.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        record.GetProperty("lastName").GetString().ShouldBe(PersonalData.Redacted);
        record.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.CooperantId == former.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_desk_officer_still_posts_a_coopérant_of_her_zone_or_one_never_posted()
    {
        var former = await factory.CooperantPostedAsync(("CI", Today.AddYears(-5), Today.AddYears(-1)));
        var fresh = await factory.CooperantPostedAsync();
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        var back = await desk.PostAsJsonAsync("/api/v1/postings", NewPosting(former.Id));
        var first = await desk.PostAsJsonAsync("/api/v1/postings", NewPosting(fresh.Id, "CI"));

        back.StatusCode.ShouldBe(HttpStatusCode.Created, await back.Content.ReadAsStringAsync());
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var pages = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await HtmlAsync(pages, $"/Network/Cooperants/{former.Id}")).ShouldContain(former.LastName.ToUpperInvariant());
    }

    [Fact]
    public async Task Names_hidden_on_a_coopérants_record_stay_hidden_on_his_old_postings()
    {
        var abroad = await factory.CountryOutsideAfricaAsync();
        var moved = await factory.CooperantPostedAsync(("SN", Today.AddYears(-9), Today.AddYears(-6)), (abroad, Today.AddYears(-1), null));
        var senegalPosting = moved.Postings[0];
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var deskPages = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var cooperantPages = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);

        var answers = new List<string>();
        foreach (var api in new[] { desk, cooperant })
        {
            var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{senegalPosting}");
            one.GetProperty("cooperantName").GetString().ShouldBe(PersonalData.Redacted);
            answers.Add(await api.GetStringAsync($"/api/v1/postings?country=SN&sort=name&pageSize=200"));
            answers.Add(await api.GetStringAsync($"/api/v1/postings?cooperantId={moved.Id}&sort=-name"));
        }
        foreach (var pages in new[] { deskPages, cooperantPages })
        {
            answers.Add(await HtmlAsync(pages, $"/Network/Postings?cooperantId={moved.Id}&sort=name"));
            answers.Add(await HtmlAsync(pages, "/Network/Postings?handler=Export&format=csv&country=SN&sort=name"));
        }
        var edit = await deskPages.GetAsync($"/Network/Postings/{senegalPosting}/Edit");
        var end = await deskPages.GetAsync($"/Network/Postings/{senegalPosting}/End");
        answers.Add(await edit.Content.ReadAsStringAsync());
        answers.Add(await end.Content.ReadAsStringAsync());

        foreach (var answer in answers)
        {
            answer.ShouldNotContain(moved.LastName, Case.Insensitive);
            answer.ShouldNotContain(moved.Email);
        }
        edit.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        end.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{moved.Id}")).GetProperty("lastName").GetString().ShouldBe(PersonalData.Redacted);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        (await director.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{senegalPosting}")).GetProperty("cooperantName").GetString()
            .ShouldBe(moved.FullName);
    }

    [Fact]
    public async Task Sorting_postings_by_name_orders_only_the_names_the_user_reads()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        var first = await desk.GetFromJsonAsync<JsonElement>("/api/v1/postings?sort=name&pageSize=100");
        var pages = (first.GetProperty("total").GetInt32() + 99) / 100;
        var last = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/postings?sort=name&pageSize=100&page={pages}");

        static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();
        var named = Items(first).Select(i => i.GetProperty("cooperantName").GetString()!).ToList();
        named.ShouldNotContain(PersonalData.Redacted);
        // The names she does not read come last, in the order of their start: nothing of the names shows in it.
        var hidden = Items(last);
        hidden.ShouldAllBe(i => i.GetProperty("cooperantName").GetString() == PersonalData.Redacted);
        hidden.Select(i => i.GetProperty("startDate").GetString()!).ShouldBeInOrder(SortDirection.Ascending);
    }
}
