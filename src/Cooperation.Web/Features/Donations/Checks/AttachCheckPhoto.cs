namespace Cooperation.Web.Features.Donations.Checks;

/// <summary>
/// Adds (or replaces) the photo of an item at a check already recorded: an image recognised by its content, at most the
/// size files may be. The same people who record the check attach its photos, one by one on a slow link.
/// </summary>
public class AttachCheckPhoto(CooperationDbContext db, DonationAccess donations, StoredFiles files, IStringLocalizer<AttachCheckPhoto> text) : IUseCase
{
    public async Task HandleAsync(int id, int checkId, int itemId, IFormFile? file, long? version, CancellationToken ct = default)
    {
        var donation = await donations.HandoverRecordableAsync(id, ct);
        var errors = new FieldErrors(text);
        var photo = await files.ReadAsync(file, errors, "file", "Photo", RecordCheck.PhotoKinds, ct: ct);
        errors.ThrowIfAny();
        donation.AttachCheckPhoto(checkId, itemId, photo!);
        donations.Guard(donation, version);
        await db.SaveChangesAsync(ct);
    }
}
