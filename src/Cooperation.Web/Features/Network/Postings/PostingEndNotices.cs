using Cooperation.Web.Features.Notifications;
using Quartz;

namespace Cooperation.Web.Features.Network.Postings;

/// <summary>
/// Tells each coopérant, once, that his posting ends within <see cref="DaysBefore"/> days (its planned end; a new planned
/// end is told again). Run every day by <see cref="PostingEndJob"/>, on one instance of several; were two to run it at
/// once, a notification's unique key per recipient would keep the second from being written.
/// </summary>
public class PostingEndNotices(CooperationDbContext db, Notifier notifier, ILogger<PostingEndNotices> log) : IUseCase
{
    public const int DaysBefore = 90;

    /// <summary>Writes the notices due on that day; returns how many coopérants were told.</summary>
    public async Task<int> HandleAsync(DateOnly today, CancellationToken ct = default)
    {
        var horizon = today.AddDays(DaysBefore);
        var postings = await db.Postings.AsNoTracking().ActiveOn(today)
            .Where(p => p.PlannedEndDate >= today && p.PlannedEndDate <= horizon)
            .Where(p => db.Users.Any(u => u.CooperantId == p.CooperantId))
            .Select(p => new { p.Id, p.CooperantId, p.PlannedEndDate, p.HostAuthorityName, p.PositionTitle, p.Country!.NameFr, p.Country.NameEn })
            .ToListAsync(ct);
        var told = 0;
        foreach (var p in postings)
        {
            var once = $"posting-end:{p.Id}:{Calendar.Iso(p.PlannedEndDate)}";
            var recipients = (await notifier.CooperantAsync(p.CooperantId, ct)).ToList();
            var ids = recipients.Select(r => r.UserId).ToList();
            var already = await db.Notifications.Where(n => n.OnceKey == once && ids.Contains(n.RecipientId)).Select(n => n.RecipientId).ToListAsync(ct);
            recipients.RemoveAll(r => already.Contains(r.UserId));
            if (recipients.Count == 0) continue;
            notifier.Notify(recipients, NotificationKind.PostingEnding, "notification.postingEnding",
            [
                Notifier.Day(p.PlannedEndDate),
                NotificationArgument.Same((p.PlannedEndDate.DayNumber - today.DayNumber).ToString()),
                NotificationArgument.Same(p.PositionTitle),
                NotificationArgument.Same(p.HostAuthorityName),
                new(p.NameFr, p.NameEn),
            ], $"/Network/Cooperants/{p.CooperantId}", onceKey: once);
            try
            {
                await db.SaveChangesAsync(ct);
                told++;
            }
            catch (DbUpdateException)
            {
                // Another instance told him meanwhile: the unique key refused this copy.
                db.ChangeTracker.Clear();
                log.LogInformation("The end of posting {Posting} was already told by another instance.", p.Id);
            }
        }
        return told;
    }
}

/// <summary>
/// Runs <see cref="PostingEndNotices"/> a few seconds after each start, then once a day: a recurring job of the scheduler
/// (<see cref="JobsSetup"/>), so that with several instances one of them runs each round.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PostingEndJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PostingEndJob> log) : IJob
{
    public static readonly JobKey Key = new("posting-end", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            using var activity = Observability.Source.StartActivity("posting-end.notices");
            using var scope = scopes.CreateScope();
            var told = await scope.ServiceProvider.GetRequiredService<PostingEndNotices>().HandleAsync(clock.Today(), ct);
            if (told > 0) log.LogInformation("{Count} coopérant(s) told that their posting ends within {Days} days.", told, PostingEndNotices.DaysBefore);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e)
        {
            // The next round (tomorrow, or the next start) tells whoever this one missed: nothing is told twice.
            log.LogWarning(e, "The posting-end notices could not be written; next round tomorrow.");
        }
    }
}
