namespace Cooperation.Web.Features.Notifications;

/// <summary>The user's notifications, unread first; each marked read on its own, or all at once.</summary>
public class IndexModel(ListNotifications list, MarkNotificationsRead mark, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListNotifications.Query, NotificationRow>(list)
{
    [BindProperty(SupportsGet = true)] public bool? Unread { get; set; }

    protected override string DefaultSort => "-created";

    protected override ListNotifications.Query Query => new()
    {
        Unread = Unread, Page = PageNumber, PageSize = PageSize,
    };

    protected override string ExportName => text["notifications"];

    protected override IReadOnlyList<Column<NotificationRow>> ExportColumns() =>
    [
        new(text["Reçue le"], r => r.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm")),
        new(text["Titre"], r => r.Title),
        new(text["Message"], r => r.Body),
        new(text["Lue le"], r => r.ReadAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm") ?? ""),
    ];

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        await mark.OneAsync(id, ct);
        return RedirectToPage();
    }

    /// <summary>Marks it read and opens the record it speaks of.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var link = await mark.OneAsync(id, ct);
        return LocalRedirect(LocalUrls.OrHome(link));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await mark.AllAsync(ct);
        TempData["Flash"] = text["{0} notification(s) marquée(s) comme lue(s).", marked].Value;
        return RedirectToPage();
    }
}
