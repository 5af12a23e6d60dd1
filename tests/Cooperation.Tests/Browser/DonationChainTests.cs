using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cooperation.Tests.Browser;

[Trait("Category", "Browser")]
public class DonationChainTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task Lethal_items_are_refused_and_a_donation_is_approved_ordered_handed_over_short_checked_six_months_later_and_the_figures_move()
    {
        var today = DateOnly.FromDateTime(DateTime.Now.Date);
        // Handed over last year, so that it counts among last year's donations; checked six months after.
        var handedOn = new DateOnly(today.Year - 1, 3, 10);
        var checkedOn = handedOn.AddMonths(6);
        var title = $"Don au bataillon de Thiès {Guid.NewGuid():N}"[..40];

        var desk = await browser.NewPageAsync();
        await browser.LoginAsync(desk, DemoAccounts.DeskAfrica);
        // The directorate's figures are the director's home page (a desk officer's shows what to do in her zones).
        var director = await browser.NewPageAsync();
        await browser.LoginAsync(director, DemoAccounts.Director);
        var donationsBefore = TestHttp.Figure(await director.GetByTestId("fig-donations").TextContentAsync());
        var valueBefore = TestHttp.Figure(await director.GetByTestId("fig-donated-value").TextContentAsync());

        // The proposal: a rifle, then an ML3 item, are refused beside their row, and nothing is stored.
        await desk.GotoAsync("/Donations/Create");
        await desk.FillAsync("#Title", title);
        await desk.SelectOptionAsync("#Country", "SN");
        await desk.FillAsync("#ReceivingAuthority", "Ministère des forces armées");
        await desk.FillAsync("#ReceivingUnit", "Bataillon d'infanterie de Thiès");
        async Task ItemAsync(int row, string category, string description, string quantity, string value, string ml = "", string licence = "")
        {
            await desk.SelectOptionAsync($"#Items_{row}__Category", category);
            await desk.FillAsync($"#Items_{row}__Description", description);
            await desk.FillAsync($"#Items_{row}__Quantity", quantity);
            await desk.FillAsync($"#Items_{row}__UnitValue", value);
            await desk.FillAsync($"#Items_{row}__MlCategory", ml);
            await desk.FillAsync($"#Items_{row}__ExportLicence", licence);
        }
        await ItemAsync(0, "trainingMeans", "Cibles d'entraînement en carton", "100", "12,50");
        await ItemAsync(1, "trainingMeans", "Fusil d'assaut", "20", "480");
        await desk.FillAsync("#RiskOfDiversion", "Faible : matériel d'entraînement, unité encadrée par un coopérant.");
        await desk.FillAsync("#HumanitarianLaw", "Unité formée au droit des conflits armés en 2025.");
        await desk.FillAsync("#StorageAndAccountability", "Magasin fermé, registre tenu par l'officier logistique.");
        await desk.GetByTestId("save").ClickAsync();
        (await desk.GetByTestId("error-Items[1]").TextContentAsync())!.ShouldContain("« Fusil d'assaut » est refusé");
        await ItemAsync(1, "trainingMeans", "Lot de matériel", "20", "480", "ML3");
        await desk.GetByTestId("save").ClickAsync();
        (await desk.GetByTestId("error-Items[1]").TextContentAsync())!.ShouldContain("ML3");
        (await browser.Factory.WithDbAsync(db => db.Donations.CountAsync(d => d.Title == title))).ShouldBe(0);

        // A valid one: training targets and bulletproof vests (ML13, with their export licence).
        await ItemAsync(1, "trainingMeans", "Gilets pare-balles", "20", "480", "ML13", "LEX-2025-0107");
        await desk.GetByTestId("save").ClickAsync();
        await desk.WaitForAddressAsync(new Regex(@"/Donations/\d+$"));
        var id = int.Parse(Regex.Match(desk.Url, @"/Donations/(\d+)$").Groups[1].Value);
        (await desk.GetByTestId("donation-status").TextContentAsync())!.ShouldContain("Proposé");
        await desk.SetInputFilesAsync("#Statement", new FilePayload { Name = "certificat.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("Certificat") });
        await desk.GetByTestId("attach-statement").ClickAsync();
        await desk.GetByTestId("statement").GetByRole(AriaRole.Link).WaitForAsync();

        // The director approves it.
        await director.GotoAsync($"/Donations/{id}");
        await director.GetByTestId("to-approved").ClickAsync();
        await director.GetByTestId("to-ordered").Or(director.GetByText("Approuvé").First).First.WaitForAsync();
        (await director.GetByTestId("donation-status").TextContentAsync())!.ShouldContain("Approuvé");
        // Approved back then: the handover is dated last year, after the approval (as the demo's donations are).
        await browser.Factory.WithDbAsync(db => db.Donations.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ApprovedOn, handedOn.AddMonths(-2))));

        // Ordered, delivered.
        await desk.GotoAsync($"/Donations/{id}");
        await desk.GetByTestId("to-ordered").ClickAsync();
        await desk.GetByTestId("to-delivered").ClickAsync();
        await desk.GetByTestId("record-handover").WaitForAsync();

        // The coopérant of Senegal records the handover: 18 vests of 20, a shortfall shown as such.
        var items = await browser.Factory.WithDbAsync(db => db.DonationItems.Where(i => i.DonationId == id).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());
        var cooperant = await browser.NewPageAsync();
        await browser.LoginAsync(cooperant, DemoAccounts.CooperantSenegal);
        await cooperant.GotoAsync($"/Donations/{id}");
        await cooperant.GetByTestId("record-handover").ClickAsync();
        await cooperant.FillAsync("#HandoverDate", handedOn.ToString("yyyy-MM-dd"));
        await cooperant.FillAsync("#Place", "Thiès, camp Mame Diarra Bousso");
        await cooperant.FillAsync("#Signatory", "Colonel Abdoulaye Ndiaye");
        await cooperant.FillAsync($"#Quantities_{items[1]}", "18");
        await cooperant.SetInputFilesAsync("#Document", new FilePayload { Name = "pv-remise.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("PV") });
        await cooperant.GetByTestId("save").ClickAsync();
        await cooperant.WaitForAddressAsync(new Regex($@"/Donations/{id}$"));
        (await cooperant.GetByTestId($"shortfall-{items[1]}").TextContentAsync())!.ShouldContain("2");
        (await cooperant.GetByTestId("donation-status").TextContentAsync())!.ShouldContain("Remis");

        // Six months later, the check: the targets in use, the vests out of use in the central depot, with a photo.
        await cooperant.GetByTestId("record-check").ClickAsync();
        await cooperant.FillAsync("#CheckedOn", checkedOn.ToString("yyyy-MM-dd"));
        await cooperant.FillAsync("#CheckedBy", "Commandant Paul Martin");
        await cooperant.SelectOptionAsync($"#Finding_{items[0]}", "inUse");
        await cooperant.SelectOptionAsync($"#Condition_{items[0]}", "good");
        await cooperant.SelectOptionAsync($"#Finding_{items[1]}", "notInUse");
        await cooperant.SelectOptionAsync($"#Condition_{items[1]}", "fair");
        await cooperant.Locator($"label[for=Location_{items[1]}]").ClickAsync();
        (await cooperant.IsCheckedAsync($"#Location_{items[1]}")).ShouldBeFalse();
        await cooperant.FillAsync($"#Note_{items[1]}", "Rangés au dépôt central de Dakar");
        await cooperant.SetInputFilesAsync($"#Photo_{items[1]}", new FilePayload { Name = "depot.jpg", MimeType = "image/jpeg", Buffer = TestFiles.Jpeg() });
        await cooperant.GetByTestId("save").ClickAsync();
        await cooperant.WaitForAddressAsync(new Regex($@"/Donations/{id}$"));
        (await cooperant.GetByTestId("donation-status").TextContentAsync())!.ShouldContain("Contrôlé");
        var checks = await cooperant.GetByTestId("checks").TextContentAsync() ?? "";
        checks.ShouldContain(checkedOn.ToString("dd/MM/yyyy"));
        checks.ShouldContain("Rangés au dépôt central de Dakar");
        checks.ShouldContain("hors du lieu déclaré");
        await cooperant.GetByTestId("checks").GetByRole(AriaRole.Link, new() { Name = "Photo" }).WaitForAsync();

        // The figures move: one more donation handed over last year, worth what was handed over (the shortfall left out).
        await director.GotoAsync("/");
        TestHttp.Figure(await director.GetByTestId("fig-donations").TextContentAsync()).ShouldBe(donationsBefore + 1);
        TestHttp.Figure(await director.GetByTestId("fig-donated-value").TextContentAsync()).ShouldBe(valueBefore + 100 * 12 + 50 + 18 * 480); // 100 × 12.50 € + 18 × 480 €
    }
}
