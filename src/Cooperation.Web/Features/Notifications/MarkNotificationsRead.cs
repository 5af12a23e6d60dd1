namespace Cooperation.Web.Features.Notifications;

/// <summary>
/// Marks one of the user's notifications read, or all of them. Another's notification is not found. Reading one again
/// keeps the first time it was read; no version is asked, since nothing else changes a notification.
/// </summary>
public class MarkNotificationsRead(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    /// <summary>Returns the page of the record the notification speaks of.</summary>
    public async Task<string> OneAsync(long id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.HasNotifications);
        var notification = await access.OwnNotifications(db.Notifications).SingleOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new RecordNotFoundException();
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return notification.Link;
    }

    /// <summary>Returns how many were unread.</summary>
    public async Task<int> AllAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.HasNotifications);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutsidePastYearsAsync(() => access.OwnNotifications(db.Notifications).Where(n => n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct));
    }
}
