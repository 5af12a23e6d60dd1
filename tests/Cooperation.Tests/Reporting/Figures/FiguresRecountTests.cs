using System.Data.Common;
using System.Security.Claims;
using Cooperation.Web.Features.Reporting.Figures;
using Cooperation.Web.Features.Reporting.Training;
using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Figures;

/// <summary>
/// The aggregates are counted once and kept (<see cref="FigureCache"/>) until a write: after writes, what the dashboard's
/// API and the steering page's use case answer equals a full recount of the data.
/// </summary>
public class FiguresRecountTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task After_writes_the_dashboard_figures_equal_a_full_recount_in_every_scope()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var before = await director.GetStringAsync("/api/v1/figures");
        (await director.GetStringAsync("/api/v1/figures")).ShouldBe(before);
        await desk.GetStringAsync("/api/v1/figures");

        // Writes: a session of last year with accepted trainees (the training figures), a project set running.
        await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 6, 2), 5, SessionStatus.Completed,
            (Gender.Female, NominationStatus.Accepted), (Gender.Female, NominationStatus.Accepted), (Gender.Male, NominationStatus.Refused));
        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Status == ProjectStatus.Approved).OrderBy(p => p.Id).FirstAsync();
            project.Status = ProjectStatus.Running;
            return await db.SaveChangesAsync();
        });

        var after = await director.GetFromJsonAsync<JsonElement>("/api/v1/figures");
        after.GetProperty("traineesLastYear").GetInt32().ShouldBe(JsonDocument.Parse(before).RootElement.GetProperty("traineesLastYear").GetInt32() + 2);
        after.GetProperty("projectsRunning").GetInt32().ShouldBe(JsonDocument.Parse(before).RootElement.GetProperty("projectsRunning").GetInt32() + 1);
        after.GetRawText().ShouldBe(await RecountAsync(await DirectorAsync()));
        (await desk.GetFromJsonAsync<JsonElement>("/api/v1/figures")).GetRawText().ShouldBe(await RecountAsync(await DeskAfricaAsync()));
    }

    [Fact]
    public async Task After_a_write_the_steering_figures_equal_a_full_recount()
    {
        var year = Today.Year - 25;
        var query = new ComputeTrainingFigures.Query(null, "CPADD", year);
        var first = await TrainingFiguresAsync(query, recount: false);
        first.Total.Trainees.ShouldBe(0);

        await factory.SessionWithTraineesAsync("CPADD", new DateOnly(year, 4, 7), 4, SessionStatus.Completed,
            (Gender.Female, NominationStatus.Accepted), (Gender.Male, NominationStatus.Accepted));

        var served = await TrainingFiguresAsync(query, recount: false);
        served.Total.Trainees.ShouldBe(2);
        JsonSerializer.Serialize(served, Json).ShouldBe(JsonSerializer.Serialize(await TrainingFiguresAsync(query, recount: true), Json));
    }

    [Fact]
    public async Task After_a_write_of_this_year_and_one_of_last_year_the_dashboard_s_years_equal_a_count_of_the_tables()
    {
        var thisYear = Today.Year;
        var current = await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(thisYear, 1, 5), 5, SessionStatus.Completed, (Gender.Female, NominationStatus.Refused));
        var past = await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 3, 9), 5, SessionStatus.Completed, (Gender.Male, NominationStatus.Refused));
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        async Task<(decimal Last, decimal This)> ServedAsync()
        {
            var table = (await director.GetFromJsonAsync<JsonElement>($"/api/v1/reports/dashboard?year={thisYear}")).GetProperty("charts").EnumerateArray()
                .Single(c => c.GetProperty("code").GetString() == "traineesByYear").GetProperty("table");
            decimal Of(int year) => table.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == year.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .GetProperty("values")[0].GetDecimal();
            return (Of(LastYear), Of(thisYear));
        }
        async Task<(decimal Last, decimal This)> CountedAsync() => (await factory.AcceptedTraineesAsync(LastYear), await factory.AcceptedTraineesAsync(thisYear));
        Task AcceptAsync(int session) => factory.WithDbAsync(async db =>
        {
            (await db.Nominations.SingleAsync(n => n.SessionId == session)).Status = NominationStatus.Accepted;
            return await db.SaveChangesAsync();
        });
        var before = await ServedAsync();
        before.ShouldBe(await CountedAsync());

        // A write of this year only: the past years stay counted, this one is counted again.
        await AcceptAsync(current);
        var afterThisYear = await ServedAsync();
        afterThisYear.ShouldBe((before.Last, before.This + 1));
        afterThisYear.ShouldBe(await CountedAsync());

        // A write of last year: the past years are counted again.
        await AcceptAsync(past);
        var afterLastYear = await ServedAsync();
        afterLastYear.ShouldBe((before.Last + 1, before.This + 1));
        afterLastYear.ShouldBe(await CountedAsync());
    }

    [Fact]
    public async Task A_save_leaves_the_past_years_counted_only_when_all_its_records_lie_in_this_year_or_later()
    {
        var thisYear = Today.Year;
        var current = await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(thisYear, 1, 6), 5, SessionStatus.Completed, (Gender.Female, NominationStatus.Refused));
        var past = await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 3, 10), 5, SessionStatus.Completed, (Gender.Male, NominationStatus.Refused));
        async Task<bool> LeavesPastYearsAsync(Func<CooperationDbContext, Task> change) => await factory.WithDbAsync(async db =>
        {
            await change(db);
            db.ChangeTracker.DetectChanges();
            return await LockedPeriods.LeavesPastYearsAsync(db, thisYear, CancellationToken.None);
        });

        (await LeavesPastYearsAsync(async db => (await db.Nominations.SingleAsync(n => n.SessionId == current)).Status = NominationStatus.Accepted)).ShouldBeTrue();
        (await LeavesPastYearsAsync(async db => (await db.Nominations.SingleAsync(n => n.SessionId == past)).Status = NominationStatus.Accepted)).ShouldBeFalse();
        // A session moved from last year into this one changes last year too.
        (await LeavesPastYearsAsync(async db => (await db.CourseSessions.SingleAsync(s => s.Id == past)).StartDate = new DateOnly(thisYear, 3, 10))).ShouldBeFalse();
        // An account is counted in no year (a failed sign-in counts on its user).
        (await LeavesPastYearsAsync(async db => (await db.Users.FirstAsync(u => u.Email == DemoAccounts.DeskAfrica)).AccessFailedCount++)).ShouldBeTrue();
        // A trainee may be counted in any year.
        (await LeavesPastYearsAsync(async db =>
        {
            (await db.Nominations.SingleAsync(n => n.SessionId == current)).Status = NominationStatus.Accepted;
            (await db.Trainees.FirstAsync()).FirstName += "x";
        })).ShouldBeFalse();
    }

    /// <summary>The director's figures and a desk officer's, counted afresh from the data, as the API writes them.</summary>
    private async Task<string> RecountAsync(ClaimsPrincipal user)
    {
        using var scope = factory.Services.CreateScope();
        var access = new Access(user, scope.ServiceProvider.GetRequiredService<CooperationDbContext>(), TimeProvider.System);
        var missions = ActivatorUtilities.CreateInstance<Cooperation.Web.Features.Missions.MissionFigures>(scope.ServiceProvider, access);
        var programmes = ActivatorUtilities.CreateInstance<Cooperation.Web.Features.Programmes.FollowUp.ProgrammeFigures>(scope.ServiceProvider, access);
        var compute = ActivatorUtilities.CreateInstance<ComputeFigures>(scope.ServiceProvider, access, missions, programmes);
        return JsonSerializer.Serialize(await compute.CountAsync(Today), Json);
    }

    private async Task<TrainingFigures> TrainingFiguresAsync(ComputeTrainingFigures.Query query, bool recount)
    {
        using var scope = factory.Services.CreateScope();
        var access = new Access(await DirectorAsync(), scope.ServiceProvider.GetRequiredService<CooperationDbContext>(), TimeProvider.System);
        var compute = ActivatorUtilities.CreateInstance<ComputeTrainingFigures>(scope.ServiceProvider, access);
        return recount ? await compute.CountAsync(query) : await compute.HandleAsync(query);
    }

    private static Task<ClaimsPrincipal> DirectorAsync() =>
        Task.FromResult(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Director)], "test")));

    private async Task<ClaimsPrincipal> DeskAfricaAsync()
    {
        var zones = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.DeskAfrica).SelectMany(u => u.Zones.Select(z => z.ZoneId)).ToListAsync());
        return new ClaimsPrincipal(new ClaimsIdentity(
            zones.Select(z => new Claim(ScopeClaims.Zone, z.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new Claim(ClaimTypes.Role, Roles.DeskOfficer)), "test"));
    }
}

