namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The projects' part of the access rules. A project holds no personal data but its named contacts (the partner's
/// contact, the assessor of an EU project, the responsible desk officer), which follow the usual redaction.
/// <list type="bullet">
/// <item>Administrator: every project, edits them all.</item>
/// <item>Director, Auditor: read every project (the auditor without the named contacts); edit none.</item>
/// <item>DeskOfficer: reads every project; edits those of her zones (the zone of a project's largest share), and sees their contacts.</item>
/// <item>Cooperant: reads the projects that take place in his country (contacts included); edits none.</item>
/// <item>SchoolDirector, LiaisonOfficer: no project.</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    private bool SeesAllProjects => IsAdministrator || IsDirector || IsAuditor || IsDeskOfficer;

    /// <summary>Reads projects at all (the area's pages and routes).</summary>
    public bool SeesProjects => SeesAllProjects || IsCooperant;

    /// <summary>The projects the user may read.</summary>
    public IQueryable<Project> VisibleProjects(IQueryable<Project> projects)
    {
        if (SeesAllProjects) return projects;
        if (IsCooperant && CountryId is { } country) return projects.Where(p => p.Locations.Any(l => l.CountryId == country));
        return projects.Where(_ => false);
    }

    /// <summary>May create projects (each then in one of her zones).</summary>
    public bool CanCreateProjects => IsAdministrator || IsDeskOfficer;

    /// <summary>May change a project of this zone: its terms, status, assessment, results, transactions.</summary>
    public bool CanEditProject(int zoneId) => IsAdministrator || (IsDeskOfficer && ZoneIds.Contains(zoneId));

    /// <summary>
    /// Sees the named contacts of a project of this zone: those who see personal data everywhere, the desk officers of
    /// the zone, the coopérant of a country where it takes place (he reads no other); never the auditor.
    /// </summary>
    public bool SeesProjectContacts(int zoneId) => SeesAllPersonalData || (IsDeskOfficer && ZoneIds.Contains(zoneId)) || IsCooperant;
}
