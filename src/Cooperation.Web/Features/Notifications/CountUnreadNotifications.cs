namespace Cooperation.Web.Features.Notifications;

/// <summary>
/// How many of the user's notifications are unread: the header shows it on every page, so it is counted once (one
/// count on an index) and kept like the figures (<see cref="FigureCache"/>) until a write, a notification sent or
/// read included.
/// </summary>
public class CountUnreadNotifications(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock) : IUseCase
{
    public async Task<int> HandleAsync(CancellationToken ct = default) =>
        access.HasNotifications
            ? await cache.GetOrComputeAsync("notifications:unread", access, access.UserId ?? "", clock.Today(),
                () => access.OwnNotifications(db.Notifications).CountAsync(n => n.ReadAt == null, ct))
            : 0;
}
