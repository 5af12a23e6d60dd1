using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cooperation.Web.Features.Network;

/// <summary>Where a posting or vacancy is: a country, or an organisation placed in the country of its seat.</summary>
public sealed record Destination(int CountryId, int? OrganisationId);

/// <summary>Turns the codes a request carries (ISO2, acronyms, reference codes) into record ids, or field errors.</summary>
public static class NetworkCodes
{
    public static async Task<Destination?> DestinationAsync(CooperationDbContext db, string? country, string? organisation,
        FieldErrors errors, CancellationToken ct)
    {
        country = country?.Trim().ToUpperInvariant();
        organisation = organisation?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country) && string.IsNullOrEmpty(organisation))
        {
            errors.Add("country", "postings.destinationRequired");
            return null;
        }
        if (!string.IsNullOrEmpty(country) && !string.IsNullOrEmpty(organisation))
        {
            errors.Add("organisation", "postings.oneDestination");
            return null;
        }
        if (!string.IsNullOrEmpty(organisation))
        {
            var org = await db.Organisations.AsNoTracking().Where(o => o.Acronym == organisation)
                .Select(o => new { o.Id, o.SeatCountryId }).SingleOrDefaultAsync(ct);
            if (org is null) { errors.Add("organisation", "common.unknown", errors.Label("Organisation"), organisation); return null; }
            return new Destination(org.SeatCountryId, org.Id);
        }
        var id = await db.Countries.AsNoTracking().Where(c => c.Iso2 == country).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null) { errors.Add("country", "common.unknown", errors.Label("Pays"), country!); return null; }
        return new Destination(id.Value, null);
    }

    public static async Task<int?> HostAuthorityTypeAsync(CooperationDbContext db, string? code, FieldErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) { errors.Add("hostAuthorityType", "common.required", errors.Label("Type d'autorité d'accueil")); return null; }
        var id = await db.HostAuthorityTypes.AsNoTracking().Where(t => t.Code == code).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("hostAuthorityType", "common.unknown", errors.Label("Type d'autorité d'accueil"), code);
        return id;
    }

    /// <summary>An optional administration: null when not given, an error when unknown or sending no coopérant.</summary>
    public static async Task<int?> AdministrationAsync(CooperationDbContext db, string? code, FieldErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        var id = await db.Administrations.AsNoTracking().Where(a => a.Code == code && !a.TraineesOnly).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("administration", "common.unknown", errors.Label("Administration d'origine"), code);
        return id;
    }

    public static async Task<int?> DomainAsync(CooperationDbContext db, string? code, FieldErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        var id = await db.Domains.AsNoTracking().Where(d => d.Code == code).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("domain", "common.unknown", errors.Label("Domaine"), code);
        return id;
    }

    /// <summary>A coopérant with all his postings, tracked, so that the overlap rule sees every one of them.</summary>
    public static async Task<Cooperant?> CooperantAsync(CooperationDbContext db, int? id, FieldErrors errors, CancellationToken ct)
    {
        if (errors.Required("cooperantId", "Coopérant", id) is not { } cooperantId) return null;
        var cooperant = await db.Cooperants.Include(c => c.Postings).SingleOrDefaultAsync(c => c.Id == cooperantId, ct);
        if (cooperant is null) errors.Add("cooperantId", "common.unknown", errors.Label("Coopérant"), cooperantId);
        return cooperant;
    }
}

/// <summary>How the Network forms read their fields and show errors next to them.</summary>
public static class NetworkForms
{
    /// <summary>The prefix that tells an organisation from a country in a destination select (acronyms such as UA are also ISO codes).</summary>
    public const string OrganisationPrefix = "org:";

    public static (string? Country, string? Organisation) SplitDestination(string? destination)
    {
        if (string.IsNullOrWhiteSpace(destination)) return (null, null);
        return destination.StartsWith(OrganisationPrefix, StringComparison.OrdinalIgnoreCase)
            ? (null, destination[OrganisationPrefix.Length..])
            : (destination, null);
    }

    public static string DestinationValue(string countryIso2, string? organisationAcronym) =>
        organisationAcronym is null ? countryIso2 : OrganisationPrefix + organisationAcronym;

    /// <summary>Reads a date typed in a form (yyyy-mm-dd from a date input, or dd/mm/yyyy typed by hand).</summary>
    public static DateOnly? Date(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        state.AddModelError(field, text["postings.invalidDate"]);
        return null;
    }

    public static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>The form field that shows an error of the use case's field.</summary>
    public static string PageField(string field) => field switch
    {
        "country" or "organisation" => "Destination",
        "" or "vacancy" => "",
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };

    public static void Show(ModelStateDictionary state, InvalidInputException e)
    {
        foreach (var (field, messages) in e.Errors)
        {
            var key = PageField(field);
            if (state[key]?.Errors.Count > 0) continue;
            foreach (var m in messages) state.AddModelError(key, m);
        }
    }

    public static void Show(ModelStateDictionary state, IStringLocalizer text, DomainException e) =>
        state.AddModelError(PageField(e.Field), text[e.MessageKey, e.Args].Value);

    public static string Group(ModelStateDictionary state, string field, string css = "fr-input-group") =>
        state[field]?.Errors.Count > 0 ? $"{css} {css}--error" : css;

    public static string? Error(ModelStateDictionary state, string field) =>
        state[field]?.Errors.FirstOrDefault()?.ErrorMessage;
}
