using Cooperation.Web.Features.Shared;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Cooperants;

/// <summary>Names the user may not read are neither sorted on nor searched: one rule for every list.</summary>
public class CooperantScopeTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task The_auditors_coopérants_sorted_by_name_come_in_the_order_of_their_record_not_of_their_names()
    {
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);

        foreach (var sort in new[] { "name", "-name" })
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?status=all&sort={sort}&pageSize=200");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBe(200);
            items.ShouldAllBe(i => i.GetProperty("lastName").GetString() == PersonalData.Redacted);
            items.Select(i => i.GetProperty("id").GetInt32()).ShouldBeInOrder(SortDirection.Ascending);
        }
        var html = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Auditor), "/Network/Cooperants?status=all&sort=name&pageSize=200");
        var expected = await factory.WithDbAsync(db => db.Cooperants.OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync());
        var links = System.Text.RegularExpressions.Regex.Matches(html, @"/Network/Cooperants/(\d+)""").Select(m => int.Parse(m.Groups[1].Value)).Distinct().Take(3);
        links.ShouldBe(expected);
    }

    [Fact]
    public async Task A_name_search_finds_only_names_the_user_reads_on_every_list()
    {
        var name = await factory.WithDbAsync(db => db.Nominations.Select(n => n.Trainee!.LastName).FirstAsync());
        var cooperant = await factory.WithDbAsync(db => db.Cooperants.Select(c => c.LastName).FirstAsync());
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var searches = new[]
        {
            $"/api/v1/cooperants?status=all&q={Uri.EscapeDataString(cooperant)}",
            $"/api/v1/trainees?q={Uri.EscapeDataString(name)}",
            $"/api/v1/nominations?search={Uri.EscapeDataString(name)}",
        };

        foreach (var search in searches)
        {
            (await director.GetFromJsonAsync<JsonElement>(search)).GetProperty("total").GetInt32().ShouldBeGreaterThan(0, search);
            (await auditor.GetFromJsonAsync<JsonElement>(search)).GetProperty("total").GetInt32().ShouldBe(0, search);
        }
    }

    [Fact]
    public async Task A_desk_officers_search_does_not_find_a_coopérant_of_another_desk()
    {
        var abroad = await factory.CountryOutsideAfricaAsync();
        var other = await factory.CooperantPostedAsync((abroad, Today.AddYears(-1), null));
        var own = await factory.CooperantPostedAsync(("SN", Today.AddYears(-1), null));
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?q={other.LastName}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?q={own.LastName}")).GetProperty("total").GetInt32().ShouldBe(1);
    }
}