/// <summary>An instance whose figures are kept one second at most.</summary>
public sealed class ShortLivedFiguresFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Figures:MaxAgeSeconds", "1");
    }
}

/// <summary>A write this instance does not see (another instance's, on the same database) shows within Figures:MaxAgeSeconds.</summary>
public class FiguresStalenessTests(ShortLivedFiguresFactory factory) : IClassFixture<ShortLivedFiguresFactory>
{
    [Fact]
    public async Task Another_instance_s_write_shows_once_the_figures_are_older_than_the_configured_age()
    {
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var running = (await director.GetFromJsonAsync<JsonElement>("/api/v1/figures")).GetProperty("projectsRunning").GetInt32();

        // Written on a connection of its own, beside the application: as another instance would.
        var id = await factory.WithDbAsync(db => db.Projects.Where(p => p.Status == ProjectStatus.Approved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await Beside.ExecuteAsync(factory, $"UPDATE \"Projects\" SET \"Status\" = {(int)ProjectStatus.Running} WHERE \"Id\" = {id}");

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        (await director.GetFromJsonAsync<JsonElement>("/api/v1/figures")).GetProperty("projectsRunning").GetInt32().ShouldBe(running + 1);
    }
}

/// <summary>
/// An instance whose figures are kept four seconds at most, and which knows of writes only through the shared row
/// (<see cref="SharedGenerations"/>): the writes of the other tests of this process, on other databases, do not
/// reach its figures, so that what it shows follows the row alone.
/// </summary>
public sealed class HeardFiguresFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Figures:MaxAgeSeconds", "4");
        FiguresFollow(builder, sp =>
        {
            var shared = sp.GetRequiredService<SharedGenerations>();
            return (() => shared.Foreign, () => shared.ForeignPast);
        });
    }
}

