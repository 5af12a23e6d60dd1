namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The notifications' part of the access rules: a notification is only ever its recipient's. Nobody else sees it, marks
/// it read, or learns that it exists (another's notification is the same 404 as one that does not exist) — not even
/// the administrator, since a notification may name persons the recipient's scope covers and the administrator's may not.
/// </summary>
public sealed partial class Access
{
    /// <summary>Every signed-in account has notifications of its own.</summary>
    public bool HasNotifications => IsAuthenticated && UserId is not null;

    /// <summary>The user's own notifications, none other.</summary>
    public IQueryable<Notification> OwnNotifications(IQueryable<Notification> notifications)
    {
        var me = UserId;
        return HasNotifications ? notifications.Where(n => n.RecipientId == me) : notifications.Where(_ => false);
    }
}
