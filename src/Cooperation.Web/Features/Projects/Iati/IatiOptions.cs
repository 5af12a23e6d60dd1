namespace Cooperation.Web.Features.Projects.Iati;

/// <summary>
/// The reporting organisation of the IATI publication (section <c>Iati</c>): its registered reference (the prefix of
/// every activity identifier), its name in French and English, and its IATI organisation type.
/// </summary>
public sealed class IatiOptions
{
    public const string Section = "Iati";

    /// <summary>The organisation's IATI reference: its registration agency and number ("FR-6").</summary>
    public string ReportingOrgRef { get; set; } = "FR-6";
    public string ReportingOrgName { get; set; } = "Ministère de l'Europe et des Affaires étrangères — Direction de la coopération de sécurité et de défense";
    public string ReportingOrgNameEn { get; set; } = "Ministry for Europe and Foreign Affairs — Directorate for Security and Defence Cooperation";
    /// <summary>IATI OrganisationType code: 10 government.</summary>
    public string ReportingOrgType { get; set; } = "10";

    /// <summary>The activity identifier a project gets at its first publication: the reference, then its number.</summary>
    public string IdentifierFor(int projectId) => $"{ReportingOrgRef.Trim()}-{projectId}";
}
