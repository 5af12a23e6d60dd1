namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>A year's contribution of one side: money (in its currency), coopérants placed, training places offered.</summary>
/// <param name="Party">directorate or organisation.</param>
public record ContributionInput(int? Year, string? Party, decimal? Amount = null, string? Currency = null, int? CooperantsPlaced = null, int? TrainingPlaces = null);

/// <summary>
/// A partnership as the API and the forms give it. References go by code: organisation acronym, domain codes, country
/// ISO2 codes, zone codes.
/// </summary>
/// <param name="Organisation">Acronym of the organisation (ONU, OIF, G5S, UA, UE...).</param>
/// <param name="Domains">Codes of the fields it covers (FRENCH_LANGUAGE, PEACEKEEPING...).</param>
/// <param name="Countries">ISO2 codes of the countries it covers.</param>
/// <param name="Zones">Codes of the regions it covers.</param>
/// <param name="Version">The version read (edits): a stale one answers 409.</param>
public record PartnershipInput(
    string? Organisation, string? AgreementTitle, string? AgreementReference, DateOnly? SignedOn, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<string>? Domains = null, IReadOnlyList<string>? Countries = null, IReadOnlyList<string>? Zones = null,
    IReadOnlyList<ContributionInput>? Contributions = null, long? Version = null);

/// <summary>A partnership's fields checked: every reference known, the scope touching one of a desk officer's zones.</summary>
public sealed record PartnershipTerms(
    int OrganisationId, string Title, string Reference, DateOnly? SignedOn, DateOnly Start, DateOnly End,
    List<CooperationDomain> Domains, List<Country> Countries, List<Zone> Zones, List<PartnershipContribution> Contributions)
{
    /// <summary>The zones the partnership touches: its zones and those of its countries.</summary>
    public IEnumerable<int> ZoneIds => Zones.Select(z => z.Id).Concat(Countries.Where(c => c.ZoneId != null).Select(c => c.ZoneId!.Value)).Distinct();

    public void ApplyTo(Partnership p)
    {
        (p.OrganisationId, p.AgreementTitle, p.AgreementReference, p.SignedOn, p.StartDate, p.EndDate) = (OrganisationId, Title, Reference, SignedOn, Start, End);
        Replace(p.Domains, Domains, d => d.Id);
        Replace(p.Countries, Countries, c => c.Id);
        Replace(p.Zones, Zones, z => z.Id);
        p.SetContributions(Contributions);
    }

    private static void Replace<T>(List<T> current, List<T> wanted, Func<T, int> id)
    {
        current.RemoveAll(x => wanted.All(w => id(w) != id(x)));
        current.AddRange(wanted.Where(w => current.All(x => id(x) != id(w))));
    }
}

/// <summary>Checks a partnership's fields, every one, before its rules apply.</summary>
public class PartnershipForm(CooperationDbContext db, Access access, ReferenceCodes codes, IStringLocalizer<PartnershipForm> text) : IUseCase
{
    public const int MaxScope = 60;

    public async Task<PartnershipTerms> CheckAsync(PartnershipInput input, int? id, CancellationToken ct)
    {
        var errors = new FieldErrors(text);
        var organisation = await codes.OrganisationAsync(input.Organisation, errors, ct: ct);
        var title = errors.Text("agreementTitle", "Intitulé de l'accord", input.AgreementTitle, Partnership.MaxTitle);
        var reference = errors.Text("agreementReference", "Référence de l'accord", input.AgreementReference, Partnership.MaxReference);
        if (reference is not null && await db.Partnerships.AnyAsync(p => p.AgreementReference == reference && p.Id != (id ?? 0), ct))
            errors.Add("agreementReference", "partnership.referenceTaken", reference);
        var signed = errors.Date("signedOn", "Date de signature", input.SignedOn);
        var start = errors.Date("startDate", "Début de l'accord", errors.Required("startDate", "Début de l'accord", input.StartDate));
        var end = errors.Date("endDate", "Fin de l'accord", errors.Required("endDate", "Fin de l'accord", input.EndDate));

        var domains = await Many(errors, "domains", "Domaines", input.Domains, db.Domains, d => d.Code, ct);
        var countries = await Many(errors, "countries", "Pays", input.Countries, db.Countries, c => c.Iso2, ct);
        var zones = await Many(errors, "zones", "Régions", input.Zones, db.Zones, z => z.Code, ct);
        var contributions = Contributions(errors, input.Contributions);
        if (!errors.Has("countries") && !errors.Has("zones") && countries.Count + zones.Count == 0)
            errors.Add("countries", "partnership.scopeRequired");
        errors.ThrowIfAny();

        Partnership.ValidateTerms(start!.Value, end!.Value, signed);
        var terms = new PartnershipTerms(organisation!.Value.Id, title!, reference!, signed, start.Value, end.Value, domains, countries, zones, contributions);
        // A desk officer records only what she will be able to manage: a scope touching one of her zones.
        if (!access.CanManagePartnership(terms.ZoneIds)) throw FieldErrors.One(text, "countries", "partnership.scopeOutsideZones");
        return terms;
    }

    private static async Task<List<T>> Many<T>(FieldErrors errors, string field, string label, IReadOnlyList<string>? values, IQueryable<T> all,
        Func<T, string> code, CancellationToken ct) where T : class
    {
        var wanted = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count > MaxScope) { errors.Add(field, "partnership.scopeTooLong", errors.Label(label), MaxScope); return []; }
        if (wanted.Count == 0) return [];
        var found = (await all.ToListAsync(ct)).Where(x => wanted.Contains(code(x).ToUpperInvariant())).ToList();
        foreach (var missing in wanted.Where(w => found.All(f => code(f).ToUpperInvariant() != w)))
            errors.Add(field, "common.unknown", errors.Label(label), missing);
        return found;
    }

    private static List<PartnershipContribution> Contributions(FieldErrors errors, IReadOnlyList<ContributionInput>? lines)
    {
        var result = new List<PartnershipContribution>();
        foreach (var line in lines ?? [])
        {
            if (line is null) continue;
            var party = ParseParty(line.Party);
            if (line.Year is null) { errors.Add("contributions", "common.required", errors.Label("Année")); continue; }
            if (party is null) { errors.Add("contributions", "partnership.partyUnknown", line.Party ?? ""); continue; }
            var currency = string.IsNullOrWhiteSpace(line.Currency) ? "EUR" : line.Currency.Trim().ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)) { errors.Add("contributions", "partnership.currency", currency); continue; }
            result.Add(new PartnershipContribution
            {
                Year = line.Year.Value, Party = party.Value, Amount = line.Amount ?? 0, Currency = currency,
                CooperantsPlaced = line.CooperantsPlaced ?? 0, TrainingPlaces = line.TrainingPlaces ?? 0,
            });
        }
        return result;
    }

    /// <summary>directorate or organisation, whatever the case.</summary>
    public static ContributionParty? ParseParty(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<ContributionParty>(value.Trim(), true, out var p) ? p : null;

    public static string PartyCode(ContributionParty party) => party == ContributionParty.Directorate ? "directorate" : "organisation";
}
