using System.Text.RegularExpressions;
using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Dashboard;

/// <summary>
/// The dashboard of each role on the scale-1 demo data: its figures against counts made here from the tables (not
/// through the application's queries), the scope of each role on records of other zones, schools and countries, and the
/// page: an SVG chart with its data table, linked from the home page.
/// </summary>
public partial class DashboardTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private async Task<JsonElement> DashboardAsync(string account, string query = "")
    {
        var api = await factory.ApiClientAsync(account);
        var response = await api.GetAsync($"/api/v1/reports/dashboard{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Chart(JsonElement dashboard, string code) =>
        dashboard.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("table");

    private static IReadOnlyList<string> Charts(JsonElement dashboard) =>
        dashboard.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();

    /// <summary>The values of a chart's line (a year, a category), by the line's code.</summary>
    private static decimal[] Line(JsonElement table, string code) =>
        table.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code)
            .GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ToArray();

    private static decimal Key(JsonElement dashboard, string code) =>
        dashboard.GetProperty("keyFigures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();

    /// <summary>Distinct trainees accepted to the sessions that started in a year (not cancelled), women among them, counted here.</summary>
    private Task<(int Trainees, int Women)> TraineesAsync(int year, string? zone = null, string? school = null) => factory.WithDbAsync(async db =>
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var accepted = (await db.Nominations.Where(n => n.Status == NominationStatus.Accepted)
                .Select(n => new { n.TraineeId, n.Trainee!.Gender, n.Session!.StartDate, SessionStatus = n.Session.Status, Zone = n.Country!.Zone!.Code,
                    School = n.Session.Course!.School!.Acronym }).ToListAsync())
            .Where(n => n.StartDate >= first && n.StartDate <= last && n.SessionStatus != SessionStatus.Cancelled
                        && (zone is null || n.Zone == zone) && (school is null || n.School == school)).ToList();
        return (accepted.Select(a => a.TraineeId).Distinct().Count(), accepted.Where(a => a.Gender == Gender.Female).Select(a => a.TraineeId).Distinct().Count());
    });

    /// <summary>The euro value handed over in a year by equipment category, for a zone or a country, counted here.</summary>
    private Task<Dictionary<EquipmentCategory, decimal>> DonatedAsync(int year, string? zone = null, string? country = null) => factory.WithDbAsync(async db =>
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return (await db.DonationItems.Select(i => new
            {
                i.Category, i.EuroValue, i.Quantity, i.QuantityHandedOver, i.Donation!.HandedOverOn, i.Donation.Status,
                Zone = i.Donation.Country!.Zone!.Code, Country = i.Donation.Country.Iso2,
            }).ToListAsync())
            .Where(i => i.HandedOverOn >= first && i.HandedOverOn <= last && i.Status != DonationStatus.Cancelled
                        && (zone is null || i.Zone == zone) && (country is null || i.Country == country))
            .GroupBy(i => i.Category)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity == 0 ? 0 : Math.Round(i.EuroValue * (i.QuantityHandedOver ?? 0) / i.Quantity, 2, MidpointRounding.AwayFromZero)));
    });

    [Fact]
    public async Task The_directors_dashboard_counts_the_worlds_trainees_year_after_year_as_the_data_holds()
    {
        var dashboard = await DashboardAsync(DemoAccounts.Director);
        dashboard.GetProperty("year").GetInt32().ShouldBe(LastYear);
        dashboard.GetProperty("zone").ValueKind.ShouldBe(JsonValueKind.Null);
        Charts(dashboard).ShouldBe(["traineesByYear", "traineesByAdministration", "womenShareByYear", "budgetByYear", "donationsByCategory", "missionsByYear"]);

        var byYear = Chart(dashboard, "traineesByYear");
        byYear.GetProperty("lines").GetArrayLength().ShouldBe(5);
        foreach (var year in new[] { LastYear, LastYear - 1, LastYear - 4 })
        {
            var (trainees, women) = await TraineesAsync(year);
            trainees.ShouldBeGreaterThan(0);
            Line(byYear, year.ToString()).ShouldBe([trainees]);
            Line(Chart(dashboard, "womenShareByYear"), year.ToString()).ShouldBe([(decimal)Math.Round((double)women / trainees, 3)]);
        }
        var last = await TraineesAsync(LastYear);
        Key(dashboard, "trainees").ShouldBe(last.Trainees);
        var previous = dashboard.GetProperty("keyFigures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "trainees").GetProperty("previous").GetDecimal();
        previous.ShouldBe((await TraineesAsync(LastYear - 1)).Trainees);

        // Trainees by administration: the year's lines add up to no less than its trainees (a trainee has one administration).
        Chart(dashboard, "traineesByAdministration").GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("values")[0].GetDecimal()).ShouldBe(last.Trainees);

        var donated = await DonatedAsync(LastYear);
        var categories = Chart(dashboard, "donationsByCategory");
        foreach (var (category, value) in donated.Where(d => d.Value > 0))
            Line(categories, Cooperation.Web.Features.Projects.ProjectCodes.Of(category)).ShouldBe([value]);
        Key(dashboard, "donatedValue").ShouldBe(donated.Values.Sum());

        // The figures are the annual report's: its JSON says the same for the same year.
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var report = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/annual/{LastYear}");
        var projects = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "projects").GetProperty("figures");
        decimal Figure(string code) => projects.EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();
        Line(Chart(dashboard, "budgetByYear"), LastYear.ToString()).ShouldBe([Figure("budget"), Figure("committed"), Figure("disbursed")]);
        Figure("disbursed").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_desk_officers_charts_count_her_zone_and_not_another_ones()
    {
        var dashboard = await DashboardAsync(DemoAccounts.DeskAfrica);
        dashboard.GetProperty("zone").GetString().ShouldBe("AFS");
        var (trainees, _) = await TraineesAsync(LastYear, zone: "AFS");
        var world = await TraineesAsync(LastYear);
        trainees.ShouldBeGreaterThan(0);
        trainees.ShouldBeLessThan(world.Trainees);
        Line(Chart(dashboard, "traineesByYear"), LastYear.ToString()).ShouldBe([trainees]);

        var donated = await DonatedAsync(LastYear, zone: "AFS");
        Key(dashboard, "donatedValue").ShouldBe(donated.Values.Sum());
        donated.Values.Sum().ShouldBeLessThan((await DonatedAsync(LastYear)).Values.Sum());

        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await api.GetAsync("/api/v1/reports/dashboard?zone=MOY")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var refused = await page.GetAsync("/Reporting/Dashboard?Zone=MOY");
        refused.StatusCode.ShouldBe(HttpStatusCode.Found);
        refused.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task A_school_directors_dashboard_counts_his_school_only_and_shows_no_other_area()
    {
        var dashboard = await DashboardAsync(DemoAccounts.SchoolDirector);
        var (trainees, _) = await TraineesAsync(LastYear, school: "EMPABB");
        trainees.ShouldBeGreaterThan(0);
        trainees.ShouldBeLessThan((await TraineesAsync(LastYear)).Trainees);
        Line(Chart(dashboard, "traineesByYear"), LastYear.ToString()).ShouldBe([trainees]);
        Line(Chart(dashboard, "traineesByYear"), (LastYear - 2).ToString()).ShouldBe([(await TraineesAsync(LastYear - 2, school: "EMPABB")).Trainees]);
        dashboard.GetProperty("scopeName").GetString()!.ShouldStartWith("EMPABB");

        Charts(dashboard).ShouldBe(["traineesByYear", "traineesByAdministration", "womenShareByYear"]);
        dashboard.GetProperty("keyFigures").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ShouldBe(["trainees", "womenShare"]);

        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await api.GetAsync("/api/v1/reports/dashboard?zone=AFS")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_coopérants_dashboard_counts_his_country_and_refuses_a_zone()
    {
        var dashboard = await DashboardAsync(DemoAccounts.CooperantSenegal);
        var senegal = await DonatedAsync(LastYear, country: "SN");
        Key(dashboard, "donatedValue").ShouldBe(senegal.Values.Sum());
        var categories = Chart(dashboard, "donationsByCategory");
        categories.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("values")[0].GetDecimal()).ShouldBe(senegal.Values.Sum());
        senegal.Values.Sum().ShouldBeLessThan((await DonatedAsync(LastYear, zone: "AFS")).Values.Sum());
        dashboard.GetProperty("scopeName").GetString().ShouldBe("Sénégal");

        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await api.GetAsync("/api/v1/reports/dashboard?zone=AFS")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ApiClientAsync(DemoAccounts.LiaisonCi)).GetAsync("/api/v1/reports/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrong_year_is_refused_naming_the_year_in_the_users_language()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director, "en");
        var response = await api.GetAsync("/api/v1/reports/dashboard?year=1990");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("year")[0].GetString()!.ShouldContain("The year must be between 2000");
    }

    [GeneratedRegex("<svg class=\"coop-chart\"[^>]*>")]
    private static partial Regex ChartSvg();

    [Fact]
    public async Task The_page_draws_each_chart_as_svg_beside_its_table_and_the_home_page_links_to_it()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var home = await page.GetStringAsync("/");
        home.ShouldContain("href=\"/Reporting/Dashboard\"");

        var html = await page.GetStringAsync("/Reporting/Dashboard");
        ChartSvg().Matches(html).Count.ShouldBe(6);
        html.ShouldContain("role=\"img\" aria-labelledby=\"chart-traineesByYear-title\"");
        html.ShouldContain("data-testid=\"table-traineesByYear\"");
        var (trainees, _) = await TraineesAsync(LastYear);
        // The table beside the chart writes the figure as the page writes numbers (thin spaces between thousands).
        var row = Regex.Match(html, $"data-testid=\"table-traineesByYear\".*?data-testid=\"line-{LastYear}\">.*?<td class=\"coop-number\">([^<]+)</td>", RegexOptions.Singleline);
        row.Success.ShouldBeTrue();
        new string(WebUtility.HtmlDecode(row.Groups[1].Value).Where(char.IsDigit).ToArray()).ShouldBe(trainees.ToString());
        html.ShouldNotContain("style=\"");

        var english = await (await factory.PageClientAsync(DemoAccounts.SchoolDirector, "en")).GetStringAsync("/Reporting/Dashboard");
        english.ShouldContain("Figures and charts");
        english.ShouldContain("Trainees trained by year");
        ChartSvg().Matches(english).Count.ShouldBe(3);
        var liaison = await (await factory.PageClientAsync(DemoAccounts.LiaisonCi)).GetAsync("/Reporting/Dashboard");
        liaison.StatusCode.ShouldBe(HttpStatusCode.Found);
        liaison.Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }
}
