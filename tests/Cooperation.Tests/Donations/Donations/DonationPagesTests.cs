using System.Text.RegularExpressions;
using static Cooperation.Tests.Donations.DonationTestData;

namespace Cooperation.Tests.Donations.Donations;

/// <summary>The donations' pages as a desk officer, the director and the auditor see them: the proposal form refusing a lethal item, the page, the list.</summary>
public class DonationPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static Dictionary<string, string> Form(string title, string description, string? ml = null) => new()
    {
        ["Title"] = title, ["Country"] = "SN", ["ReceivingAuthority"] = "Ministère des forces armées", ["ReceivingUnit"] = "Bataillon de Thiès",
        ["Items[0].Category"] = "trainingMeans", ["Items[0].Description"] = "Cibles d'entraînement", ["Items[0].Quantity"] = "100",
        ["Items[0].UnitValue"] = "12,50", ["Items[0].Currency"] = "EUR",
        ["Items[1].Category"] = "trainingMeans", ["Items[1].Description"] = description, ["Items[1].Quantity"] = "10",
        ["Items[1].UnitValue"] = "300", ["Items[1].Currency"] = "EUR", ["Items[1].MlCategory"] = ml ?? "",
    };

    [Fact]
    public async Task The_proposal_form_refuses_a_rifle_beside_its_row_and_a_valid_proposal_opens_the_donations_page()
    {
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var title = UniqueName("Don par formulaire");
        var refused = await PostFormAsync(desk, "/Donations/Create", Form(title, "Fusil d'assaut"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(refused);
        Regex.Match(html, "data-testid=\"error-Items\\[1\\]\">([^<]+)<").Groups[1].Value.ShouldContain("« Fusil d'assaut » est refusé");
        var ml3 = await HtmlAsync(await PostFormAsync(desk, "/Donations/Create", Form(title, "Lot de matériel", "ML3")));
        ml3.ShouldContain("la catégorie ML3 de la liste commune");
        factory.WithDb(db => db.Donations.Count(d => d.Title == title)).ShouldBe(0);

        var created = await PostFormAsync(desk, "/Donations/Create", Form(title, "Gilets pare-balles", "ML13"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(desk, created.Headers.Location!.OriginalString);
        page.ShouldContain(title);
        page.ShouldContain("Gilets pare-balles");
        page.ShouldContain("1 250,00".Replace(' ', '\u202f'), Case.Insensitive);
        (await HtmlAsync(desk, "/Donations?Country=SN&Status=proposed")).ShouldContain(title);
    }

    [Fact]
    public async Task The_director_sees_the_approve_button_with_what_it_still_needs_and_the_auditor_none_and_a_foreign_coopérant_no_page()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var lebanon = (await ProposeAsync(api, NewDonation(UniqueName("Don au Liban"), "LB"))).GetProperty("id").GetInt32();
        var director = await factory.PageClientAsync(DemoAccounts.Director);
        // No end-user statement yet: approval is shown, not offered, and the page says what it needs (not after the click).
        var page = await HtmlAsync(director, $"/Donations/{lebanon}");
        page.ShouldContain("data-testid=\"to-approved-disabled\"");
        page.ShouldNotContain("data-testid=\"to-approved\"");
        page.ShouldContain("L'approbation demande le certificat d'utilisation finale de l'autorité bénéficiaire.");
        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor);
        var audited = await HtmlAsync(auditor, $"/Donations/{lebanon}");
        audited.ShouldNotContain("data-testid=\"to-");
        audited.ShouldNotContain("data-testid=\"why-");
        var cooperant = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        (await cooperant.GetAsync($"/Donations/{lebanon}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cooperant.GetAsync($"/Donations/{lebanon}/Handover")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HtmlAsync(director, "/")).ShouldContain("data-testid=\"donation-figures\"");
    }

    [Fact]
    public async Task The_edit_page_changes_the_terms_and_a_stale_form_is_refused_without_overwriting()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await ProposeAsync(api, NewDonation(UniqueName("Don à modifier")));
        var id = created.GetProperty("id").GetInt32();
        var desk = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var form = await HtmlAsync(desk, $"/Donations/{id}/Edit");
        var version = Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        form.ShouldContain(created.GetProperty("title").GetString()!);

        Dictionary<string, string> Edit(string title, string version) => new()
        {
            ["Title"] = title, ["Country"] = "SN", ["ReceivingAuthority"] = "Ministère des forces armées", ["ReceivingUnit"] = "Bataillon du génie",
            ["RiskOfDiversion"] = "Faible : unité encadrée par un coopérant", ["Version"] = version,
        };
        var newTitle = UniqueName("Don modifié");
        var saved = await PostFormAsync(desk, $"/Donations/{id}/Edit", Edit(newTitle, version));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(desk, $"/Donations/{id}");
        page.ShouldContain(newTitle);
        page.ShouldContain("Bataillon du génie");

        // The form read before that change is refused: the change stays.
        var stale = await HtmlAsync(await PostFormAsync(desk, $"/Donations/{id}/Edit", Edit(UniqueName("Écrasement"), version)));
        stale.ShouldContain("data-testid=\"conflict\"");
        factory.WithDb(db => db.Donations.Single(d => d.Id == id).Title).ShouldBe(newTitle);
        // The auditor reads the donation but has no edit page.
        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor);
        (await HtmlAsync(auditor, $"/Donations/{id}")).ShouldNotContain("data-testid=\"edit-donation\"");
        var denied = await auditor.GetAsync($"/Donations/{id}/Edit");
        denied.StatusCode.ShouldBe(HttpStatusCode.Found);
        denied.Headers.Location!.OriginalString.ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task A_countrys_and_a_projects_pages_show_their_donations_and_values_to_those_who_read_them()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var project = factory.WithDb(db => db.Projects.Where(p => p.Locations.Any(l => l.Country!.Iso2 == "SN")).Select(p => p.Id).First());
        var donation = NewDonation(UniqueName("Don au Liban"), "LB", Item("Trousses de premiers secours", "civilProtection", quantity: 40, unitValue: 75m));
        donation["projectId"] = project;
        var title = (await ProposeAsync(admin, donation)).GetProperty("title").GetString()!;
        var value = factory.WithDb(db => db.DonationItems.Where(i => i.Donation!.Country!.Iso2 == "LB" && i.Donation.Status != DonationStatus.Cancelled)
            .Select(i => i.EuroValue).ToList().Sum());

        var director = await factory.PageClientAsync(DemoAccounts.Director);
        var country = await HtmlAsync(director, "/Partners/Countries/LB");
        country.ShouldContain(title);
        Regex.Match(country, "data-testid=\"donations-value\">([^<]+)<").Groups[1].Value.ShouldBe(value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
        (await HtmlAsync(director, $"/Projects/{project}")).ShouldContain(title);

        // The coopérant of Senegal reads the Senegalese project's page, but not Lebanon's donation to it.
        var cooperant = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var foreign = await HtmlAsync(cooperant, $"/Projects/{project}");
        foreign.ShouldNotContain(title);
        foreign.ShouldContain("data-testid=\"donations-of\"");
        (await cooperant.GetAsync("/Partners/Countries/LB")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
