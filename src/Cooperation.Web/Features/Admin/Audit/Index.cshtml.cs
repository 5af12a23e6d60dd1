namespace Cooperation.Web.Features.Admin.Audit;

public class IndexModel(ListAuditEntries audit, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListAuditEntries.Query, AuditRow>(audit)
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? AuditAction { get; set; }
    /// <summary>Days picked or typed, read as every form reads a date.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public List<string> EntityTypes { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];

    /// <summary>The trail reads newest first, its one order.</summary>
    protected override string DefaultSort => "-id";

    protected override string ExportName => text["journal-audit"];

    protected override IReadOnlyList<Column<AuditRow>> ExportColumns() =>
    [
        new(text["N°"], r => r.Id),
        new(text["Date"], r => LocalTime(r.At)),
        new(text["Utilisateur"], r => r.UserName),
        new(text["Action"], r => text[ListAuditEntries.ActionLabel(r.Action)].Value),
        new(text["Type d'enregistrement"], r => text[AuditLabels.EntityType(r.EntityType)].Value),
        new(text["Clé"], r => r.EntityKey),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        EntityTypes = await audit.EntityTypesAsync(ct);
        Actions = await audit.ActionsAsync(ct);
    }

    public string LocalTime(DateTimeOffset at) => audit.LocalTime(at);

    /// <summary>The filters as the use case reads them; a date that cannot be read refuses the request beside its field.</summary>
    protected override ListAuditEntries.Query Query
    {
        get
        {
            var from = Date(nameof(From), From);
            var to = Date(nameof(To), To);
            ThrowIfInvalid();
            return new()
            {
                EntityType = EntityType, EntityKey = EntityKey, User = UserName, Action = AuditAction, From = from, To = to, Page = PageNumber, PageSize = PageSize,
            };
        }
    }
}
