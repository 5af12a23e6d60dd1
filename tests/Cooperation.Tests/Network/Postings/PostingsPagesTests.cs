using System.Text.RegularExpressions;
using ClosedXML.Excel;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Postings;

/// <summary>The postings, vacancies and headcounts pages as a signed-in user sees and fills them.</summary>
public class PostingsPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{

    private static Dictionary<string, string> PostingForm(string title, string destination = "SN", DateOnly? start = null, DateOnly? plannedEnd = null)
    {
        var s = start ?? Today;
        return new()
        {
            ["Destination"] = destination, ["HostAuthorityType"] = "GENERAL_STAFF", ["HostAuthorityName"] = "État-major général des armées",
            ["PositionTitle"] = title, ["StartDate"] = s.ToString("yyyy-MM-dd"), ["PlannedEndDate"] = (plannedEnd ?? s.AddYears(3)).ToString("yyyy-MM-dd"),
        };
    }

    [Fact]
    public async Task The_posting_form_saves_the_posting_which_then_shows_in_the_list()
    {
        var cooperantId = await factory.FormerCooperantAsync(20);
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var path = $"/Network/Postings/Create?cooperantId={cooperantId}";
        var form = await page.GetStringAsync(path);
        form.ShouldContain($"<option value=\"{cooperantId}\" selected=\"selected\">");
        foreach (var id in new[] { "CooperantId", "Destination", "HostAuthorityType", "HostAuthorityName", "PositionTitle", "StartDate", "PlannedEndDate" })
            form.ShouldContain($"id=\"{id}\" name=\"{id}\"");
        form.ShouldContain("value=\"org:ONU\"");

        var fields = PostingForm("Conseiller du chef d'état-major (formulaire)");
        fields["CooperantId"] = cooperantId.ToString();
        fields["fixedCooperant"] = "true";
        var response = await PostFormAsync(page, path, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Network/Cooperants/{cooperantId}");
        var list = WebUtility.HtmlDecode(await page.GetStringAsync($"/Network/Postings?CooperantId={cooperantId}"));
        list.ShouldContain("L'affectation a été enregistrée.");
        list.ShouldContain("Conseiller du chef d'état-major (formulaire)");
        list.ShouldContain("Sénégal");
    }

    [Fact]
    public async Task The_posting_form_offers_a_choice_of_coopérants_and_refuses_an_overlap_next_to_the_start_date()
    {
        var (cooperantId, _) = await factory.ActivePostingAsync("CI");
        var lastName = await factory.WithDbAsync(db => db.Cooperants.Where(c => c.Id == cooperantId).Select(c => c.LastName).SingleAsync());
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        (await page.GetStringAsync("/Network/Postings/Create")).ShouldContain($"<option value=\"{cooperantId}\"");
        var form = WebUtility.HtmlDecode(await page.GetStringAsync($"/Network/Postings/Create?Search={Uri.EscapeDataString(lastName.ToLowerInvariant())}"));
        form.ShouldContain($"<option value=\"{cooperantId}\"");
        form.ShouldNotContain("Liste limitée");

        var fields = PostingForm("Conseiller (chevauchement)", destination: "CI");
        fields["CooperantId"] = cooperantId.ToString();
        var response = await PostFormAsync(page, "/Network/Postings/Create", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("fr-input-group fr-input-group--error");
        Regex.IsMatch(html, "data-testid=\"error-StartDate\">Ce coopérant a déjà une affectation du [0-9-]+ au [0-9-]+").ShouldBeTrue();
        html.ShouldContain("value=\"Conseiller (chevauchement)\"");
        (await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.PositionTitle == "Conseiller (chevauchement)"))).ShouldBe(0);
    }

    [Fact]
    public async Task Missing_fields_are_shown_next_to_each_field_in_the_user_language()
    {
        var cooperantId = await factory.FormerCooperantAsync(21);
        var page = await factory.PageClientAsync(DemoAccounts.Admin, language: "en");
        var path = $"/Network/Postings/Create?cooperantId={cooperantId}";

        var response = await PostFormAsync(page, path, new()
        {
            ["CooperantId"] = cooperantId.ToString(), ["fixedCooperant"] = "true", ["Destination"] = "", ["HostAuthorityType"] = "",
            ["HostAuthorityName"] = "", ["PositionTitle"] = "Adviser", ["StartDate"] = "31/02/2027", ["PlannedEndDate"] = "",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"error-StartDate\">This date is not valid: enter it as YYYY-MM-DD.</p>");

        response = await PostFormAsync(page, path, new()
        {
            ["CooperantId"] = cooperantId.ToString(), ["fixedCooperant"] = "true", ["Destination"] = "", ["HostAuthorityType"] = "",
            ["HostAuthorityName"] = "", ["PositionTitle"] = "Adviser", ["StartDate"] = "2027-03-01", ["PlannedEndDate"] = "",
        });
        html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"error-Destination\">Give the destination: a country or an organisation.</p>");
        html.ShouldContain("data-testid=\"error-HostAuthorityType\">The field &quot;Host authority type&quot; is required.</p>");
        html.ShouldContain("data-testid=\"error-HostAuthorityName\">The field &quot;Host authority&quot; is required.</p>");
        html.ShouldContain("data-testid=\"error-PlannedEndDate\">The field &quot;Planned end date&quot; is required.</p>");
        html.ShouldNotContain("data-testid=\"error-PositionTitle\"");
    }

