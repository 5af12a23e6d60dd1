using System.Globalization;
using Cooperation.Web.Data;
using Cooperation.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cooperation.Web.Features.Network;

/// <summary>
/// The fields of a request that are missing, too long or name an unknown code, collected before any rule runs
/// so that a form shows them all at once. Keys are the API's field names (camelCase); messages are already in the
/// user's language.
/// </summary>
public sealed class InputErrors(IStringLocalizer text)
{
    public const int MaxText = 200;
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;

    public void Add(string field, string messageKey, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(text[messageKey, args].Value);
    }

    public string Label(string label) => text[label].Value;

    public T? Required<T>(string field, string label, T? value) where T : struct
    {
        if (value is null) Add(field, "common.required", Label(label));
        return value;
    }

    /// <summary>A required line of text, trimmed, at most <see cref="MaxText"/> characters.</summary>
    public string? Text(string field, string label, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { Add(field, "common.required", Label(label)); return null; }
        if (v.Length > MaxText) { Add(field, "postings.tooLong", Label(label), MaxText); return null; }
        return v;
    }

    public void ThrowIfAny()
    {
        if (Any) throw new InvalidInputException(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}

/// <summary>Fields of a request that cannot be used as given; the API answers a 400 ValidationProblem, a form shows them.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors) : Exception("Invalid input")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The record does not exist or lies outside the user's scope: both answer the same 404.</summary>
public sealed class RecordNotFoundException() : Exception("common.notFound");

/// <summary>Where a posting or vacancy is: a country, or an organisation placed in the country of its seat.</summary>
public sealed record Destination(int CountryId, int? OrganisationId);

/// <summary>Turns the codes a request carries (ISO2, acronyms, reference codes) into record ids, or field errors.</summary>
public static class NetworkCodes
{
    public static async Task<Destination?> DestinationAsync(CooperationDbContext db, string? country, string? organisation,
        InputErrors errors, CancellationToken ct)
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

    public static async Task<int?> HostAuthorityTypeAsync(CooperationDbContext db, string? code, InputErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) { errors.Add("hostAuthorityType", "common.required", errors.Label("Type d'autorité d'accueil")); return null; }
        var id = await db.HostAuthorityTypes.AsNoTracking().Where(t => t.Code == code).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("hostAuthorityType", "common.unknown", errors.Label("Type d'autorité d'accueil"), code);
        return id;
    }

    /// <summary>An optional administration: null when not given, an error when unknown or sending no coopérant.</summary>
    public static async Task<int?> AdministrationAsync(CooperationDbContext db, string? code, InputErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        var id = await db.Administrations.AsNoTracking().Where(a => a.Code == code && !a.TraineesOnly).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("administration", "common.unknown", errors.Label("Administration d'origine"), code);
        return id;
    }

    public static async Task<int?> DomainAsync(CooperationDbContext db, string? code, InputErrors errors, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        var id = await db.Domains.AsNoTracking().Where(d => d.Code == code).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("domain", "common.unknown", errors.Label("Domaine"), code);
        return id;
    }

    /// <summary>A coopérant with all his postings, tracked, so that the overlap rule sees every one of them.</summary>
    public static async Task<Cooperant?> CooperantAsync(CooperationDbContext db, int? id, InputErrors errors, CancellationToken ct)
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
