using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Web.Features.Admin.Audit;

[Authorize(Roles = Roles.Administrator)]
public class IndexModel(ListAuditEntries audit, TimeProvider clock, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? AuditAction { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // "page" is also the route value naming the Razor page: read it from the query string only.
    [BindProperty(SupportsGet = true)][FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<AuditRow> Entries { get; private set; } = null!;
    public List<string> EntityTypes { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];
    public PageLinks Links => new(Entries.Page, Entries.PageSize, Entries.Total, Request.Path, Request.Query);

    private AuditQuery Query => new(EntityType, EntityKey, UserName, AuditAction, From, To, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await audit.HandleAsync(Query, ct);
        EntityTypes = await audit.EntityTypesAsync(ct);
        Actions = await audit.ActionsAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await audit.AllAsync(Query, ct);
        Column<AuditRow>[] columns =
        [
            new(text["N°"], r => r.Id),
            new(text["Date"], r => LocalTime(r.At)),
            new(text["Utilisateur"], r => r.UserName),
            new(text["Action"], r => text[ListAuditEntries.ActionLabel(r.Action)].Value),
            new(text["Type d'enregistrement"], r => r.EntityType),
            new(text["Clé"], r => r.EntityKey),
        ];
        return Export.File(format, text["journal-audit"], columns, rows);
    }

    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
