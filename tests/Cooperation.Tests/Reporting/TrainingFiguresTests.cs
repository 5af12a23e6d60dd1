using ClosedXML.Excel;
using Cooperation.Tests.Schools.Import;

namespace Cooperation.Tests.Reporting;

public class TrainingFiguresTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static int LastYear => DateTime.Now.Year - 1;

    /// <summary>A session of its own at a school, starting on the day given, with trainees: (gender, status) each.</summary>
    private Task<int> SessionWithTraineesAsync(string school, DateOnly start, int capacity, SessionStatus status, params (Gender Gender, NominationStatus Status)[] trainees) =>
        factory.WithDbAsync(async db =>
        {
            var sessionId = (await factory.SessionAsync(school: school, status: status, start: start, capacity: capacity)).Id;
            var ci = await db.Countries.Where(c => c.Iso2 == "CI").Select(c => c.Id).SingleAsync();
            var arm = await db.Administrations.Where(a => a.Code == "ARM").Select(a => a.Id).SingleAsync();
            var suffix = TestData.Unique(6);
            var i = 0;
            foreach (var (gender, nominationStatus) in trainees)
            {
                var trainee = new Trainee
                {
                    FirstName = $"Test{i}", LastName = $"Figures-{suffix}", NormalizedName = Trainee.Normalize($"Test{i}", $"Figures-{suffix}"),
                    BirthDate = new DateOnly(1980, 1, 1).AddDays(i++), Gender = gender, NationalityId = ci, AdministrationId = arm,
                };
                db.Nominations.Add(new Nomination
                {
                    SessionId = sessionId, Trainee = trainee, CountryId = ci, Status = nominationStatus, Screening = ScreeningStatus.Cleared,
                    SubmittedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-30),
                });
            }
            await db.SaveChangesAsync();
            return sessionId;
        });

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
    public async Task Last_year_figures_move_when_an_enrolment_is_accepted()
    {
        var before = await FiguresAsync();
        before.GetProperty("lastYear").GetInt32().ShouldBe(LastYear);

        await SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 5, 4), 20, SessionStatus.Completed,
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

        await SessionWithTraineesAsync("EMPABB", new DateOnly(DateTime.Now.Year, 1, 2), 10, SessionStatus.Closed, (Gender.Female, NominationStatus.Accepted));
        await SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 6, 1), 10, SessionStatus.Cancelled, (Gender.Female, NominationStatus.Accepted));
        await SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear - 1, 12, 31), 10, SessionStatus.Completed, (Gender.Female, NominationStatus.Accepted));

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
    public async Task The_steering_page_shows_the_tables_filtered_by_school_and_year()
    {
        // A year long before the demo data's ten years: the tables hold this test's session only.
        var year = DateTime.Now.Year - 30;
        await SessionWithTraineesAsync("CPADD", new DateOnly(year, 3, 3), 4, SessionStatus.Completed,
            (Gender.Female, NominationStatus.Accepted), (Gender.Male, NominationStatus.Accepted), (Gender.Female, NominationStatus.Accepted));
        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);

        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Reporting/Training?School=CPADD&Year={year}"));

        html.ShouldContain("data-testid=\"by-year\"");
        html.ShouldContain($"data-testid=\"by-year-{year - 9}\"");
        html.ShouldContain("data-testid=\"by-school-CPADD\"");
        html.ShouldNotContain("data-testid=\"by-school-EMPABB\"");
        html.ShouldContain("data-testid=\"by-nationality-CI\"");
        html.ShouldContain("data-testid=\"by-administration-ARM\"");
        html.ShouldContain("data-testid=\"by-domain-");
        html.ShouldContain("data-testid=\"year-trainees\">3<");
        html.ShouldContain("data-testid=\"year-women-share\">66,7 %<");
        html.ShouldContain("data-testid=\"year-fill-rate\">75 %<");
        html.ShouldContain("class=\"coop-bar\" style=\"width:100%\"");
    }

    [Fact]
    public async Task The_steering_figures_export_to_Excel_and_CSV()
    {
        var page = await factory.PageClientAsync(DemoAccounts.Auditor, "en");

        var xlsx = await page.GetAsync("/Reporting/Training?handler=Export&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        workbook.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString())
            .ShouldBe(["Table", "Code", "Name", "Sessions", "Seats offered", "Accepted enrolments", "Trainees", "Women", "Share of women", "Fill rate"]);
        workbook.Worksheet(1).Column(1).CellsUsed().Count(c => c.GetString() == "By year").ShouldBe(10);

        var csv = await page.GetStringAsync("/Reporting/Training?handler=Export&format=csv");
        csv.ShouldContain("Table;Code;Name;Sessions");
    }

    [Fact]
    public async Task The_steering_page_is_for_headquarters()
    {
        foreach (var account in new[] { DemoAccounts.Admin, DemoAccounts.Director, DemoAccounts.DeskAfrica, DemoAccounts.Auditor })
            (await (await factory.PageClientAsync(account)).GetAsync("/Reporting/Training")).StatusCode.ShouldBe(HttpStatusCode.OK, account);
        foreach (var account in new[] { DemoAccounts.CooperantSenegal, DemoAccounts.LiaisonCi })
        {
            var response = await (await factory.PageClientAsync(account)).GetAsync("/Reporting/Training");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, account);
            response.Headers.Location!.ToString().ShouldContain("/Account/Denied");
        }
    }

    [Fact]
    public async Task The_dashboard_shows_last_year_trainees_and_women_share()
    {
        var figures = await FiguresAsync();
        var html = WebUtility.HtmlDecode(await (await factory.PageClientAsync(DemoAccounts.Director)).GetStringAsync("/"));

        html.ShouldContain($"data-testid=\"fig-trainees\">{figures.GetProperty("traineesLastYear").GetInt32()}<");
        html.ShouldContain("data-testid=\"fig-women-share\">");
        html.ShouldContain($"stagiaires formés en {LastYear}");
        html.ShouldContain("href=\"/Reporting/Training\"");
    }
}
