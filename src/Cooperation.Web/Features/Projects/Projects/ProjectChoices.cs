namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>The choices of the project forms, and the projects an action's form offers to attach it to.</summary>
public class ProjectChoices(CooperationDbContext db, Access access, ReferenceLists references, ListProjects list, IStringLocalizer<ProjectChoices> text) : IUseCase
{
    public const string ZonePrefix = "zone:";

    /// <summary>Countries placed in a zone (by ISO2), then whole zones for regional projects ("zone:" + code).</summary>
    public async Task<List<SelectListItem>> PlacesAsync(CancellationToken ct = default)
    {
        var countries = new SelectListGroup { Name = text["Pays"] };
        var zones = new SelectListGroup { Name = text["Régions (projet régional)"] };
        var items = (await references.CountriesAsync(await db.Countries.AsNoTracking().Where(c => c.ZoneId != null).Select(c => c.Id).ToListAsync(ct)))
            .Select(c => new SelectListItem(c.Text, c.Value) { Group = countries }).ToList();
        items.AddRange((await references.ZonesAsync()).Select(z => new SelectListItem(z.Text, ZonePrefix + z.Value) { Group = zones }));
        return items;
    }

    public async Task<List<SelectListItem>> OperatorsAsync(CancellationToken ct = default) =>
        await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Code)).ToListAsync(ct);

    public Task<List<SelectListItem>> DomainsAsync() => references.DomainsAsync();

    /// <summary>The accounts that may be responsible for a project: desk officers and administrators, by name.</summary>
    public async Task<List<SelectListItem>> ResponsiblesAsync(CancellationToken ct = default)
    {
        var roles = new[] { Roles.DeskOfficer, Roles.Administrator };
        return (await (from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join r in db.Roles on ur.RoleId equals r.Id
                       where roles.Contains(r.Name!)
                       select new { u.DisplayName, u.Email }).Distinct().ToListAsync(ct))
            .OrderBy(u => u.DisplayName).Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Email)).ToList();
    }

    /// <summary>The projects the user reads, to attach a posting or a session to (with the status of each).</summary>
    public async Task<List<SelectListItem>> ForActionsAsync(CancellationToken ct = default) =>
        (await list.ChoicesAsync(ct)).Select(p => new SelectListItem($"{p.Title} ({p.Status.Name(text)})", p.Id.ToString())).ToList();

    /// <summary>
    /// The project an action names, checked: one the user reads, not abandoned nor evaluated (unless the action already
    /// belongs to it); a field error otherwise. Whoever reads no project (a school director) leaves the link as it is.
    /// </summary>
    public async Task<int?> CheckAsync(int? projectId, int? current, FieldErrors errors, CancellationToken ct = default)
    {
        if (!access.SeesProjects) return current;
        if (projectId is not { } id) return null;
        var found = await list.ChoicesAsync(ct);
        var project = found.FirstOrDefault(p => p.Id == id);
        if (project.Id == 0) errors.Add("projectId", "common.unknown", errors.Label("Projet"), id);
        else if (id != current && project.Status is ProjectStatus.Abandoned or ProjectStatus.Evaluated)
            errors.Add("projectId", "project.closedToActions", project.Title);
        return id;
    }
}
