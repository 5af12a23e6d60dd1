namespace Cooperation.Web.Features.Notifications;

/// <summary>A notification as its recipient reads it, in his language.</summary>
/// <param name="Kind">NominationDecided, NominationSubmitted or PostingEnding.</param>
/// <param name="Link">The page of the record it speaks of.</param>
public record NotificationRow(long Id, string Kind, string Title, string Body, string Link, DateTime CreatedAt, DateTime? ReadAt, bool Unread);

/// <summary>The user's own notifications: unread first, then the newest first.</summary>
public class ListNotifications(CooperationDbContext db, Access access, IStringLocalizer<ListNotifications> text)
    : IListUseCase<ListNotifications.Query, NotificationRow>
{
    public record Query
    {
        /// <summary>true: only those not yet read.</summary>
        public bool? Unread { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public async Task<Paged<NotificationRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var mine = Filtered(query);
        var rows = await Ordered(mine).PageOf(page, size).ToListAsync(ct);
        var total = await Paging.TotalAsync(page, size, rows.Count, () => mine.CountAsync(ct));
        return new Paged<NotificationRow>(rows.Select(Row).ToList(), total, page, size);
    }

    public async Task<IReadOnlyList<NotificationRow>> AllAsync(Query query, CancellationToken ct = default) =>
        (await Ordered(Filtered(query)).ToListAsync(ct)).Select(Row).ToList();

    private IQueryable<Notification> Filtered(Query query)
    {
        ForbiddenException.ThrowUnless(access.HasNotifications);
        var mine = access.OwnNotifications(db.Notifications.AsNoTracking());
        return query.Unread == true ? mine.Where(n => n.ReadAt == null) : mine;
    }

    private static IQueryable<Notification> Ordered(IQueryable<Notification> q) =>
        q.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);

    private NotificationRow Row(Notification n)
    {
        var (title, body) = NotificationText.Render(text, n.MessageKey, n.ArgumentList(), Names.English);
        return new NotificationRow(n.Id, n.Kind.ToString(), title, body, n.Link, n.CreatedAt, n.ReadAt, n.ReadAt is null);
    }
}
