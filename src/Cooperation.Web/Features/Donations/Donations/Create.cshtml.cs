using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>Proposes a donation: the beneficiary, the project, the risk note and up to <see cref="Rows"/> items.</summary>
public class CreateModel(ProposeDonation propose, ReferenceLists references, ListProjects projects, Access access, IStringLocalizer<CreateModel> text)
    : DonationFormPage(references, projects, access)
{
    public const int Rows = 6;

    public sealed class ItemRow
    {
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? Quantity { get; set; }
        public string? UnitValue { get; set; }
        public string? Currency { get; set; } = "EUR";
        public string? Rate { get; set; }
        public string? Supplier { get; set; }
        public string? MlCategory { get; set; }
        public string? ExportLicence { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(UnitValue);
    }

    [BindProperty] public List<ItemRow> Items { get; set; } = [];

    /// <summary>The form's row of each item the use case read (blank rows are left out).</summary>
    private List<int> _rows = [];

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var items = new List<ItemInput?>();
        _rows = [];
        for (var i = 0; i < Items.Count; i++)
        {
            var row = Items[i];
            if (row.IsBlank) continue;
            _rows.Add(i);
            items.Add(new ItemInput(row.Category, row.Description, Number($"Items[{i}]", row.Quantity), Decimal($"Items[{i}]", row.UnitValue),
                row.Currency, Decimal($"Items[{i}]", row.Rate), row.Supplier, row.MlCategory, row.ExportLicence));
        }
        ThrowIfInvalid();
        var id = await propose.HandleAsync(new ProposeDonation.Request(Title, Country, ReceivingAuthority, ReceivingUnit, FormValues.Int(ProjectId),
            items, RiskOfDiversion, HumanitarianLaw, StorageAndAccountability), ct);
        TempData["Flash"] = text["Le don a été proposé : il attend l'approbation du directeur."].Value;
        return Redirect($"/Donations/{id}");
    }

    /// <summary>An item's refusal shows beside its row of the form.</summary>
    public override string FormField(string field)
    {
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^items\[(\d+)\]$");
        if (match.Success && int.TryParse(match.Groups[1].Value, out var k) && k < _rows.Count) return $"Items[{_rows[k]}]";
        return field == "items" ? "Items" : base.FormField(field);
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        propose.Authorize();
        await LoadChoicesAsync(ct);
        while (Items.Count < Rows) Items.Add(new ItemRow());
    }
}
