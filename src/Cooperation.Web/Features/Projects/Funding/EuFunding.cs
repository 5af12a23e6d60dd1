namespace Cooperation.Web.Features.Projects.Funding;

/// <summary>The EU's part of a project as a request gives it.</summary>
public static class EuFunding
{
    /// <summary>The involvement mode a request names (lead, coLead, support), or a field error; none when the EU does not fund the project.</summary>
    public static EuInvolvementMode? ReadMode(bool euFunded, string? mode, FieldErrors errors) =>
        string.IsNullOrWhiteSpace(mode) ? null : ProjectCodes.Read<EuInvolvementMode>(errors, "euMode", "Mode d'implication", mode);
}
