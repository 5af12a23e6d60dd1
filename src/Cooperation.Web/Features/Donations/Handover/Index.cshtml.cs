using Cooperation.Web.Features.Donations.Donations;

namespace Cooperation.Web.Features.Donations.Handover;

/// <summary>Records a donation's handover: date, place, receiving authority, signatory, the signed record, each item's quantity handed over.</summary>
public class IndexModel(RecordHandover record, GetDonation get, IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? HandoverDate { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? ReceivingAuthority { get; set; }
    [BindProperty] public string? Signatory { get; set; }
    [BindProperty] public Dictionary<int, string?> Quantities { get; set; } = [];
    [BindProperty] public IFormFile? Document { get; set; }

    public DonationDetails Donation { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var date = Date(nameof(HandoverDate), HandoverDate);
        var quantities = Quantities.ToDictionary(q => q.Key, q => Number(nameof(Quantities), q.Value));
        ThrowIfInvalid();
        await record.HandleAsync(Id, new RecordHandover.Request(date, Place, ReceivingAuthority, Signatory, quantities, Document, FormValues.Int(Version)), ct);
        TempData["Flash"] = text["La remise est enregistrée ; les contrôles après livraison sont planifiés."].Value;
        return Redirect($"/Donations/{Id}");
    }

    public override string FormField(string field) => field switch
    {
        "date" => nameof(HandoverDate),
        "items" or "quantities" => nameof(Quantities),
        _ => base.FormField(field),
    };

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Donation = await get.HandleAsync(Id, ct);
        ForbiddenException.ThrowUnless(Donation.CanRecordHandover);
    }
}
