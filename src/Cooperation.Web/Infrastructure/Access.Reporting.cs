namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Who reads the annual activity report, and for which scope: the director, the auditor and the administrator for the
/// whole world or any zone; a desk officer for the zones of her scope only (her first zone when she names none).
/// The dashboard: the same, and a school director for his school, a coopérant for his country — their lists already
/// hold their scope, so their dashboard counts what those lists show and offers no zone.
/// </summary>
public sealed partial class Access
{
    /// <summary>Reads the annual activity report of some scope (the menu's entry).</summary>
    public bool SeesAnnualReport => SeesWorldFigures || (IsDeskOfficer && ZoneIds.Count > 0);

    /// <summary>May read the report of this zone (null: the whole world).</summary>
    public bool MayReadAnnualReport(int? zoneId) =>
        SeesWorldFigures || (IsDeskOfficer && zoneId is { } zone && ZoneIds.Contains(zone));

    /// <summary>The zone a report is for when the user names none: the whole world (null) for those who read it, else a desk officer's first zone.</summary>
    public int? DefaultAnnualReportZoneId => SeesWorldFigures || ZoneIds.Count == 0 ? null : ZoneIds.Min();

    /// <summary>The zones the report's scope chooser offers (null: every zone and the world).</summary>
    public IReadOnlySet<int>? AnnualReportZoneIds => SeesWorldFigures ? null : ZoneIds;

    /// <summary>Reads a dashboard (the link on his home page): readers of the annual report, a school director, a coopérant of a country.</summary>
    public bool SeesDashboard => SeesAnnualReport || (IsSchoolDirector && SchoolId is not null) || (IsCooperant && CountryId is not null);

    /// <summary>May read the dashboard of this zone (null: all his lists show): as the report for its readers; else no zone at all.</summary>
    public bool MayReadDashboard(int? zoneId) => SeesAnnualReport ? MayReadAnnualReport(zoneId) : SeesDashboard && zoneId is null;

    /// <summary>The dashboard's zone when the user names none: as the report's for its readers; none for the others.</summary>
    public int? DefaultDashboardZoneId => SeesAnnualReport ? DefaultAnnualReportZoneId : null;

    /// <summary>Declares a year's annual report final, which locks that year's records: the director or an administrator.</summary>
    public bool MayDeclareReportFinal => IsDirector || IsAdministrator;

    /// <summary>Changes a record of a locked year (giving a reason): an administrator only.</summary>
    public bool MayAmendLockedYears => IsAdministrator;

    /// <summary>Asks for reports to be made in the background (files, ten-year series) and follows his own: whoever reads the annual report.</summary>
    public bool MayRequestReportJobs => SeesAnnualReport && UserId is not null;

    /// <summary>Sees every user's report jobs (to follow the load and purge): the administrator.</summary>
    public bool SeesAllReportJobs => IsAdministrator;

    /// <summary>Sees this report job: his own, or any for an administrator. Another user's job is, to anyone else, one that does not exist.</summary>
    public bool MaySeeReportJob(string requestedById) => SeesAllReportJobs || (MayRequestReportJobs && requestedById == UserId);
}