    [Fact]
    public async Task A_desk_officer_is_offered_the_destinations_of_her_zone_and_a_coopérant_no_form_at_all()
    {
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var form = await desk.GetStringAsync("/Network/Postings/Create");
        form.ShouldContain("<option value=\"SN\"");
        form.ShouldContain("<option value=\"org:UA\"");
        form.ShouldNotContain("<option value=\"LB\"");
        form.ShouldNotContain("<option value=\"org:ONU\"");

        var cooperant = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var response = await cooperant.GetAsync("/Network/Postings/Create");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        var list = await cooperant.GetStringAsync("/Network/Postings");
        list.ShouldNotContain("data-testid=\"new-posting\"");
    }

    [Fact]
    public async Task The_list_filters_sorts_and_exports_the_whole_filtered_list_to_Excel_and_CSV()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var total = (await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=SN&active=true")).GetProperty("total").GetInt32();

        var html = WebUtility.HtmlDecode(await page.GetStringAsync("/Network/Postings?Country=SN&Active=true&sort=name"));
        html.ShouldContain(ResultCount(total));
        html.ShouldContain("aria-sort=\"ascending\"");
        html.ShouldContain("href=\"/Network/Postings?Country=SN&Active=true&sort=-name\"");
        html.ShouldContain("handler=Export&format=xlsx");

        var xlsx = await page.GetAsync("/Network/Postings?Country=SN&Active=true&handler=Export&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        sheet.Cell(1, 1).GetString().ShouldBe("Coopérant");
        sheet.Cell(1, 3).GetString().ShouldBe("Pays");
        sheet.LastRowUsed()!.RowNumber().ShouldBe(total + 1);
        Enumerable.Range(2, total).ShouldAllBe(r => sheet.Cell(r, 3).GetString() == "Sénégal");

        var csv = await page.GetByteArrayAsync("/Network/Postings?Country=SN&Active=true&handler=Export&format=csv");
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Coopérant;Administration d'origine;Pays");
        lines.Length.ShouldBe(total + 1);
    }

    [Fact]
    public async Task An_auditor_sees_the_list_without_names()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Auditor);
        var html = await page.GetStringAsync("/Network/Postings?Country=SN");
        html.ShouldContain("class=\"coop-redacted\"");
        html.ShouldNotContain("/Network/Cooperants/");
        Regex.IsMatch(html, @"/Network/Postings/\d+/Edit").ShouldBeFalse();
    }

    [Fact]
    public async Task Ending_a_posting_through_its_form()
    {
        var cooperantId = await factory.FormerCooperantAsync(22);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await (await api.PostAsJsonAsync("/api/v1/postings", new
        {
            cooperantId, country = "TD", hostAuthorityType = "DEFENCE_MINISTRY", hostAuthorityName = "Ministère de la défense",
            positionTitle = "Conseiller planification", startDate = Today.AddDays(-100).ToString("yyyy-MM-dd"), plannedEndDate = Today.AddYears(2).ToString("yyyy-MM-dd"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var page = await factory.PageClientAsync(DemoAccounts.Admin);

        (await page.GetStringAsync($"/Network/Postings/{id}/End")).ShouldContain($"value=\"{Today:yyyy-MM-dd}\"");
        var tooEarly = await PostFormAsync(page, $"/Network/Postings/{id}/End", new() { ["ActualEndDate"] = Today.AddDays(-200).ToString("yyyy-MM-dd") });
        WebUtility.HtmlDecode(await tooEarly.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"error-ActualEndDate\">La date de fin doit être postérieure à la date de début.");

        var response = await PostFormAsync(page, $"/Network/Postings/{id}/End", new() { ["ActualEndDate"] = Today.ToString("yyyy-MM-dd") });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Postings.SingleAsync(p => p.Id == id))).ActualEndDate.ShouldBe(Today);
    }

    [Fact]
    public async Task Editing_a_posting_keeps_its_version_and_refuses_a_stale_one()
    {
        var cooperantId = await factory.FormerCooperantAsync(23);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await (await api.PostAsJsonAsync("/api/v1/postings", new
        {
            cooperantId, country = "NE", hostAuthorityType = "GENDARMERIE", hostAuthorityName = "Gendarmerie nationale",
            positionTitle = "Conseiller police judiciaire", startDate = Today.AddMonths(1).ToString("yyyy-MM-dd"), plannedEndDate = Today.AddYears(3).ToString("yyyy-MM-dd"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var form = await page.GetStringAsync($"/Network/Postings/{id}/Edit");
        form.ShouldContain("<option value=\"NE\" selected=\"selected\">");
        form.ShouldContain("id=\"Version\" name=\"Version\" value=\"0\"");

        var fields = PostingForm("Conseiller maintien de l'ordre", destination: "NE", start: Today.AddMonths(1), plannedEnd: Today.AddYears(3));
        fields["HostAuthorityType"] = "GENDARMERIE";
        fields["Version"] = "0";
        (await PostFormAsync(page, $"/Network/Postings/{id}/Edit", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        fields["PositionTitle"] = "Conseiller formation";
        var stale = await PostFormAsync(page, $"/Network/Postings/{id}/Edit", fields);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("Cet enregistrement a été modifié par quelqu'un d'autre");
        (await factory.WithDbAsync(db => db.Postings.SingleAsync(p => p.Id == id))).PositionTitle.ShouldBe("Conseiller maintien de l'ordre");
    }

    [Fact]
    public async Task The_network_pages_link_to_each_other()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        foreach (var path in new[] { "/Network/Postings", "/Network/Vacancies", "/Network/Headcounts" })
        {
            var html = await page.GetStringAsync(path);
            html.ShouldContain("data-testid=\"network-nav\"");
            html.ShouldContain($"href=\"{path}\" aria-current=\"page\"");
            html.ShouldContain("href=\"/Network/Cooperants\"");
        }
    }
}
