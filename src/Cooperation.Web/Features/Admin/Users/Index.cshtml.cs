namespace Cooperation.Web.Features.Admin.Users;

public class IndexModel(ListUsers list, IStringLocalizer<IndexModel> text) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    public Paged<UserRow> Users { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    /// <summary>Accounts are listed by address only.</summary>
    protected override string DefaultSort => "email";

    public async Task OnGetAsync(CancellationToken ct) => Users = await list.HandleAsync(new ListUsers.Query(Q, Role, PageNumber, PageSize), ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(new ListUsers.Query(Q, Role), ct);
        Column<UserRow>[] columns =
        [
            new(text["Adresse électronique"], u => u.Email),
            new(text["Nom affiché"], u => u.DisplayName),
            new(text["Rôle"], u => text[UserRules.RoleLabelKey(u.Role)].Value),
            new(text["Périmètre"], Scope),
            new(text["Fiche coopérant (n°)"], u => u.CooperantId),
            new(text["Verrouillé"], u => u.LockedOut ? text["oui"].Value : text["non"].Value),
        ];
        return Export.File(format, text["utilisateurs"], columns, rows);
    }

    public string Scope(UserRow u) =>
        u.Zones.Count > 0 ? string.Join(", ", u.Zones.Select(z => z.Name)) : u.CountryName ?? (u.Role is Roles.Cooperant ? "" : text["tout le réseau"]);
}
