using ClosedXML.Excel;
using Cooperation.Web.Features.Shared;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Headcounts;

public class HeadcountsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Headcounts_add_up_to_the_coopérants_in_post_and_a_coopérant_sees_his_country_only()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var counts = await director.GetFromJsonAsync<JsonElement>("/api/v1/headcounts");
        var figures = await director.GetFromJsonAsync<JsonElement>("/api/v1/figures");

        var total = counts.GetProperty("total").GetInt32();
        total.ShouldBe(figures.GetProperty("activeCooperants").GetInt32());
        foreach (var table in new[] { "byAdministration", "byZone", "byDestination" })
            counts.GetProperty(table).EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()).ShouldBe(total);
        counts.GetProperty("byAdministration").EnumerateArray().Select(l => l.GetProperty("code").GetString()).Order()
            .ShouldBe(["ARM", "ECO", "INT", "JUS"]);
        counts.GetProperty("byDestination").EnumerateArray()
            .ShouldContain(d => d.GetProperty("kind").GetString() == "organisation" && d.GetProperty("code").GetString() == "ONU");

        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var own = await cooperant.GetFromJsonAsync<JsonElement>("/api/v1/headcounts");
        var destinations = own.GetProperty("byDestination").EnumerateArray().ToList();
        destinations.Count.ShouldBe(1);
        destinations[0].GetProperty("code").GetString().ShouldBe("SN");
        own.GetProperty("total").GetInt32().ShouldBe(destinations[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Headcounts_show_three_tables_to_every_role_a_coopérant_seeing_his_country_only()
    {
        var director = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await director.GetStringAsync("/Network/Headcounts");
        html.ShouldContain("data-testid=\"by-administration\"");
        html.ShouldContain("data-testid=\"by-zone\"");
        html.ShouldContain("data-testid=\"by-destination\"");
        html.ShouldContain("data-testid=\"destination-SN\"");
        html.ShouldContain("data-testid=\"destination-LB\"");
        html.ShouldContain("data-testid=\"zone-ORG\"");

        var cooperant = await factory.PageClientAsync(DemoAccounts.CooperantSenegal);
        var own = await cooperant.GetStringAsync("/Network/Headcounts");
        own.ShouldContain("data-testid=\"destination-SN\"");
        own.ShouldNotContain("data-testid=\"destination-LB\"");

        var xlsx = await director.GetAsync("/Network/Headcounts?handler=Export&format=xlsx");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        // One table a sheet; counts are numbers with a thousands format.
        workbook.Worksheets.Select(w => w.Name).ShouldBe(["Administration d'origine", "Zone", "Pays", "Organisation"]);
        var sheet = workbook.Worksheet("Pays");
        sheet.Cell(1, 3).GetString().ShouldBe("Coopérants en poste");
        sheet.Cell(2, 3).DataType.ShouldBe(XLDataType.Number);
        sheet.Cell(2, 3).Style.NumberFormat.Format.ShouldBe("#,##0");
    }
}
