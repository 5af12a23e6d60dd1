namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>
/// The signed agreement of a partnership, as a file: attached or replaced by those who manage the partnership (a PDF,
/// Word or OpenDocument text by its content, within the size limit), downloaded by whoever reads the partnership — an
/// agreement between institutions names no person.
/// </summary>
public class PartnershipAgreement(CooperationDbContext db, Access access, StoredFiles files, IStringLocalizer<PartnershipAgreement> text) : IUseCase
{
    public async Task AttachAsync(int id, IFormFile? agreement, CancellationToken ct = default)
    {
        var partnership = await EditPartnership.ManageableAsync(db, access, id, ct);
        var errors = new FieldErrors(text);
        var file = await files.ReadAsync(agreement, errors, "agreement", "Accord signé", FileKinds.Documents, ct: ct);
        errors.ThrowIfAny();
        partnership.AgreementFile = file;
        await db.SaveChangesAsync(ct);
    }

    public async Task<FileDownload> DownloadAsync(int id, CancellationToken ct = default)
    {
        var partnership = await access.VisiblePartnerships(db.Partnerships.AsNoTracking()).Where(p => p.Id == id)
            .Select(p => new { p.AgreementFileId }).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return partnership.AgreementFileId is { } fileId ? await files.LoadAsync(fileId, ct) : throw new RecordNotFoundException();
    }
}
