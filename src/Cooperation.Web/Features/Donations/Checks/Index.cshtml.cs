using Cooperation.Web.Features.Donations.Donations;

namespace Cooperation.Web.Features.Donations.Checks;

/// <summary>
/// Records a post-delivery check of a donation handed over: the day, who checked, and for each item handed over what
/// was found (in use, present but out of use, not found), its condition, whether it is at the declared location, a note
/// and an optional photo.
/// </summary>
public class IndexModel(RecordCheck record, GetDonation get, IStringLocalizer<IndexModel> text) : FormPageModel
{
    public sealed class FindingRow
    {
        public string? Finding { get; set; }
        public string? Condition { get; set; }
        public bool AtDeclaredLocation { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? CheckedOn { get; set; }
    [BindProperty] public string? CheckedBy { get; set; }
    /// <summary>Each handed-over item's finding, by item id.</summary>
    [BindProperty] public Dictionary<int, FindingRow> Findings { get; set; } = [];

    public DonationDetails Donation { get; private set; } = null!;

    /// <summary>The items the check covers: those handed over.</summary>
    public IEnumerable<DonationItemView> Items => Donation.Items.Where(i => i.QuantityHandedOver > 0);

    /// <summary>The scheduled check this one fills: the first still open, if any.</summary>
    public CheckView? Due => Donation.Checks.Where(c => c.CheckedOn is null).MinBy(c => c.DueOn);

    private List<int> _order = [];

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var on = Date(nameof(CheckedOn), CheckedOn);
        ThrowIfInvalid();
        _order = Findings.Keys.ToList();
        var photos = Request.Form.Files.Where(f => f.Name.StartsWith("Photo_", StringComparison.Ordinal) && f.Length > 0)
            .Select(f => (Item: FormValues.Int(f.Name["Photo_".Length..]), File: f)).Where(p => p.Item is not null)
            .ToDictionary(p => p.Item!.Value, p => p.File);
        var findings = Findings.Select(f => (RecordCheck.FindingInput?)new RecordCheck.FindingInput(
            f.Key, f.Value.Finding, string.IsNullOrEmpty(f.Value.Condition) ? null : f.Value.Condition, f.Value.AtDeclaredLocation, f.Value.Note)).ToList();
        await record.HandleAsync(Id, new RecordCheck.Request(on, CheckedBy, findings, FormValues.Int(Version)), photos, ct);
        TempData["Flash"] = text["Le contrôle après livraison est enregistré."].Value;
        return Redirect($"/Donations/{Id}");
    }

    /// <summary>A finding's or a photo's refusal shows beside its item.</summary>
    public override string FormField(string field)
    {
        var finding = System.Text.RegularExpressions.Regex.Match(field, @"^findings\[(\d+)\]$");
        if (finding.Success && int.TryParse(finding.Groups[1].Value, out var k) && k < _order.Count) return $"Findings[{_order[k]}]";
        var photo = System.Text.RegularExpressions.Regex.Match(field, @"^photos\[(\d+)\]$");
        if (photo.Success) return $"Findings[{photo.Groups[1].Value}]";
        return field == "findings" ? "Findings" : base.FormField(field);
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Donation = await get.HandleAsync(Id, ct);
        ForbiddenException.ThrowUnless(Donation.CanRecordHandover);
        foreach (var item in Items) Findings.TryAdd(item.Id, new FindingRow { AtDeclaredLocation = true });
    }
}
