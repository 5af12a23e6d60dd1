using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>An item of a donation as a request gives it.</summary>
/// <param name="Category">surveillance, civilProtection, trainingCentres or trainingMeans: the four categories, no other.</param>
/// <param name="Description">What it is: a description naming a weapon, ammunition, an explosive or a weapon part is refused.</param>
/// <param name="Quantity">A positive whole number.</param>
/// <param name="UnitValue">The price of one, positive, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code (EUR, XOF, USD...).</param>
/// <param name="Rate">Units of the currency for one euro, as used (1, or left out, for euros).</param>
/// <param name="MlCategory">Its category of the EU Common Military List ("ML13"), or none: ML1-4, 7, 8, 12 and 19 are refused.</param>
/// <param name="ExportLicence">The export licence reference an item on the list needs before it is ordered.</param>
public record ItemInput(
    string? Category, string? Description, int? Quantity, decimal? UnitValue, string? Currency, decimal? Rate = null,
    string? Supplier = null, string? MlCategory = null, string? ExportLicence = null);

/// <summary>
/// Reads an item of a request into its terms, every field checked, then the non-lethal rule
/// (<see cref="NonLethalRule"/>): the one path every entry of an item takes.
/// </summary>
public sealed class ItemReader(ReferenceCodes codes) : IUseCase
{
    /// <summary>The item, or null with its errors, all under <paramref name="field"/> (one field an item: "items[0]", "item").</summary>
    public async Task<ItemTerms?> ReadAsync(ItemInput? input, FieldErrors errors, string field, CancellationToken ct = default)
    {
        if (input is null)
        {
            errors.Add(field, "donation.itemsRequired");
            return null;
        }
        var description = errors.Text(field, "Description de l'article", input.Description, DonationItem.MaxDescription);
        var quantity = errors.Required(field, "Quantité", input.Quantity);
        var unitValue = errors.Required(field, "Valeur unitaire", input.UnitValue);
        var currency = await codes.CurrencyAsync(input.Currency, errors, field, ct: ct);
        var rate = currency == "EUR" && input.Rate is null ? 1m : errors.Required(field, "Taux de change (unités pour 1 €)", input.Rate);
        var supplier = errors.Text(field, "Fournisseur", input.Supplier, optional: true);
        var licence = errors.Text(field, "Licence d'exportation", input.ExportLicence, 100, optional: true);
        int? ml = null;
        try
        {
            ml = NonLethalRule.ParseMl(field, input.MlCategory);
            // The rule speaks first: a lethal item is refused for what it is, whatever else is wrong with it.
            NonLethalRule.Check(field, description ?? input.Description ?? "", ProjectCodes.Parse<EquipmentCategory>(input.Category), ml);
        }
        catch (DomainException broken)
        {
            errors.Add(broken);
            return null;
        }
        if (errors.Has(field)) return null;
        var terms = new ItemTerms(ProjectCodes.Parse<EquipmentCategory>(input.Category)!.Value, description!, quantity!.Value, unitValue!.Value,
            currency!, rate!.Value, supplier, ml, licence);
        try
        {
            // The item's own rules (positive quantity, value and rate) now, so that every item's refusal shows at once.
            DonationItem.From(terms, field);
            return terms;
        }
        catch (DomainException broken)
        {
            errors.Add(broken);
            return null;
        }
    }
}
