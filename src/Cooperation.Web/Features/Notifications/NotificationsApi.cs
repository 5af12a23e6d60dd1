namespace Cooperation.Web.Features.Notifications;

/// <summary>/api/v1/notifications: the user's own notifications. Another's is a 404, as one that does not exist.</summary>
public sealed class NotificationsApi : IApiRoutes
{
    public record Unread(int Count);
    public record MarkedRead(int Marked);

    public void Map(RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");

        notifications.MapGet("/", async ([AsParameters] ListNotifications.Query query, ListNotifications list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("The user's notifications in his language, unread first then newest: filter unread=true; paging.");

        notifications.MapGet("/unread-count", async (CountUnreadNotifications count, CancellationToken ct) =>
                TypedResults.Ok(new Unread(await count.HandleAsync(ct))))
            .WithSummary("How many of the user's notifications are unread.");

        notifications.MapPost("/{id:long}/read", async (long id, MarkNotificationsRead mark, CancellationToken ct) =>
            {
                await mark.OneAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Marks one of the user's notifications read (again: no change).");

        notifications.MapPost("/read-all", async (MarkNotificationsRead mark, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await mark.AllAsync(ct))))
            .WithSummary("Marks all the user's notifications read: how many were unread.");
    }
}
