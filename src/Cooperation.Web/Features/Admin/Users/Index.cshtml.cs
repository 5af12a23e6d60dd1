using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Web.Features.Admin.Users;

[Authorize(Roles = Roles.Administrator)]
public class IndexModel(ListUsers list, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    // "page" is also the route value naming the Razor page: read it from the query string only.
    [BindProperty(SupportsGet = true)][FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<UserRow> Users { get; private set; } = null!;
    public PageLinks Links => new(Users.Page, Users.PageSize, Users.Total, Request.Path, Request.Query);

    public async Task OnGetAsync(CancellationToken ct) => Users = await list.HandleAsync(new UserQuery(Q, Role, PageNumber), ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(new UserQuery(Q, Role), ct);
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
