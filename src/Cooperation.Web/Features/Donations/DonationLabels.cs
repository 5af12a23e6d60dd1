using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations;

/// <summary>
/// How the pages name the donations' codes (the API writes them as camelCase codes, <see cref="ProjectCodes.Of{T}(T)"/>),
/// and the checks' schedule the configuration sets.
/// </summary>
public static class DonationLabels
{
    /// <summary>Months after the handover when post-delivery checks fall due ("6,12" by default).</summary>
    public const string CheckMonthsSetting = "Donations:CheckMonths";

    public static IReadOnlyList<int> CheckMonths(IConfiguration config)
    {
        var months = (config[CheckMonthsSetting] ?? "6,12").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => int.TryParse(m, out var n) ? n : 0).Where(n => n is > 0 and <= 120).Distinct().Order().ToList();
        return months.Count > 0 ? months : [6, 12];
    }

    public static string Name(this DonationStatus status, IStringLocalizer text) => status switch
    {
        DonationStatus.Proposed => text["Proposé"],
        DonationStatus.Approved => text["Approuvé"],
        DonationStatus.Ordered => text["Commandé"],
        DonationStatus.Delivered => text["Livré"],
        DonationStatus.HandedOver => text["Remis"],
        DonationStatus.Checked => text["Contrôlé"],
        _ => text["Annulé"],
    };

    /// <summary>The label of the button that moves a donation to a status.</summary>
    public static string Action(this DonationStatus status, IStringLocalizer text) => status switch
    {
        DonationStatus.Approved => text["Approuver le don"],
        DonationStatus.Ordered => text["Commander"],
        DonationStatus.Delivered => text["Déclarer livré"],
        _ => text["Annuler le don"],
    };

    public static string Badge(DonationStatus status) => status switch
    {
        DonationStatus.Checked => "fr-badge--success",
        DonationStatus.HandedOver => "fr-badge--info",
        DonationStatus.Proposed => "fr-badge--new",
        DonationStatus.Cancelled => "fr-badge--error",
        _ => "",
    };

    public static string Name(this EquipmentCategory category, IStringLocalizer text) => category switch
    {
        EquipmentCategory.Surveillance => text["Surveillance (drones, observation aérienne, radars)"],
        EquipmentCategory.CivilProtection => text["Protection civile et santé (premiers secours, sauvetage)"],
        EquipmentCategory.TrainingCentres => text["Équipement des centres de formation"],
        _ => text["Moyens d'entraînement, d'intervention et de communication"],
    };

    public static string Name(this ItemFinding finding, IStringLocalizer text) => finding switch
    {
        ItemFinding.InUse => text["En service"],
        ItemFinding.NotInUse => text["Présent, hors service"],
        _ => text["Introuvable"],
    };

    public static string Name(this ItemCondition condition, IStringLocalizer text) => condition switch
    {
        ItemCondition.Good => text["Bon état"],
        ItemCondition.Fair => text["État moyen"],
        ItemCondition.Poor => text["Mauvais état"],
        _ => text["Inutilisable"],
    };

    /// <summary>A Common Military List category as written ("ML13"), or null.</summary>
    public static string? Ml(int? category) => category is { } n ? "ML" + n : null;
}
