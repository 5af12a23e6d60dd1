using static Cooperation.Tests.Reporting.ReportingTestData;

namespace Cooperation.Tests.Reporting.Jobs;

/// <summary>
/// Report jobs outlive the instance that took them: one asked on an instance that stops before running it, or stopped
/// while running it, is done by the next instance on the same database; with two instances on one database, each job
/// runs once. Each test has its database, owned by a first instance that runs no job (it only holds the database).
/// </summary>
public class ReportJobRestartTests
{
    [Fact]
    public async Task A_job_asked_on_an_instance_that_stops_before_running_it_is_done_by_the_next()
    {
        using var owner = new JoblessFactory();
        int id;
        using (var first = new InstanceOf(owner, runsJobs: false))
        {
            var api = await first.ApiClientAsync(DemoAccounts.Director);
            id = (await api.RequestJobAsync("annual-pdf", LastYear)).Id();
            await Task.Delay(1500);
            (await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/jobs/{id}")).GetProperty("status").GetString().ShouldBe("queued");
        }

        using var next = new InstanceOf(owner);
        var job = await (await next.ApiClientAsync(DemoAccounts.Director)).FinishedAsync(id);
        job.GetProperty("status").GetString().ShouldBe("done", job.ToString());
        job.GetProperty("runs").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_job_asked_before_the_scheduler_began_after_the_start_is_done_once_it_begins()
    {
        using var owner = new JoblessFactory();
        using var late = new InstanceOf(owner, settings: b => b.UseSetting("Start:DeferredWorkSeconds", "10"));
        _ = late.Server;
        var started = DateTime.UtcNow;
        var api = await late.ApiClientAsync(DemoAccounts.Director);
        var id = (await api.RequestJobAsync("annual-pdf", LastYear)).Id();
        await Task.Delay(2000);
        // Within the delay the job waits (a scheduler at work takes it within a second: Jobs:IdleWaitSeconds); the check
        // is made only if this machine was quick enough to make it within the delay.
        var status = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/jobs/{id}")).GetProperty("status").GetString();
        if (DateTime.UtcNow - started < TimeSpan.FromSeconds(9)) status.ShouldBe("queued");
        var job = await api.FinishedAsync(id);
        job.GetProperty("status").GetString().ShouldBe("done", job.ToString());
        job.GetProperty("runs").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_job_stopped_while_it_runs_runs_again_on_the_next_instance()
    {
        using var owner = new JoblessFactory();
        int id;
        // The first instance takes a quarter of a second more over each year of the series, so that it is stopped while
        // it runs however fast the figures are counted.
        using (var first = new InstanceOf(owner, services: SlowYears.Register))
        {
            var api = await first.ApiClientAsync(DemoAccounts.Director);
            id = (await api.RequestJobAsync("series", LastYear)).Id();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var now = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/jobs/{id}");
                if (now.GetProperty("status").GetString() == "running" && now.GetProperty("percent").GetInt32() > 0) break;
                now.GetProperty("status").GetString().ShouldBeOneOf("queued", "running");
                DateTime.UtcNow.ShouldBeLessThan(until);
                await Task.Delay(50);
            }
        }
        var stopped = await owner.WithDbAsync(db => db.ReportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        stopped.Status.ShouldBe(ReportJobStatus.Running);
        stopped.ResultFileId.ShouldBeNull();

        using var next = new InstanceOf(owner);
        var job = await (await next.ApiClientAsync(DemoAccounts.Director)).FinishedAsync(id);
        job.GetProperty("status").GetString().ShouldBe("done", job.ToString());
        job.GetProperty("runs").GetInt32().ShouldBe(2);
        job.GetProperty("fileName").GetString().ShouldBe($"serie-{LastYear - 9}-{LastYear}-fr.xlsx");
    }

    /// <summary>
    /// On PostgreSQL, two instances of a cluster take the jobs asked on either, and each job runs once. SQLite is the
    /// one-instance deployment (Quartz refuses to cluster on it): there, the one instance runs each job once.
    /// </summary>
    [Fact]
    public async Task Two_instances_on_one_database_run_each_job_once()
    {
        using var owner = new CooperationFactory();
        using var second = owner.OnPostgres ? new InstanceOf(owner) : null;
        var apis = new List<HttpClient> { await owner.ApiClientAsync(DemoAccounts.Director) };
        if (second is not null) apis.Add(await second.ApiClientAsync(DemoAccounts.Director));
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
            ids.Add((await apis[i % apis.Count].RequestJobAsync(i % 4 == 3 ? "annual-docx" : "annual-pdf", LastYear - i % 4)).Id());
        foreach (var id in ids)
        {
            var job = await apis[0].FinishedAsync(id, seconds: 240);
            job.GetProperty("status").GetString().ShouldBe("done", job.ToString());
        }
        var runs = await owner.WithDbAsync(db => db.ReportJobs.Where(j => ids.Contains(j.Id)).Select(j => j.Runs).ToListAsync());
        runs.Count.ShouldBe(ids.Count);
        runs.ShouldAllBe(r => r == 1);
        if (second is null) return;
        // Both instances are members of the cluster, checking in.
        var instances = await owner.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync());
        instances.Distinct().Count().ShouldBe(2);
    }
}
