using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Checks;

/// <summary>
/// Records a post-delivery check of a donation handed over: who checked, when, and for every item handed over whether
/// it is in use, present but not in use, or not found, its condition, whether it is at the declared location, a note.
/// It fills the first check still due (or one past the schedule). An item not found shows as an alert to the desk
/// officer and the director (the donations' list, the dashboard). The desk officers and the coopérant of the country record it.
/// </summary>
public class RecordCheck(CooperationDbContext db, DonationAccess donations, Access access, StoredFiles files, TimeProvider clock,
    IStringLocalizer<RecordCheck> text) : IUseCase
{
    /// <summary>What a check's photo may be: an image, recognised by its content, at most the size files may be.</summary>
    public const FileKinds PhotoKinds = FileKinds.Images;

    /// <param name="ItemId">The item of the donation.</param>
    /// <param name="Finding">inUse, notInUse or notFound.</param>
    /// <param name="Condition">good, fair, poor or unusable: required unless not found.</param>
    /// <param name="AtDeclaredLocation">Whether it was found where the handover declared it.</param>
    public record FindingInput(int? ItemId, string? Finding, string? Condition = null, bool? AtDeclaredLocation = null, string? Note = null);

    /// <param name="CheckedOn">The day of the check (not in the future, not before the handover).</param>
    /// <param name="CheckedBy">Who checked (name and rank).</param>
    /// <param name="Findings">One finding for every item handed over.</param>
    /// <param name="Version">The donation's version as read; a stale one answers 409.</param>
    public record Request(DateOnly? CheckedOn, string? CheckedBy, IReadOnlyList<FindingInput?>? Findings, long? Version = null);

    /// <param name="photos">The optional photo of each item, by item id: the page's form sends them with the check, an API
    /// client attaches them afterwards (<see cref="AttachCheckPhoto"/>).</param>
    /// <returns>The id of the check recorded.</returns>
    public async Task<int> HandleAsync(int id, Request request, IReadOnlyDictionary<int, IFormFile>? photos = null, CancellationToken ct = default)
    {
        var donation = await donations.HandoverRecordableAsync(id, ct);
        var errors = new FieldErrors(text);
        var on = errors.Date("checkedOn", "Date du contrôle", errors.Required("checkedOn", "Date du contrôle", request.CheckedOn));
        var by = errors.Text("checkedBy", "Contrôlé par", request.CheckedBy);
        var findings = new List<FindingTerms>();
        var list = request.Findings ?? [];
        if (list.Count == 0) errors.Add("findings", "common.required", errors.Label("Constats"));
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"findings[{i}]";
            var input = list[i];
            var itemId = errors.Required(field, "Article", input?.ItemId);
            var finding = ProjectCodes.Read<ItemFinding>(errors, field, "Constat", input?.Finding);
            var condition = ProjectCodes.Read<ItemCondition>(errors, field, "État", input?.Condition, required: false);
            var note = errors.Text(field, "Observation", input?.Note, 1000, optional: true);
            var photo = itemId is { } item && photos?.GetValueOrDefault(item) is { } sent
                ? await files.ReadAsync(sent, errors, $"photos[{item}]", "Photo", PhotoKinds, ct: ct)
                : null;
            if (!errors.Has(field)) findings.Add(new FindingTerms(itemId!.Value, finding!.Value, condition, input!.AtDeclaredLocation, note, photo));
        }
        errors.ThrowIfAny();
        var check = donation.RecordCheck(on!.Value, by!, access.UserId, findings, clock.Today());
        donations.Guard(donation, request.Version);
        await db.SaveChangesAsync(ct);
        return check.Id;
    }
}
