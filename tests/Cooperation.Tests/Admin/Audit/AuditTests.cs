using System.Text.RegularExpressions;

namespace Cooperation.Tests.Admin.Audit;

public class AuditTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Administrator_browses_the_trail_newest_first()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await page.GetStringAsync("/Admin/Audit");
        var ids = Regex.Matches(html, "<a href=\"/Admin/Audit/(\\d+)\">").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        ids.Count.ShouldBeGreaterThan(0);
        ids.ShouldBe(ids.OrderByDescending(i => i).ToList());
        var newest = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Id));
        ids[0].ShouldBe(newest);
        html.ShouldContain("<option value=\"AppUser\"");
    }

    [Fact]
    public async Task The_trail_pages_through_its_entries_and_refuses_a_date_it_cannot_read()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        List<long> Ids(string html) => Regex.Matches(html, "<a href=\"/Admin/Audit/(\\d+)\">").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        var first = await HtmlAsync(page, "/Admin/Audit?pageSize=5");
        var second = await HtmlAsync(page, "/Admin/Audit?pageSize=5&page=2");
        first.ShouldNotContain("data-testid=\"form-errors\"");
        Ids(first).Count.ShouldBe(5);
        Ids(second).Max().ShouldBeLessThan(Ids(first).Min());

        var refused = await HtmlAsync(page, "/Admin/Audit?from=31/02/2026");
        refused.ShouldContain("data-testid=\"error-From\">Cette date n'est pas valide");
        Ids(refused).ShouldBeEmpty();
    }

    [Fact]
    public async Task Desk_officer_is_refused_the_page_and_the_api()
    {
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var response = await page.GetAsync("/Admin/Audit");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await page.GetAsync(response.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.GetAsync("/Admin/Audit/1")).Headers.Location!.ToString().ShouldContain("/Account/Denied");

        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var refused = await api.GetAsync("/api/v1/audit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonAsync(refused);
        problem.GetProperty("status").GetInt32().ShouldBe(403);
        problem.GetProperty("title").GetString().ShouldBe("Access denied");
        problem.GetProperty("detail").GetString().ShouldBe("Your role or geographic scope does not allow this action.");
    }

    [Fact]
    public async Task Api_filters_by_entity_type_key_and_user_and_pages()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=AppUser&pageSize=2");
        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
        all.GetProperty("pageSize").GetInt32().ShouldBe(2);
        var items = all.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => i.GetProperty("entityType").GetString() == "AppUser");
        items[0].GetProperty("id").GetInt64().ShouldBeGreaterThan(items[1].GetProperty("id").GetInt64());

        var key = items[0].GetProperty("entityKey").GetString()!;
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=AppUser&entityKey={key}");
        one.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("entityKey").GetString() == key);

        var bySystem = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?user=SYST&entityType=DemoData");
        bySystem.GetProperty("total").GetInt32().ShouldBe(1);
        var page2 = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=AppUser&pageSize=2&page=2");
        page2.GetProperty("page").GetInt32().ShouldBe(2);
        page2.GetProperty("items")[0].GetProperty("id").GetInt64().ShouldBeLessThan(items[1].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Date_filters_compare_on_the_day_of_the_change()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=1");
        var total = list.GetProperty("total").GetInt32();
        // The days (UTC) of the newest and the oldest entries: the same day but for a run across midnight.
        DateOnly DayOf(JsonElement entries) => DateOnly.FromDateTime(entries.GetProperty("items")[0].GetProperty("at").GetDateTimeOffset().UtcDateTime);
        var last = DayOf(list);
        var first = DayOf(await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?pageSize=1&page={total}"));
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?from={Day(first)}&to={Day(last)}")).GetProperty("total").GetInt32().ShouldBe(total);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?to={Day(first.AddDays(-1))}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?from={Day(last.AddDays(1))}")).GetProperty("total").GetInt32().ShouldBe(0);

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(page, $"/Admin/Audit?from={Day(last.AddDays(1))}");
        html.ShouldContain("Aucune entrée ne correspond à ces filtres.");
    }

    [Fact]
    public async Task Entry_detail_shows_fields_before_and_after_without_secrets()
    {
        var id = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "AppUser" && e.Action == "Created")
            .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var html = await page.GetStringAsync($"/Admin/Audit/{id}");
        html.ShouldContain("data-field=\"Email\" data-changed=\"true\"");
        html.ShouldContain("admin@demo.local");
        html.ShouldNotContain("PasswordHash");
        html.ShouldNotContain("SecurityStamp");
        (await page.GetAsync("/Admin/Audit/999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var entry = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit/{id}");
        entry.GetProperty("fields").EnumerateArray().ShouldContain(f => f.GetProperty("name").GetString() == "DisplayName");
    }

    [Fact]
    public void Changed_fields_are_those_whose_value_differs()
    {
        var fields = Cooperation.Web.Features.Admin.Audit.ListAuditEntries.Compare(
            """{"Rank":"Capitaine","Phone":null}""", """{"Rank":"Commandant","Phone":null,"Email":"a@b.fr"}""");
        fields.Select(f => (f.Name, f.Changed)).ShouldBe([("Rank", true), ("Phone", false), ("Email", true)]);
        fields[0].Before.ShouldBe("Capitaine");
        fields[0].After.ShouldBe("Commandant");
    }

    [Fact]
    public async Task Trail_exports_to_excel_and_csv()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var csv = await page.GetAsync("/Admin/Audit?entityType=DemoData&handler=Export&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("Type d'enregistrement");
        text.ShouldContain("Données de démonstration");
        text.ShouldNotContain("DemoData");
        text.ShouldNotContain("AppUser");

        var xlsx = await page.GetAsync("/Admin/Audit?handler=Export&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        book.Worksheet(1).Cell(1, 1).GetString().ShouldBe("N°");
    }
}
