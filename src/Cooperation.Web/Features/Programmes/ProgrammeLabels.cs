using Cooperation.Web.Features.Donations;
using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Programmes;

/// <summary>
/// How the programmes' enumerations read: in the API and forms as camelCase codes (<see cref="ProjectCodes"/>:
/// "submitted", "training", "nationalCredits"), on the pages and in messages by their names in the user's language.
/// </summary>
public static class ProgrammeLabels
{
    public static string Name(this ProgrammeStatus status, IStringLocalizer text) => status switch
    {
        ProgrammeStatus.Draft => text["En projet"],
        ProgrammeStatus.Submitted => text["Soumis au directeur"],
        ProgrammeStatus.Approved => text["Approuvé"],
        ProgrammeStatus.Returned => text["Renvoyé"],
        ProgrammeStatus.Revised => text["Révisé"],
        _ => text["Clôturé"],
    };

    public static string Badge(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Approved or ProgrammeStatus.Revised => "fr-badge--success",
        ProgrammeStatus.Submitted => "fr-badge--info",
        ProgrammeStatus.Draft => "fr-badge--new",
        ProgrammeStatus.Returned => "fr-badge--warning",
        _ => "",
    };

    public static string Name(this ProgrammeMode mode, IStringLocalizer text) => mode switch
    {
        ProgrammeMode.Training => text["Places de formation"],
        ProgrammeMode.Missions => text["Missions d'expertise"],
        ProgrammeMode.Donations => text["Dons de matériel"],
        ProgrammeMode.Postings => text["Affectations de coopérants"],
        _ => text["Projets"],
    };

    public static string Name(this PostingPlan plan, IStringLocalizer text) => plan switch
    {
        PostingPlan.Keep => text["À maintenir"],
        PostingPlan.Open => text["À ouvrir"],
        _ => text["À fermer"],
    };

    /// <summary>What a line measures, for its "done" and "planned" figures.</summary>
    public static string Unit(this ProgrammeMode mode, bool expertDays, IStringLocalizer text) => mode switch
    {
        ProgrammeMode.Training => text["places"],
        ProgrammeMode.Missions => expertDays ? text["jours d'expertise"] : text["missions"],
        ProgrammeMode.Postings => text["affectations"],
        _ => "€",
    };

    /// <summary>A completion rate's colour: on course, short of it, far off.</summary>
    public static string CompletionBadge(decimal? rate) => rate switch
    {
        null => "",
        >= 0.9m => "fr-badge--success",
        >= 0.6m => "fr-badge--info",
        >= 0.3m => "fr-badge--warning",
        _ => "fr-badge--error",
    };

    /// <summary>
    /// A refusal of the programme's rules in the user's language: modes and sources named, not coded.
    /// </summary>
    public static void Add(this FieldErrors errors, DomainException broken, IStringLocalizer text) =>
        errors.Add(broken.Field, broken.MessageKey, broken.Args.Select(a => a switch
        {
            ProgrammeMode m => (object)m.Name(text),
            FundingSource s => s.Name(text),
            decimal d => Format.Number(d),
            _ => a,
        }).ToArray());
}
