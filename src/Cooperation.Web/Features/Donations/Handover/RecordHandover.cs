namespace Cooperation.Web.Features.Donations.Handover;

/// <summary>
/// Records the handover of a delivered donation: when, where, the receiving authority and the officer who signed, the
/// signed handover record (a document or a scan, checked by its content, at most 20 MB), and each item's quantity
/// actually handed over — a shortfall is recorded as such. Schedules the post-delivery checks
/// (<see cref="DonationLabels.CheckMonthsSetting"/>, by default 6 and 12 months after). Its desk officers and the
/// coopérant of its country record it.
/// </summary>
public class RecordHandover(CooperationDbContext db, DonationAccess donations, StoredFiles files, IConfiguration config, TimeProvider clock,
    IStringLocalizer<RecordHandover> text) : IUseCase
{
    public const FileKinds Accepted = FileKinds.Documents | FileKinds.Images;

    /// <param name="Date">The day of the handover.</param>
    /// <param name="Quantities">Each item's quantity handed over, by item id.</param>
    /// <param name="Document">The handover record signed by both sides.</param>
    public record Request(
        DateOnly? Date, string? Place, string? ReceivingAuthority, string? Signatory, IReadOnlyDictionary<int, int?>? Quantities,
        IFormFile? Document, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var donation = await donations.HandoverRecordableAsync(id, ct);
        var errors = new FieldErrors(text);
        var date = errors.Date("date", "Date de la remise", errors.Required("date", "Date de la remise", request.Date));
        var place = errors.Text("place", "Lieu de la remise", request.Place);
        var authority = errors.Text("receivingAuthority", "Autorité qui reçoit", request.ReceivingAuthority);
        var signatory = errors.Text("signatory", "Officier signataire", request.Signatory);
        var quantities = new Dictionary<int, int>();
        if (request.Quantities is null || request.Quantities.Count == 0) errors.Add("quantities", "common.required", errors.Label("Quantités remises"));
        else
            foreach (var (itemId, quantity) in request.Quantities)
                if (quantity is { } q) quantities[itemId] = q;
                else errors.Add("quantities", "donation.handoverQuantityMissing", donation.Items.FirstOrDefault(i => i.Id == itemId)?.Description ?? itemId.ToString());
        var document = await files.ReadAsync(request.Document, errors, "document", "Procès-verbal de remise signé", Accepted, ct: ct);
        errors.ThrowIfAny();
        donation.HandOver(new HandoverTerms(date!.Value, place!, authority!, signatory!, document!, quantities), DonationLabels.CheckMonths(config), clock.Today());
        donations.Guard(donation, request.Version);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The quantities as the API's multipart field carries them: a JSON object of item id to quantity ({"12": 20}); null when it is none.</summary>
    public static IReadOnlyDictionary<int, int?>? ParseQuantities(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var parsed = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int?>>(json);
            if (parsed is null) return null;
            var result = new Dictionary<int, int?>();
            foreach (var (key, value) in parsed)
            {
                if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var itemId)) return null;
                result[itemId] = value;
            }
            return result;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
