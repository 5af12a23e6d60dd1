namespace Cooperation.Web.Features.Notifications;

/// <summary>How many of the user's notifications are unread: the header shows it on every page (one count on an index).</summary>
public class CountUnreadNotifications(CooperationDbContext db, Access access) : IUseCase
{
    public async Task<int> HandleAsync(CancellationToken ct = default) =>
        access.HasNotifications ? await access.OwnNotifications(db.Notifications).CountAsync(n => n.ReadAt == null, ct) : 0;
}
