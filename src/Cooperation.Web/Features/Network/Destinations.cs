namespace Cooperation.Web.Features.Network;

/// <summary>Where a posting or vacancy is: a country, or an organisation placed in the country of its seat.</summary>
public sealed record Destination(int CountryId, int? OrganisationId);

/// <summary>
/// A destination as requests give it (a country's ISO2 code or an organisation's acronym, never both) and as the
/// forms' one select carries it (organisations prefixed, since acronyms such as UA are also ISO codes).
/// </summary>
public static class Destinations
{
    public const string OrganisationPrefix = "org:";

    /// <summary>The destination a request names, or field errors; forbidden when it lies outside the countries the user edits.</summary>
    public static async Task<Destination?> ResolveAsync(ReferenceCodes codes, Access access, string? country, string? organisation,
        FieldErrors errors, CancellationToken ct)
    {
        var destination = await ResolveAsync(codes, country, organisation, errors, ct);
        if (destination is not null && !await access.CanEditCountryAsync(destination.CountryId, ct)) throw new ForbiddenException();
        return destination;
    }

    private static async Task<Destination?> ResolveAsync(ReferenceCodes codes, string? country, string? organisation, FieldErrors errors,
        CancellationToken ct)
    {
        var hasCountry = !string.IsNullOrWhiteSpace(country);
        var hasOrganisation = !string.IsNullOrWhiteSpace(organisation);
        if (!hasCountry && !hasOrganisation)
        {
            errors.Add("country", "postings.destinationRequired");
            return null;
        }
        if (hasCountry && hasOrganisation)
        {
            errors.Add("organisation", "postings.oneDestination");
            return null;
        }
        if (hasOrganisation)
            return await codes.OrganisationAsync(organisation, errors, ct: ct) is { } o ? new Destination(o.SeatCountryId, o.Id) : null;
        return await codes.CountryAsync(country, errors, ct: ct) is { } id ? new Destination(id, null) : null;
    }

    /// <summary>The country or the organisation a form's destination select names.</summary>
    public static (string? Country, string? Organisation) Split(string? destination)
    {
        if (string.IsNullOrWhiteSpace(destination)) return (null, null);
        return destination.StartsWith(OrganisationPrefix, StringComparison.OrdinalIgnoreCase)
            ? (null, destination[OrganisationPrefix.Length..])
            : (destination, null);
    }

    public static string FormValue(string countryIso2, string? organisationAcronym) =>
        organisationAcronym is null ? countryIso2 : OrganisationPrefix + organisationAcronym;
}
