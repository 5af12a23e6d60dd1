namespace Cooperation.Web.Features.Missions;

/// <summary>
/// How the missions' enumerations read: in the API and forms as camelCase codes (<see cref="Projects.ProjectCodes"/>:
/// "inProgress", "long", "high"), on the pages by their names in the user's language.
/// </summary>
public static class MissionCodes
{
    public static string Name(this MissionStatus status, IStringLocalizer text) => status switch
    {
        MissionStatus.Requested => text["Demandée"],
        MissionStatus.Assessed => text["Évaluée"],
        MissionStatus.Approved => text["Approuvée"],
        MissionStatus.Declined => text["Refusée"],
        MissionStatus.Staffed => text["Experts affectés"],
        MissionStatus.InProgress => text["En cours"],
        MissionStatus.Reported => text["Rapport remis"],
        _ => text["Clôturée"],
    };

    public static string Badge(MissionStatus status) => status switch
    {
        MissionStatus.InProgress => "fr-badge--success",
        MissionStatus.Approved or MissionStatus.Staffed => "fr-badge--info",
        MissionStatus.Requested or MissionStatus.Assessed => "fr-badge--new",
        MissionStatus.Declined => "fr-badge--error",
        _ => "",
    };

    public static string Name(this MissionForm form, IStringLocalizer text) =>
        form == MissionForm.Short ? text["Courte (jours ou semaines)"] : text["Longue (affectation de plusieurs mois ou années)"];

    public static string Name(this RecommendationPriority priority, IStringLocalizer text) => priority switch
    {
        RecommendationPriority.High => text["Haute"],
        RecommendationPriority.Medium => text["Moyenne"],
        _ => text["Basse"],
    };

    public static string Name(this RecommendationStatus status, IStringLocalizer text) => status switch
    {
        RecommendationStatus.Open => text["Ouverte"],
        RecommendationStatus.InProgress => text["En cours de mise en œuvre"],
        RecommendationStatus.Implemented => text["Mise en œuvre"],
        _ => text["Abandonnée"],
    };

    public static string Badge(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Implemented => "fr-badge--success",
        RecommendationStatus.InProgress => "fr-badge--info",
        RecommendationStatus.Abandoned => "",
        _ => "fr-badge--new",
    };
}
