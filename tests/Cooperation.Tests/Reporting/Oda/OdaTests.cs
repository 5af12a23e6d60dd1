using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Oda;

/// <summary>
/// ODA of last year on the scale-1 demo data: the list's totals against sums made here from the transactions, the
/// annual report's section equal to the list, the desk officer's zones only, the page and its export.
/// </summary>
public class OdaTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>Last year's disbursements in euros by eligibility, summed here project by project, and the ODA total.</summary>
    private Task<(decimal Eligible, decimal Partly, decimal NotEligible, decimal OdaTotal)> SumsAsync(string? zone) => factory.WithDbAsync(async db =>
    {
        var rows = (await db.ProjectTransactions.Where(t => t.Kind == TransactionKind.Disbursement)
                .Select(t => new { t.Date, t.EuroValue, t.Project!.Oda, t.Project.OdaEligibleShare, Zone = t.Project.Zone!.Code }).ToListAsync())
            .Where(t => t.Date.Year == LastYear && (zone is null || t.Zone == zone)).ToList();
        var eligible = rows.Where(r => r.Oda == OdaEligibility.Eligible).Sum(r => r.EuroValue);
        var partly = rows.Where(r => r.Oda == OdaEligibility.Partly).Sum(r => r.EuroValue);
        var partlyEligible = rows.Where(r => r.Oda == OdaEligibility.Partly).Sum(r => r.EuroValue * r.OdaEligibleShare!.Value / 100m);
        return (eligible, partly, rows.Where(r => r.Oda == OdaEligibility.NotEligible).Sum(r => r.EuroValue), eligible + partlyEligible);
    });

    private static decimal Sum(JsonElement items, string field) => items.EnumerateArray().Sum(i => i.GetProperty(field).GetDecimal());

    [Fact]
    public async Task The_totals_of_the_list_and_of_the_report_equal_the_disbursements_summed_independently()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/oda?year={LastYear}&pageSize=200");
        var items = page.GetProperty("items");
        page.GetProperty("total").GetInt32().ShouldBe(items.GetArrayLength());
        var (eligible, partly, notEligible, odaTotal) = await SumsAsync(null);
        eligible.ShouldBeGreaterThan(0m);
        partly.ShouldBeGreaterThan(0m);
        notEligible.ShouldBeGreaterThan(0m);
        // Split by sector to the cent: the totals agree to the euro.
        Sum(items, "eligible").ShouldBe(eligible, 1m);
        Sum(items, "partly").ShouldBe(partly, 1m);
        Sum(items, "notEligible").ShouldBe(notEligible, 1m);
        Sum(items, "odaTotal").ShouldBe(odaTotal, 1m);
        items.EnumerateArray().Select(i => i.GetProperty("zone").GetString()).Distinct().Count().ShouldBeGreaterThan(2);
        // A line not wholly eligible gives its reasons.
        items.EnumerateArray().Where(i => i.GetProperty("notEligible").GetDecimal() > 0)
            .ShouldAllBe(i => i.GetProperty("reasons").GetArrayLength() > 0);

        var report = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/annual/{LastYear}");
        var section = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "oda");
        var total = section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "odaTotal");
        total.GetProperty("value").GetDecimal().ShouldBe(Sum(items, "odaTotal"));
        total.GetProperty("link").GetString().ShouldBe($"/Reporting/Oda?Year={LastYear}");
    }

    [Fact]
    public async Task A_disbursement_recorded_for_last_year_is_in_the_kept_lines_at_once()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<decimal> ListedAsync() =>
            Sum((await api.GetFromJsonAsync<JsonElement>($"/api/v1/oda?year={LastYear}&pageSize=200")).GetProperty("items"), "eligible");
        var before = await ListedAsync();
        (await ListedAsync()).ShouldBe(before);

        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Oda == OdaEligibility.Eligible).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            db.ProjectTransactions.Add(new ProjectTransaction
            {
                ProjectId = project, Kind = TransactionKind.Disbursement, Date = new DateOnly(LastYear, 7, 1), Amount = 12_345m, Currency = "EUR",
                Rate = 1m, EuroValue = 12_345m, Provider = "Direction de la coopération", Receiver = "Partenaire",
            });
            return await db.SaveChangesAsync();
        });

        var after = await ListedAsync();
        after.ShouldBe(before + 12_345m, 1m);
        after.ShouldBe((await SumsAsync(null)).Eligible, 1m);
    }

    [Fact]
    public async Task A_desk_officer_sees_the_ODA_of_her_zones_only()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var items = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/oda?year={LastYear}&pageSize=200")).GetProperty("items");
        items.GetArrayLength().ShouldBeGreaterThan(0);
        items.EnumerateArray().Select(i => i.GetProperty("zone").GetString()).Distinct().ShouldBe(["AFS"]);
        Sum(items, "odaTotal").ShouldBe((await SumsAsync("AFS")).OdaTotal, 1m);

        (await api.GetAsync($"/api/v1/oda?year={LastYear}&zone=MOY")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.CooperantSenegal)).GetAsync($"/api/v1/oda?year={LastYear}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noYear = await api.GetAsync("/api/v1/oda");
        noYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noYear.ErrorsAsync())["year"][0].ShouldBe("Le champ « Année » est obligatoire.");

        // The page: her zone's lines, the year's totals, and the export of the same lines.
        var browser = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = await HtmlAsync(browser, $"/Reporting/Oda?Year={LastYear}");
        html.ShouldContain("Aide publique au développement");
        html.ShouldContain("data-testid=\"oda-AFS-");
        html.ShouldNotContain("data-testid=\"oda-MOY-");
        html.ShouldContain("data-testid=\"oda-total\"");
        var csv = await browser.GetStringAsync($"/Reporting/Oda?Year={LastYear}&handler=Export&format=csv");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(items.GetArrayLength() + 1);
    }
}
