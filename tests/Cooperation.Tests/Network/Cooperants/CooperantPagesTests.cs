using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Cooperation.Tests.Network.Cooperants;

public class CooperantPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{

    private async Task<JsonElement> ListAsync(string query)
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?{query}");
    }

    private async Task<int> FirstIdAsync(string iso2, int skip = 0) =>
        (await ListAsync($"country={iso2}&pageSize=50")).GetProperty("items")[skip].GetProperty("id").GetInt32();


    [Fact]
    public async Task List_shows_names_sortable_headers_and_the_network_navigation()
    {
        var first = (await ListAsync("country=SN&pageSize=1")).GetProperty("items")[0];
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var response = await page.GetAsync("/Network/Cooperants?country=SN");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(response);
        html.ShouldContain($"{first.GetProperty("lastName").GetString()!.ToUpperInvariant()} {first.GetProperty("firstName").GetString()}");
        html.ShouldContain("Sénégal");
        html.ShouldContain("sort=-name");
        html.ShouldContain("sort=country");
        html.ShouldContain("href=\"/Network/Vacancies\"");
        html.ShouldContain("data-testid=\"new-cooperant\"");
        html.ShouldContain("handler=Export&format=xlsx");
    }

    [Fact]
    public async Task The_auditor_sees_the_list_redacted_and_no_create_button()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Auditor);
        var html = await HtmlAsync(await page.GetAsync("/Network/Cooperants"));
        html.ShouldContain("•••");
        html.ShouldNotContain("data-testid=\"new-cooperant\"");
        var create = await page.GetAsync("/Network/Cooperants/Create");
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        create.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task The_list_speaks_English_when_asked()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director, language: "en");
        var html = await HtmlAsync(await page.GetAsync("/Network/Cooperants?country=SN"));
        html.ShouldContain("Cooperation officers");
        html.ShouldContain("Senegal");
        html.ShouldContain("In post");
    }

    [Fact]
    public async Task Excel_export_holds_the_whole_filtered_list()
    {
        var total = (await ListAsync("zone=AFS&pageSize=1")).GetProperty("total").GetInt32();
        total.ShouldBeGreaterThan(25);
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var response = await page.GetAsync("/Network/Cooperants?zone=AFS&handler=Export&format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        sheet.RowsUsed().Count().ShouldBe(total + 1);
        sheet.Cell(1, 1).GetString().ShouldBe("Nom");
        sheet.Cell(2, 5).GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Csv_export_has_a_header_and_a_line_per_coopérant()
    {
        var total = (await ListAsync("country=CI&status=all&pageSize=1")).GetProperty("total").GetInt32();
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var response = await page.GetAsync("/Network/Cooperants?country=CI&status=all&handler=Export&format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(total + 1);
        lines[0].ShouldStartWith("Nom;Prénom;Grade;");
    }

    [Fact]
    public async Task Details_show_the_postings_with_links_to_countries_and_to_a_new_posting()
    {
        var id = await FirstIdAsync("SN");
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = await HtmlAsync(await page.GetAsync($"/Network/Cooperants/{id}"));
        html.ShouldContain("href=\"/Partners/Countries/SN\"");
        html.ShouldContain($"href=\"/Network/Postings/Create?cooperantId={id}\"");
        html.ShouldContain($"href=\"/Network/Cooperants/{id}/Edit\"");
        Regex.Matches(html, "data-testid=\"posting-row\"").Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_coopérant_cannot_open_a_coopérant_posted_elsewhere()
    {
        var mali = await FirstIdAsync("ML");
        var page = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        (await page.GetAsync($"/Network/Cooperants/{mali}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.GetAsync($"/Network/Cooperants/{mali}/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var lebanon = await desk.GetAsync($"/Network/Cooperants/{await FirstIdAsync("LB")}/Edit");
        lebanon.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        lebanon.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task Create_form_shows_errors_next_to_the_fields_then_creates()
    {
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var fields = new Dictionary<string, string>
        {
            ["Form.FirstName"] = "Agathe", ["Form.LastName"] = "", ["Form.Administration"] = "JUS", ["Form.Rank"] = "Magistrat",
            ["Form.Email"] = "pas-une-adresse",
        };
        var invalid = await PostFormAsync(page, "/Network/Cooperants/Create", new(fields));
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(invalid);
        html.ShouldContain("fr-input-group--error");
        html.ShouldContain("Le champ « Nom » est obligatoire.");
        html.ShouldContain("L'adresse électronique « pas-une-adresse » n'est pas valide");
        html.ShouldContain("value=\"Agathe\"");

        fields["Form.LastName"] = "Formulaire";
        fields["Form.Email"] = "agathe.formulaire@justice.gouv.fr";
        var created = await PostFormAsync(page, "/Network/Cooperants/Create", fields);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = created.Headers.Location!.ToString();
        location.ShouldStartWith("/Network/Cooperants/");
        var details = await HtmlAsync(await page.GetAsync(location));
        details.ShouldContain("Agathe FORMULAIRE");
        details.ShouldContain("a été créée");
    }

    [Fact]
    public async Task Edit_with_a_stale_version_shows_the_conflict_and_saves_nothing()
    {
        var id = await FirstIdAsync("SN", skip: 3);
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var form = await page.GetStringAsync($"/Network/Cooperants/{id}/Edit");
        var version = Regex.Match(form, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value;
        version.ShouldNotBeEmpty();
        var c = await factory.WithDbAsync(db => db.Cooperants.Where(c => c.Id == id)
            .Select(c => new { c.FirstName, c.LastName, c.Rank, Administration = c.Administration!.Code }).SingleAsync());
        Dictionary<string, string> Fields(string phone) => new()
        {
            ["Form.FirstName"] = c.FirstName, ["Form.LastName"] = c.LastName, ["Form.Administration"] = c.Administration,
            ["Form.Rank"] = c.Rank, ["Form.Phone"] = phone, ["Form.Version"] = version,
        };
        (await PostFormAsync(page, $"/Network/Cooperants/{id}/Edit", Fields("+221 33 800 00 01"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = Fields("+221 33 800 00 02");
        var response = await PostFormAsync(page, $"/Network/Cooperants/{id}/Edit", stale);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(response)).ShouldContain("a été modifié par quelqu'un d'autre");
        (await factory.WithDbAsync(db => db.Cooperants.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync())).ShouldBe("+221 33 800 00 01");
    }

    [Fact]
    public async Task The_coopérant_edits_his_contact_details_on_his_own_profile()
    {
        var own = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId!.Value).SingleAsync());
        var page = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var form = await HtmlAsync(await page.GetAsync($"/Network/Cooperants/{own}/Edit"));
        Regex.IsMatch(form, "id=\"rank\"[^>]*disabled").ShouldBeTrue();
        var version = Regex.Match(form, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await PostFormAsync(page, $"/Network/Cooperants/{own}/Edit", new()
        {
            ["Form.Phone"] = "+221 76 000 11 22", ["Form.Email"] = "moi@cooperation.demo.local", ["Form.Languages"] = "français, wolof",
            ["Form.Version"] = version,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Cooperants.Where(c => c.Id == own).Select(c => new { c.Phone, c.Languages }).SingleAsync());
        saved.Phone.ShouldBe("+221 76 000 11 22");
        saved.Languages.ShouldBe("français, wolof");
    }
}
