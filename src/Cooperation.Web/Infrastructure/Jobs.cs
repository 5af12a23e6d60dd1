using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Quartz;

namespace Cooperation.Web.Infrastructure;

/// <summary>The background jobs' settings (section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this instance runs jobs (true). False: it records and schedules the jobs asked of it, which the other
    /// instances of the cluster run — a web-only instance, or one kept out of the jobs while it is looked at.
    /// </summary>
    public bool Run { get; set; } = true;

    /// <summary>How many jobs an instance runs at once.</summary>
    public int Threads { get; set; } = 2;
    /// <summary>How long the scheduler waits before looking again for work when it found none, in seconds (at least 1).</summary>
    public double IdleWaitSeconds { get; set; } = 10;
    /// <summary>How often an instance tells the others it is alive, in seconds.</summary>
    public double CheckinSeconds { get; set; } = 7.5;
    /// <summary>How long past a missed check-in the others wait before taking over an instance's interrupted jobs, in seconds.</summary>
    public double CheckinMisfireSeconds { get; set; } = 20;
    /// <summary>How long a finished report job and its file are kept, in days.</summary>
    public double KeepDays { get; set; } = 30;
    /// <summary>How often finished report jobs past <see cref="KeepDays"/> are purged, in hours.</summary>
    public double PurgeEveryHours { get; set; } = 6;
}

/// <summary>
/// The scheduler of background work: Quartz.NET with its persistent store (AdoJobStore) on the application's own
/// database — its QRTZ_ tables created by the <c>QuartzSchedulerAndReportJobs</c> migration — clustered on PostgreSQL, so that
/// with several instances on one database each firing runs on one instance only, and a job interrupted by a stop or a
/// crash (<c>RequestRecovery</c>) runs again on whichever instance is alive (on SQLite, the one-instance deployment, on
/// the next start). Jobs are serialised as JSON (Quartz 4's default).
/// The recurring jobs: <see cref="Features.Network.Postings.PostingEndJob"/> (daily, and once after each start) and
/// <see cref="Features.Reporting.Jobs.PurgeReportJobsJob"/>; the report jobs are scheduled one a request by
/// <see cref="Features.Reporting.Jobs.RequestReportJob"/>.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddCooperationJobs(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<JobOptions>().Bind(config.GetSection(JobOptions.Section));
        var options = config.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        var (postgres, connection) = Database.Connection(config, env);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // The cluster's name: every instance on the database shares it (its rows are this scheduler's).
                o.InstanceName = "Cooperation";
                o.IdleWaitTime = TimeSpan.FromSeconds(Math.Max(1, options.IdleWaitSeconds));
                // A stop asks the running jobs to stop; those that request recovery are handed back (below).
                o.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseDefaultThreadPool(Math.Max(1, options.Threads));
            q.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    store.UsePostgres(connection);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(options.CheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.CheckinMisfireSeconds);
                    });
                }
                else
                {
                    // SQLite is the one-instance deployment: Quartz refuses to cluster on it (one writer at a time), and
                    // serialises its own work on it with an in-process lock. Its store still survives a restart.
                    store.UseSqlite(connection);
                }
                // A firing that a stop interrupts is handed back, to run again on this instance's next start or on another.
                store.ConfigureStore(o => o.RecoverFiringsCancelledByShutdown = true);
            });

            // Each start schedules the first round a few seconds later (the old service's "at start"), then one a day.
            q.ScheduleJob<Features.Network.Postings.PostingEndJob>(
                t => t.WithIdentity(Features.Network.Postings.PostingEndJob.Key.Name, Features.Network.Postings.PostingEndJob.Key.Group)
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromDays(1)).RepeatForever()),
                j => j.WithIdentity(Features.Network.Postings.PostingEndJob.Key));
            q.ScheduleJob<Features.Reporting.Jobs.PurgeReportJobsJob>(
                t => t.WithIdentity(Features.Reporting.Jobs.PurgeReportJobsJob.Key.Name, Features.Reporting.Jobs.PurgeReportJobsJob.Key.Group)
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(Math.Max(0.01, options.PurgeEveryHours))).RepeatForever()),
                j => j.WithIdentity(Features.Reporting.Jobs.PurgeReportJobsJob.Key));
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = false;
            // The scheduler begins with the other deferred work (Startup.DeferredWorkDelay); a job asked meanwhile waits for it.
            if (Startup.DeferredWorkDelay(config) is { TotalMilliseconds: > 0 } delay) o.StartDelay = delay;
            // Not running jobs, the scheduler is still built: requests schedule through it, and it fires nothing.
            o.AutoStart = options.Run;
        });
        services.AddSingleton<BackgroundUser>();
        services.AddSingleton<Features.Reporting.Jobs.RunReportJob>();
        return services;
    }
}

/// <summary>
/// Runs a background job's work as the user who asked for it: within the job's own service scope, the signed-in user
/// is his principal as a login would build it today (his roles and scope now, not when he asked), so that
/// <see cref="Access"/> decides what the job may read exactly as for his requests, and the audit trail names him.
/// </summary>
public sealed class BackgroundUser(IHttpContextAccessor http)
{
    /// <summary>
    /// His principal, or null when the account no longer exists or is locked out. Resolve the services that read the
    /// user (<see cref="Access"/>, the use cases) from <paramref name="scope"/> only after this, inside <paramref name="work"/>.
    /// </summary>
    public async Task<bool> RunAsAsync(IServiceProvider scope, string userId, Func<Task> work)
    {
        var users = scope.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user)) return false;
        ClaimsPrincipal principal = await scope.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var previous = http.HttpContext;
        http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope };
        try
        {
            await work();
            return true;
        }
        finally
        {
            http.HttpContext = previous;
        }
    }
}