/// <summary>
/// The instances on one database tell each other of their writes through one row: a write of the application adds to
/// it, and a change of it made elsewhere has the figures counted again, at once; while it is heard, the figures of past
/// years are kept past their age.
/// </summary>
public class SharedGenerationsTests(HeardFiguresFactory factory) : IClassFixture<HeardFiguresFactory>
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task A_write_of_the_application_is_added_to_the_shared_row()
    {
        var (writes, pastWrites) = await RowAsync();
        // A past year's write: a mission of an earlier year renamed.
        await factory.WithDbAsync(async db =>
        {
            var mission = await db.Missions.Where(m => (m.ActualEndDate ?? m.PlannedEndDate) < new DateOnly(LastYear, 1, 1)).OrderBy(m => m.Id).FirstAsync();
            mission.Subject += " (révisée)";
            return await db.SaveChangesAsync();
        });

        await Eventually(async () => (await RowAsync()) is var row && row.Writes > writes && row.PastWrites > pastWrites);
    }

    [Fact]
    public async Task A_request_that_writes_nothing_leaves_the_row_and_the_figures_as_they_were()
    {
        var shared = factory.Services.GetRequiredService<SharedGenerations>();
        await Eventually(() => Task.FromResult(shared.HeardAt is not null));
        // The upkeep just after the start may still write: the row first stays the same for two seconds.
        var before = await RowAsync();
        await Eventually(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = await RowAsync();
            (var stable, before) = (now == before, now);
            return stable;
        }, seconds: 30);
        var heard = (shared.Foreign, shared.ForeignPast);

        // The health check sends a statement of its own (SELECT 1): no data changes.
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 5; i++) (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        (await RowAsync()).ShouldBe(before);
        (shared.Foreign, shared.ForeignPast).ShouldBe(heard);
    }

    [Fact]
    public async Task Another_instance_s_write_to_a_past_year_shows_once_it_is_in_the_row_and_not_at_the_figures_age()
    {
        var shared = factory.Services.GetRequiredService<SharedGenerations>();
        await Eventually(() => Task.FromResult(shared.HeardAt is not null));
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var missions = await MissionsOfLastYearAsync(director);

        // Another instance's write, on a connection of its own: a mission of an earlier year moved into last year.
        var id = await factory.WithDbAsync(db => db.Missions
            .Where(m => (m.ActualEndDate ?? m.PlannedEndDate) < new DateOnly(LastYear, 1, 1)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        await ExecuteAsync($"""UPDATE "Missions" SET "PlannedStartDate" = '{LastYear}-06-01', "PlannedEndDate" = '{LastYear}-06-10', "ActualStartDate" = NULL, "ActualEndDate" = NULL WHERE "Id" = {id}""");

        // Not in the row: past the figures' age (4 s), last year's are still those counted, the row being heard.
        await Task.Delay(TimeSpan.FromSeconds(5));
        shared.HeardWithin(TimeSpan.FromSeconds(4), DateTime.UtcNow).ShouldBeTrue();
        (await MissionsOfLastYearAsync(director)).ShouldBe(missions);

        // In the row, as that instance adds it after its write: counted again within a second or two.
        await ExecuteAsync("""UPDATE "DataGenerations" SET "Writes" = "Writes" + 1, "PastWrites" = "PastWrites" + 1 WHERE "Id" = 1""");
        await Eventually(async () => await MissionsOfLastYearAsync(director) == missions + 1);
    }

    private static async Task<decimal> MissionsOfLastYearAsync(HttpClient director)
    {
        var report = await director.GetFromJsonAsync<JsonElement>($"/api/v1/reports/annual/{LastYear}");
        return report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "missions")
            .GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "missions").GetProperty("value").GetDecimal();
    }

    private Task<(long Writes, long PastWrites)> RowAsync() =>
        factory.WithDbAsync(async db =>
        {
            await using var connection = Beside.NewConnection(db);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Writes", "PastWrites" FROM "DataGenerations" WHERE "Id" = 1""";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1));
        });

    private Task<int> ExecuteAsync(string sql) => Beside.ExecuteAsync(factory, sql);

    private static Task Eventually(Func<Task<bool>> condition, int seconds = 10) => Beside.Eventually(condition, seconds);
}

