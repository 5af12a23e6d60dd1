using System.Text.Json;

namespace Cooperation.Web.Features.Projects;

/// <summary>
/// How the projects' enumerations read in the API and the forms: camelCase codes ("inPreparation", "coLead",
/// "euDelegatedFunds"), read back whatever their case; and how the pages name them.
/// </summary>
public static class ProjectCodes
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : null;

    /// <summary>The value a code names (its name, whatever the case), or null: numbers are no codes.</summary>
    public static T? Parse<T>(string? code) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(code) && !code.Trim().Any(char.IsDigit) && Enum.TryParse<T>(code.Trim(), true, out var v) && Enum.IsDefined(v) ? v : null;

    /// <summary>
    /// A code a request gives for a field, read into its value: a field error naming the unknown code otherwise, or
    /// when <paramref name="required"/> and missing.
    /// </summary>
    public static T? Read<T>(FieldErrors errors, string field, string label, string? code, bool required = true) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required) errors.Add(field, "common.required", errors.Label(label));
            return null;
        }
        if (Parse<T>(code) is { } value) return value;
        errors.Add(field, "project.unknownCode", errors.Label(label), code.Trim(), string.Join(", ", Enum.GetValues<T>().Select(v => Of(v))));
        return null;
    }

    /// <summary>A status's name, the one the cycle's messages give it too.</summary>
    public static string Name(this ProjectStatus status, IStringLocalizer text) => text[$"{nameof(ProjectStatus)}.{status}"];

    /// <summary>The label of the button that moves a project to a status.</summary>
    public static string Action(this ProjectStatus status, IStringLocalizer text) => status switch
    {
        ProjectStatus.InPreparation => text["Passer en préparation"],
        ProjectStatus.Approved => text["Approuver le projet"],
        ProjectStatus.Running => text["Démarrer le projet"],
        ProjectStatus.Closed => text["Clôturer le projet"],
        ProjectStatus.Evaluated => text["Déclarer le projet évalué"],
        _ => text["Abandonner le projet"],
    };

    public static string Badge(ProjectStatus status) => status switch
    {
        ProjectStatus.Running => "fr-badge--success",
        ProjectStatus.Approved => "fr-badge--info",
        ProjectStatus.Identified or ProjectStatus.InPreparation => "fr-badge--new",
        ProjectStatus.Abandoned => "fr-badge--error",
        _ => "",
    };

    public static string Name(this FundingSource source, IStringLocalizer text) => source switch
    {
        FundingSource.NationalCredits => text["Crédits nationaux"],
        FundingSource.EuDelegatedFunds => text["Fonds délégués de l'UE"],
        FundingSource.PartnerCoFunding => text["Cofinancement du partenaire"],
        _ => text["Autres bailleurs"],
    };

    public static string Name(this EuInvolvementMode mode, IStringLocalizer text) => mode switch
    {
        EuInvolvementMode.Lead => text["Pilote, récipiendaire des fonds délégués par l'UE"],
        EuInvolvementMode.CoLead => text["Copilote avec un opérateur récipiendaire des fonds"],
        _ => text["Appui ponctuel à un projet piloté par un opérateur"],
    };

    public static string Name(this CriterionRating rating, IStringLocalizer text) => rating switch
    {
        CriterionRating.Met => text["Rempli"],
        CriterionRating.Partly => text["Partiellement rempli"],
        _ => text["Non rempli"],
    };

    public static string Name(this MarkerScore score, IStringLocalizer text) => score switch
    {
        MarkerScore.NotTargeted => text["0 — non ciblé"],
        MarkerScore.Significant => text["1 — objectif significatif"],
        _ => text["2 — objectif principal"],
    };

    public static string Name(this OdaEligibility oda, IStringLocalizer text) => oda switch
    {
        OdaEligibility.Eligible => text["Éligible à l'APD"],
        OdaEligibility.Partly => text["Partiellement éligible à l'APD"],
        _ => text["Non éligible à l'APD"],
    };

    public static string Name(this TransactionKind kind, IStringLocalizer text) => kind switch
    {
        TransactionKind.Commitment => text["Engagement"],
        TransactionKind.Disbursement => text["Décaissement"],
        _ => text["Dépense"],
    };

    public static string Name(this ResultLevel level, IStringLocalizer text) => level == ResultLevel.Outcome ? text["Effet"] : text["Produit"];

    /// <summary>Choices of a form's select for an enumeration: its codes and names.</summary>
    public static List<SelectListItem> Choices<T>(Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(name(v), Of(v))).ToList();
}
