namespace Cooperation.Web.Infrastructure;

/// <summary>
/// What the main menu and the home page offer: an area appears only to whom it shows something (no entry that leads to
/// an empty or forbidden list), decided from the same rules as the areas' lists.
/// <list type="bullet">
/// <item>Network, partners and map: those who see the coopérants of some country (headquarters, a posted coopérant).</item>
/// <item>Schools: everyone but a coopérant whose country has no school or training place.</item>
/// <item>Projects, missions, IHEDN sessions, audit trail: as their own rules say (<see cref="SeesProjects"/>,
/// <see cref="SeesMissions"/>, <see cref="SeesInternationalSessions"/>, <see cref="ReadsAuditTrail"/>).</item>
/// <item>Annual programmes: those who read some (<see cref="SeesProgrammes"/>) but the liaison officer, who reads only the
/// places offered to his country on its programme's page.</item>
/// <item>Annual report, ODA and data quality: the director, the auditor, the administrator, and a desk officer for her zones (<see cref="SeesAnnualReport"/>).</item>
/// <item>Reports in preparation (background jobs): whoever may ask for one, and the administrator (<see cref="SeesReportJobsInMenu"/>).</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    private bool? _seesSchools;

    /// <summary>Sees coopérants, postings and vacancies of some country: the network's lists, the partners' pages, the map.</summary>
    public bool SeesNetwork => VisibleCountryIds is null || VisibleCountryIds.Count > 0;

    /// <summary>Sees some school: schools are public, but a coopérant sees only those of his country, which may have none.</summary>
    public async Task<bool> SeesSchoolsAsync(CancellationToken ct = default)
    {
        if (!IsAuthenticated) return false;
        if (SchoolCountryIds is not { } countries) return true;
        return _seesSchools ??= await _db.RegionalSchools.AsNoTracking().AnyAsync(s => countries.Contains(s.CountryId), ct);
    }

    /// <summary>The menu's entry of the annual programmes.</summary>
    public bool SeesProgrammesInMenu => SeesProgrammes && !ReadsOnlyProgrammeTraining;

    /// <summary>The menu's entry of the reports prepared in the background.</summary>
    public bool SeesReportJobsInMenu => MayRequestReportJobs || SeesAllReportJobs;

    /// <summary>Reads the directorate's figures of the whole world on his home page: those who read every area.</summary>
    public bool SeesWorldFigures => IsAdministrator || IsDirector || IsAuditor;
}