/// <summary>What the tests of the figures do beside the application: SQL on a connection of its own, as another instance would write; a wait for a condition.</summary>
internal static class Beside
{
    public static DbConnection NewConnection(CooperationDbContext db) =>
        (DbConnection)Activator.CreateInstance(db.Database.GetDbConnection().GetType(), db.Database.GetConnectionString())!;

    public static Task<int> ExecuteAsync(CooperationFactory factory, string sql) =>
        factory.WithDbAsync(async db =>
        {
            await using var connection = NewConnection(db);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        });

    public static async Task Eventually(Func<Task<bool>> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, $"not within {seconds} s");
            await Task.Delay(100);
        }
    }
}

/// <summary>An instance whose figures counted through <see cref="FigureCache.GetOrRecountAsync"/> are all counted again in the background after a write, however fast.</summary>
public sealed class BackgroundRecountFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Figures:BackgroundRecountAfterSeconds", "0");
    }
}

/// <summary>
/// The dashboard's years counted again in the background after a write, as at scale 100 where a year takes seconds to
/// count: the count made apart from the request is the user's, in his language, and what is served once it is done
/// equals a count of the tables.
/// </summary>
public class BackgroundRecountTests(BackgroundRecountFactory factory) : IClassFixture<BackgroundRecountFactory>
{
    private const string Dashboard = "/api/v1/reports/dashboard";

    [Fact]
    public async Task After_a_write_the_dashboard_counted_in_the_background_equals_a_new_instance_s_in_the_user_s_scope_and_language()
    {
        var past = await factory.SessionWithTraineesAsync("EMPABB", new DateOnly(LastYear, 3, 12), 5, SessionStatus.Completed, (Gender.Female, NominationStatus.Refused));
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        async Task<decimal> TraineesAsync() => (await director.GetFromJsonAsync<JsonElement>(Dashboard)).GetProperty("keyFigures").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "trainees").GetProperty("value").GetDecimal();
        var before = await TraineesAsync();
        before.ShouldBe(await factory.AcceptedTraineesAsync(LastYear));
        await desk.GetStringAsync(Dashboard);

        await factory.WithDbAsync(async db =>
        {
            (await db.Nominations.SingleAsync(n => n.SessionId == past)).Status = NominationStatus.Accepted;
            return await db.SaveChangesAsync();
        });

        await Beside.Eventually(async () => await TraineesAsync() == before + 1);
        (await TraineesAsync()).ShouldBe(await factory.AcceptedTraineesAsync(LastYear));

        // The desk officer's, counted apart from her request: what another instance counts for her from the tables.
        await using var other = new InstanceOf(factory, runsJobs: false);
        var counted = await (await other.ApiClientAsync(DemoAccounts.DeskAfrica, "en")).GetStringAsync(Dashboard);
        counted.ShouldContain("Trainees");
        await Beside.Eventually(async () => await desk.GetStringAsync(Dashboard) == counted);
    }

}
