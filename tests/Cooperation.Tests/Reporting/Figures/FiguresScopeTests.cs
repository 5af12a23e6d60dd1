using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Figures;

/// <summary>The key figures are those of the user's scope: the same numbers as the lists he can open.</summary>
public class FiguresScopeTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static async Task<int> TotalAsync(HttpClient api, string list) => (await api.GetFromJsonAsync<JsonElement>(list)).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_coopérant_counts_the_network_of_his_country_as_his_lists_show_it()
    {
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);

        var figures = await cooperant.GetFromJsonAsync<JsonElement>("/api/v1/figures");
        var html = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.CooperantSenegal), "/");

        var active = await TotalAsync(cooperant, "/api/v1/cooperants?status=active");
        active.ShouldBeInRange(1, 311);
        figures.GetProperty("activeCooperants").GetInt32().ShouldBe(active);
        figures.GetProperty("openVacancies").GetInt32().ShouldBe(await TotalAsync(cooperant, "/api/v1/vacancies"));
        figures.GetProperty("postingCountries").GetInt32().ShouldBe(1);
        figures.GetProperty("regionalSchools").GetInt32().ShouldBe(await TotalAsync(cooperant, "/api/v1/schools"));
        figures.GetProperty("traineesLastYear").GetInt32().ShouldBe(0);
        // His home page shows his country's network, counted as his list counts it.
        html.ShouldContain($"data-testid=\"home-colleagues\"><strong>{active}</strong>");
    }

    [Fact]
    public async Task A_liaison_officer_counts_his_countrys_trainees_and_no_coopérant()
    {
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var (from, to) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var ivorians = await factory.WithDbAsync(db => db.Nominations
            .Where(n => n.Country!.Iso2 == "CI" && n.Status == NominationStatus.Accepted && n.Session!.Status != SessionStatus.Cancelled
                        && n.Session.StartDate >= from && n.Session.StartDate <= to)
            .Select(n => n.TraineeId).Distinct().CountAsync());

        var figures = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/figures");

        figures.GetProperty("activeCooperants").GetInt32().ShouldBe(0);
        (await TotalAsync(liaison, "/api/v1/cooperants")).ShouldBe(0);
        figures.GetProperty("openVacancies").GetInt32().ShouldBe(0);
        ivorians.ShouldBeGreaterThan(0);
        figures.GetProperty("traineesLastYear").GetInt32().ShouldBe(ivorians);
    }

    [Fact]
    public async Task A_school_director_counts_the_sessions_of_his_school()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var (from, to) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var sessions = await factory.WithDbAsync(db => db.CourseSessions
            .CountAsync(s => s.Course!.School!.Acronym == "EMPABB" && s.Status != SessionStatus.Cancelled && s.StartDate >= from && s.StartDate <= to));
        var all = await factory.WithDbAsync(db => db.CourseSessions
            .CountAsync(s => s.Status != SessionStatus.Cancelled && s.StartDate >= from && s.StartDate <= to));

        var figures = await director.GetFromJsonAsync<JsonElement>("/api/v1/figures");

        sessions.ShouldBeInRange(1, all - 1);
        figures.GetProperty("sessionsLastYear").GetInt32().ShouldBe(sessions);
        figures.GetProperty("activeCooperants").GetInt32().ShouldBe(0);
    }
}
