namespace Cooperation.Tests.Reporting.Quality;

/// <summary>
/// Data quality on the scale-1 demo data: each rule's count against one made here, a record fixed or spoiled moving the
/// count, the desk officer's zones only, and the page with its links to the lists.
/// </summary>
public class QualityTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static JsonElement Line(JsonElement report, string zone, string rule) =>
        report.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zone").GetString() == zone)
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("rule").GetString() == rule);

    [Fact]
    public async Task The_counts_follow_the_data_and_a_desk_officer_reads_her_zones_only()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var report = await director.GetFromJsonAsync<JsonElement>("/api/v1/reports/quality");
        report.GetProperty("zones").GetArrayLength().ShouldBe(8);
        report.GetProperty("deskOfficers").GetArrayLength().ShouldBeGreaterThan(0);

        // Overdue recommendations and checks: the same as the lists that already count them.
        var today = Today;
        var (recommendations, checks, postings) = await factory.WithDbAsync(async db => (
            await db.Recommendations.CountAsync(r => r.Mission!.Country!.Zone!.Code == "AFS" && r.DueDate < today
                && (r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress)),
            await db.DonationChecks.CountAsync(c => c.Donation!.Country!.Zone!.Code == "AFS" && c.DueOn < today && c.CheckedOn == null),
            (await db.Postings.Where(p => p.Country!.Zone!.Code == "AFS").Select(p => new { p.StartDate, p.PlannedEndDate, p.ActualEndDate }).ToListAsync())
                .Count(p => p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today) && p.PlannedEndDate < today)));
        Line(report, "AFS", "recommendationsOverdue").GetProperty("problems").GetInt32().ShouldBe(recommendations);
        Line(report, "AFS", "checksOverdue").GetProperty("problems").GetInt32().ShouldBe(checks);
        Line(report, "AFS", "postingsPastPlannedEnd").GetProperty("problems").GetInt32().ShouldBe(postings);
        Line(report, "AFS", "recommendationsOverdue").GetProperty("link").GetString().ShouldBe("/Missions/Recommendations/Overdue?Zone=AFS");

        // A donation handed over loses its signed record: one more to fix, and the score does not rise.
        var before = Line(report, "AFS", "donationsWithoutHandoverDocument").GetProperty("problems").GetInt32();
        var score = report.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zone").GetString() == "AFS").GetProperty("score").GetInt32();
        await factory.WithDbAsync(async db => await db.Donations
            .Where(d => d.Country!.Zone!.Code == "AFS" && d.HandedOverOn != null && d.HandoverDocumentFileId != null).OrderBy(d => d.Id).Take(1)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.HandoverDocumentFileId, (int?)null)));
        var after = await director.GetFromJsonAsync<JsonElement>("/api/v1/reports/quality?zone=AFS");
        Line(after, "AFS", "donationsWithoutHandoverDocument").GetProperty("problems").GetInt32().ShouldBe(before + 1);
        after.GetProperty("zones")[0].GetProperty("score").GetInt32().ShouldBeLessThanOrEqualTo(score);
        after.GetProperty("zones")[0].TryGetProperty("trend", out _).ShouldBeTrue();

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var hers = await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/quality");
        hers.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("zone").GetString()).ShouldBe(["AFS"]);
        hers.GetProperty("deskOfficers").GetArrayLength().ShouldBe(0);
        (await desk.GetAsync("/api/v1/reports/quality?zone=MOY")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.CooperantSenegal)).GetAsync("/api/v1/reports/quality")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var html = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.DeskAfrica), "/Reporting/Quality");
        html.ShouldContain("Qualité des données");
        html.ShouldContain("data-testid=\"quality-AFS-checksOverdue\"");
        html.ShouldContain("href=\"/Donations?Zone=AFS&Overdue=true\"");
        html.ShouldNotContain("data-testid=\"quality-MOY\"");
    }
}
