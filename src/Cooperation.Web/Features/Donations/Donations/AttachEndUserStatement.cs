namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// Attaches the receiving authority's end-user statement to a proposed donation (PDF, DOCX, ODT or an image of the
/// signed certificate, checked by its content, at most 20 MB): what the director's approval needs.
/// </summary>
public class AttachEndUserStatement(CooperationDbContext db, DonationAccess donations, StoredFiles files, IStringLocalizer<AttachEndUserStatement> text) : IUseCase
{
    public const FileKinds Accepted = FileKinds.Documents | FileKinds.Images;

    public async Task HandleAsync(int id, IFormFile? file, long? version, CancellationToken ct = default)
    {
        var donation = await donations.ManageableAsync(id, ct);
        var errors = new FieldErrors(text);
        var statement = await files.ReadAsync(file, errors, "file", "Certificat d'utilisation finale", Accepted, ct: ct);
        errors.ThrowIfAny();
        donation.AttachEndUserStatement(statement!);
        donations.Guard(donation, version);
        await db.SaveChangesAsync(ct);
    }
}
