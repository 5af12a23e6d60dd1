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
    public async Task The_director_sees_the_approve_button_and_the_auditor_none_and_a_foreign_coopérant_no_page()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var lebanon = (await ProposeAsync(api, NewDonation(UniqueName("Don au Liban"), "LB"))).GetProperty("id").GetInt32();
        var director = await factory.PageClientAsync(DemoAccounts.Director);
        (await HtmlAsync(director, $"/Donations/{lebanon}")).ShouldContain("data-testid=\"to-approved\"");
        var auditor = await factory.PageClientAsync(DemoAccounts.Auditor);
        var audited = await HtmlAsync(auditor, $"/Donations/{lebanon}");
        audited.ShouldNotContain("data-testid=\"to-");
        var cooperant = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        (await cooperant.GetAsync($"/Donations/{lebanon}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cooperant.GetAsync($"/Donations/{lebanon}/Handover")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HtmlAsync(director, "/")).ShouldContain("data-testid=\"donation-figures\"");
    }
}
