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
        await factory.WithDbAsync(async db =>
        {
            var id = await db.Projects.Where(p => p.Status == ProjectStatus.Approved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            await using var connection = (DbConnection)Activator.CreateInstance(db.Database.GetDbConnection().GetType(), db.Database.GetConnectionString())!;
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE \"Projects\" SET \"Status\" = {(int)ProjectStatus.Running} WHERE \"Id\" = {id}";
            return await command.ExecuteNonQueryAsync();
        });

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        (await director.GetFromJsonAsync<JsonElement>("/api/v1/figures")).GetProperty("projectsRunning").GetInt32().ShouldBe(running + 1);
    }
}
