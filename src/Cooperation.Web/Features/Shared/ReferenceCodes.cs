namespace Cooperation.Web.Features.Shared;

/// <summary>A training place as the scope checks need it.</summary>
public sealed record SchoolKey(int Id, int CountryId, string Acronym, string City);

/// <summary>
/// Turns the codes that forms, API requests and import files carry (ISO2, acronyms, reference codes) into record ids,
/// or into field errors naming the unknown code. The reference tables are small and fixed: each is read once per
/// request, at first use (not when no code is given), so that an import of 10,000 rows reads it once too. Codes are matched whatever their case.
/// </summary>
public sealed class ReferenceCodes(CooperationDbContext db) : IUseCase
{
    private sealed record Entry(int Id, string Name, int Other = 0, bool Flag = false);

    private Dictionary<string, Entry>? _countries, _administrations, _domains, _organisations, _hostAuthorityTypes, _zones;
    private Dictionary<string, SchoolKey>? _schools;

    /// <summary>A country by ISO2 code.</summary>
    public async Task<int?> CountryAsync(string? code, FieldErrors errors, string field = "country", string label = "Pays",
        bool required = true, CancellationToken ct = default)
    {
        if (Blank(code, errors, field, label, required)) return null;
        _countries ??= await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso2, c => new Entry(c.Id, c.NameFr),
            StringComparer.OrdinalIgnoreCase, ct);
        return Find(_countries, code, errors, field, label)?.Id;
    }

    /// <summary>
    /// Countries of a filter that takes several (<see cref="ListFilters.Codes"/>): their ids, each unknown code an
    /// error; null when none is given.
    /// </summary>
    public async Task<IReadOnlyList<int>?> CountriesAsync(string? codes, FieldErrors errors, string field = "country", string label = "Pays",
        CancellationToken ct = default)
    {
        if (ListFilters.Codes(codes) is not { } list) return null;
        var ids = new List<int>();
        foreach (var code in list)
            if (await CountryAsync(code, errors, field, label, required: false, ct) is { } id) ids.Add(id);
        return ids;
    }

    /// <summary>
    /// A home administration by code. Customs officers are trained though customs seconds no coopérant:
    /// <paramref name="secondingOnly"/> refuses it where a coopérant is meant.
    /// </summary>
    public async Task<int?> AdministrationAsync(string? code, FieldErrors errors, string field = "administration",
        string label = "Administration d'origine", bool required = true, bool secondingOnly = false, CancellationToken ct = default)
    {
        if (Blank(code, errors, field, label, required)) return null;
        _administrations ??= await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Code,
            a => new Entry(a.Id, Names.Pick(a.NameFr, a.NameEn), Flag: a.TraineesOnly), StringComparer.OrdinalIgnoreCase, ct);
        if (Find(_administrations, code, errors, field, label) is not { } administration) return null;
        if (!secondingOnly || !administration.Flag) return administration.Id;
        errors.Add(field, "reference.traineesOnly", administration.Name,
            string.Join(", ", _administrations.Values.Where(a => !a.Flag).Select(a => a.Name).Order()));
        return null;
    }

    /// <summary>A field of cooperation by code (PEACEKEEPING, DEMINING...).</summary>
    public async Task<int?> DomainAsync(string? code, FieldErrors errors, string field = "domain", string label = "Domaine",
        bool required = true, CancellationToken ct = default)
    {
        if (Blank(code, errors, field, label, required)) return null;
        _domains ??= await db.Domains.AsNoTracking().ToDictionaryAsync(d => d.Code, d => new Entry(d.Id, d.NameFr),
            StringComparer.OrdinalIgnoreCase, ct);
        return Find(_domains, code, errors, field, label)?.Id;
    }

    /// <summary>An international or regional organisation by acronym, with the country of its seat.</summary>
    public async Task<(int Id, int SeatCountryId)?> OrganisationAsync(string? acronym, FieldErrors errors, string field = "organisation",
        string label = "Organisation", bool required = true, CancellationToken ct = default)
    {
        if (Blank(acronym, errors, field, label, required)) return null;
        _organisations ??= await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Acronym,
            o => new Entry(o.Id, o.NameFr, o.SeatCountryId), StringComparer.OrdinalIgnoreCase, ct);
        return Find(_organisations, acronym, errors, field, label) is { } o ? (o.Id, o.Other) : null;
    }

    public async Task<int?> HostAuthorityTypeAsync(string? code, FieldErrors errors, string field = "hostAuthorityType",
        string label = "Type d'autorité d'accueil", bool required = true, CancellationToken ct = default)
    {
        if (Blank(code, errors, field, label, required)) return null;
        _hostAuthorityTypes ??= await db.HostAuthorityTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => new Entry(t.Id, t.NameFr),
            StringComparer.OrdinalIgnoreCase, ct);
        return Find(_hostAuthorityTypes, code, errors, field, label)?.Id;
    }

    public async Task<int?> ZoneAsync(string? code, FieldErrors errors, string field = "zone", string label = "Zone",
        bool required = true, CancellationToken ct = default)
    {
        if (Blank(code, errors, field, label, required)) return null;
        _zones ??= await db.Zones.AsNoTracking().ToDictionaryAsync(z => z.Code, z => new Entry(z.Id, z.NameFr),
            StringComparer.OrdinalIgnoreCase, ct);
        return Find(_zones, code, errors, field, label)?.Id;
    }

    /// <summary>A training place by acronym.</summary>
    public async Task<SchoolKey?> SchoolAsync(string? acronym, FieldErrors errors, string field = "school", string label = "École",
        bool required = true, CancellationToken ct = default)
    {
        if (Blank(acronym, errors, field, label, required)) return null;
        _schools ??= await db.RegionalSchools.AsNoTracking().Select(s => new SchoolKey(s.Id, s.CountryId, s.Acronym, s.City))
            .ToDictionaryAsync(s => s.Acronym, StringComparer.OrdinalIgnoreCase, ct);
        return Find(_schools, acronym, errors, field, label);
    }

    /// <summary>A currency of the ISO 4217 list by code (withdrawn codes refused), as written upper-case.</summary>
    public async Task<string?> CurrencyAsync(string? code, FieldErrors errors, string field = "currency", string label = "Devise",
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, "common.required", errors.Label(label));
            return null;
        }
        var clean = code.Trim().ToUpperInvariant();
        var currency = await db.Currencies.AsNoTracking().Where(c => c.Code == clean).Select(c => new { c.Withdrawn }).SingleOrDefaultAsync(ct);
        if (currency is null) errors.Add(field, "project.currencyUnknown", clean);
        else if (currency.Withdrawn) errors.Add(field, "project.currencyWithdrawn", clean);
        return currency is { Withdrawn: false } ? clean : null;
    }

    /// <summary>No code given: an error if one is required, and no table to read.</summary>
    private static bool Blank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? code, FieldErrors errors, string field, string label, bool required)
    {
        if (!string.IsNullOrWhiteSpace(code)) return false;
        if (required) errors.Add(field, "common.required", errors.Label(label));
        return true;
    }

    /// <summary>A code given (<see cref="Blank"/> has answered for the missing ones) in its table, or an error naming it.</summary>
    private static T? Find<T>(Dictionary<string, T> table, string code, FieldErrors errors, string field, string label)
        where T : class
    {
        var clean = code.Trim();
        if (table.TryGetValue(clean, out var found)) return found;
        errors.Add(field, "common.unknown", errors.Label(label), clean.ToUpperInvariant());
        return null;
    }
}
