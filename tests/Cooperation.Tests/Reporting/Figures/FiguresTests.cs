using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Figures;

public class FiguresTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private async Task<JsonElement> FiguresAsync() =>
        await (await factory.ApiClientAsync(DemoAccounts.Director)).GetFromJsonAsync<JsonElement>("/api/v1/figures");

    /// <summary>Distinct women among last year's accepted trainees, counted independently of the application.</summary>
    private Task<(int Trainees, int Women, int Accepted, int Capacity)> LastYearCountsAsync() => factory.WithDbAsync(async db =>
    {
        var (from, to) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31));
        var accepted = await db.Nominations.Where(n => n.Status == NominationStatus.Accepted && n.Session!.Status != SessionStatus.Cancelled
                                                        && n.Session.StartDate >= from && n.Session.StartDate <= to)
            .Select(n => new { n.TraineeId, n.Trainee!.Gender }).ToListAsync();
        var capacity = await db.CourseSessions.Where(s => s.Status != SessionStatus.Cancelled && s.StartDate >= from && s.StartDate <= to).SumAsync(s => s.Capacity);
        return (accepted.Select(a => a.TraineeId).Distinct().Count(), accepted.Where(a => a.Gender == Gender.Female).Select(a => a.TraineeId).Distinct().Count(),
            accepted.Count, capacity);
    });

    [Fact]
    public async Task Figures_at_scale_1_are_those_of_the_directorate()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var figures = await api.GetFromJsonAsync<JsonElement>("/api/v1/figures");
        figures.GetProperty("activeCooperants").GetInt32().ShouldBe(312);
        figures.GetProperty("administrations").GetInt32().ShouldBe(4);
        figures.GetProperty("postingDestinations").GetInt32().ShouldBe(52);
        figures.GetProperty("regionalSchools").GetInt32().ShouldBe(20);
        figures.GetProperty("regionalSchoolCountries").GetInt32().ShouldBe(13);
    }

    [Fact]
    public async Task Figures_need_a_token()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/figures");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Dashboard_shows_the_figures_to_a_signed_in_user_and_sends_others_to_the_login_page()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/Account/Login");

        var page = await factory.PageClientAsync(DemoAccounts.Director);
        var html = await page.GetStringAsync("/");
        html.ShouldContain("data-testid=\"fig-cooperants\">312<");
    }

    [Fact]
    public async Task Last_year_figures_move_when_an_enrolment_is_accepted()
    {
        var before = await FiguresAsync();
        before.GetProperty("lastYear").GetInt32().ShouldBe(LastYear);

        await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 5, 4), 20, SessionStatus.Completed,
            (Gender.Female, NominationStatus.Accepted), (Gender.Male, NominationStatus.Submitted), (Gender.Male, NominationStatus.Refused));

        var after = await FiguresAsync();
        after.GetProperty("traineesLastYear").GetInt32().ShouldBe(before.GetProperty("traineesLastYear").GetInt32() + 1);
        after.GetProperty("sessionsLastYear").GetInt32().ShouldBe(before.GetProperty("sessionsLastYear").GetInt32() + 1);
        var (trainees, women, accepted, capacity) = await LastYearCountsAsync();
        after.GetProperty("traineesLastYear").GetInt32().ShouldBe(trainees);
        after.GetProperty("womenShareLastYear").GetDouble().ShouldBe(Math.Round((double)women / trainees, 3));
        after.GetProperty("fillRateLastYear").GetDouble().ShouldBe(Math.Round((double)accepted / capacity, 3));
    }

    [Fact]
    public async Task Sessions_of_this_year_and_cancelled_sessions_do_not_count_for_last_year()
    {
        var before = await FiguresAsync();

        await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(DateTime.Now.Year, 1, 2), 10, SessionStatus.Closed, (Gender.Female, NominationStatus.Accepted));
        await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 6, 1), 10, SessionStatus.Cancelled, (Gender.Female, NominationStatus.Accepted));
        await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear - 1, 12, 31), 10, SessionStatus.Completed, (Gender.Female, NominationStatus.Accepted));

        var after = await FiguresAsync();
        after.GetProperty("traineesLastYear").GetInt32().ShouldBe(before.GetProperty("traineesLastYear").GetInt32());
        after.GetProperty("sessionsLastYear").GetInt32().ShouldBe(before.GetProperty("sessionsLastYear").GetInt32());
    }

    [Fact]
    public async Task The_figures_document_says_last_year_is_the_previous_calendar_year()
    {
        var openapi = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        openapi.ShouldContain("previous calendar year");
        openapi.ShouldContain("/api/v1/imports/nominations");
    }

    [Fact]
    public async Task The_dashboard_shows_last_year_trainees_and_women_share()
    {
        var figures = await FiguresAsync();
        var html = await HtmlAsync(await factory.PageClientAsync(DemoAccounts.Director), "/");

        // Thousands separated as French writes them (2 616).
        html.ShouldContain($"data-testid=\"fig-trainees\">{figures.GetProperty("traineesLastYear").GetInt32().ToString("N0", new System.Globalization.CultureInfo("fr-FR"))}<");
        html.ShouldContain("data-testid=\"fig-women-share\">");
        html.ShouldContain($"stagiaires formés en {LastYear}");
        html.ShouldContain("href=\"/Reporting/Training\"");
    }
}
