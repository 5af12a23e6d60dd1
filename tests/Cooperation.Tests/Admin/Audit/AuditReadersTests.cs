using Cooperation.Web.Features.Shared;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Admin.Audit;

// The redaction helper, not the sibling test folder Admin.PersonalData of the same name.
using PersonalData = Cooperation.Web.Features.Shared.PersonalData;

/// <summary>The director and the auditor read the audit trail (read only); the auditor without personal values, as everywhere.</summary>
public class AuditReadersTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private Task<long> CreationEntryAsync(int cooperantId) => factory.WithDbAsync(db => db.AuditEntries
        .Where(e => e.EntityType == nameof(Cooperant) && e.EntityKey == cooperantId.ToString() && e.Action == "Created").Select(e => e.Id).SingleAsync());

    private static Dictionary<string, JsonElement> Fields(JsonElement entry) =>
        entry.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("after"));

    [Fact]
    public async Task The_director_reads_the_trail_whole()
    {
        var cooperant = await factory.CooperantPostedAsync(("SN", Today.AddYears(-1), null));
        var id = await CreationEntryAsync(cooperant.Id);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var pages = await factory.PageClientAsync(DemoAccounts.Director);

        var entry = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit/{id}");
        (await api.GetAsync("/api/v1/audit?entityType=Cooperant")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(pages, $"/Admin/Audit/{id}");

        Fields(entry)["LastName"].GetString().ShouldBe(cooperant.LastName);
        Fields(entry)["Email"].GetString().ShouldBe(cooperant.Email);
        html.ShouldContain(cooperant.LastName);
        (await HtmlAsync(pages, "/")).ShouldContain("href=\"/Admin/Audit\"");
    }

    [Fact]
    public async Task The_auditor_reads_the_trail_with_names_contacts_and_coopérants_accounts_redacted()
    {
        var cooperant = await factory.CooperantPostedAsync(("SN", Today.AddYears(-1), null));
        var id = await CreationEntryAsync(cooperant.Id);
        // A coopérant changes his own telephone: the trail names his account, which is his address.
        var own = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var ownId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId!.Value).SingleAsync());
        var profile = await own.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{ownId}");
        (await own.PutAsJsonAsync($"/api/v1/cooperants/{ownId}", new
        {
            email = profile.GetProperty("email").GetString(), phone = "+221 77 000 11 22", languages = profile.GetProperty("languages").GetString(),
            version = profile.GetProperty("version").GetInt64(),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var api = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var pages = await factory.PageClientAsync(DemoAccounts.Auditor);

        var entry = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit/{id}");
        var changes = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Cooperant&entityKey={ownId}");
        var byUser = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?user={Uri.EscapeDataString(DemoAccounts.CooperantSenegal)}");
        var html = await HtmlAsync(pages, $"/Admin/Audit/{id}");
        var list = await HtmlAsync(pages, $"/Admin/Audit?entityType=Cooperant&entityKey={ownId}");
        var csv = await HtmlAsync(pages, $"/Admin/Audit?handler=Export&format=csv&entityType=Cooperant&entityKey={ownId}");

        var fields = Fields(entry);
        foreach (var personal in new[] { "FirstName", "LastName", "NormalizedName", "Email", "Phone" })
            fields[personal].GetString().ShouldBe(PersonalData.Redacted, personal);
        fields["Rank"].GetString().ShouldBe("Lieutenant-colonel");
        html.ShouldNotContain(cooperant.LastName);
        html.ShouldNotContain(cooperant.Email);
        changes.GetProperty("items").EnumerateArray().First().GetProperty("userName").GetString().ShouldBe(PersonalData.Redacted);
        byUser.GetProperty("total").GetInt32().ShouldBe(0);
        list.ShouldNotContain(DemoAccounts.CooperantSenegal);
        csv.ShouldNotContain(DemoAccounts.CooperantSenegal);
        (await HtmlAsync(pages, "/")).ShouldContain("href=\"/Admin/Audit\"");
        (await pages.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
