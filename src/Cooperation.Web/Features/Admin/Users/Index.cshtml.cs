namespace Cooperation.Web.Features.Admin.Users;

public class IndexModel(ListUsers list, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListUsers.Query, UserRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    /// <summary>Accounts are listed by address only.</summary>
    protected override string DefaultSort => "email";

    protected override ListUsers.Query Query => new() { Q = Q, Role = Role, Page = PageNumber, PageSize = PageSize };

    protected override string ExportName => text["utilisateurs"];

    protected override IReadOnlyList<Column<UserRow>> ExportColumns() =>
    [
        new(text["Adresse électronique"], u => u.Email),
        new(text["Nom affiché"], u => u.DisplayName),
        new(text["Rôle"], u => text[UserRules.RoleLabelKey(u.Role)].Value),
        new(text["Périmètre"], Scope),
        new(text["Fiche coopérant (n°)"], u => u.CooperantId),
        new(text["Verrouillé"], u => u.LockedOut ? text["oui"].Value : text["non"].Value),
    ];

    public string Scope(UserRow u) =>
        u.Zones.Count > 0 ? string.Join(", ", u.Zones.Select(z => z.Name))
        : u.School ?? u.CountryName ?? (u.Role is Roles.Cooperant ? "" : text["tout le réseau"]);
}
