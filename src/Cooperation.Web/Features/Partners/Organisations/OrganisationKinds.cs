namespace Cooperation.Web.Features.Partners.Organisations;

/// <summary>The kinds of organisation, as the API names them and as the user reads them.</summary>
public static class OrganisationKinds
{
    public static readonly string[] All = [nameof(OrganisationKind.International), nameof(OrganisationKind.Regional)];

    public static string Label(string kind, IStringLocalizer text) =>
        kind == nameof(OrganisationKind.International) ? text["Internationale"] : text["Régionale"];
}
