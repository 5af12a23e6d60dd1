namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>The files of a donation (its end-user statement, its signed handover record), to those who read the donation.</summary>
public class GetDonationFile(CooperationDbContext db, DonationAccess donations, StoredFiles files) : IUseCase
{
    public enum Kind { EndUserStatement, HandoverDocument }

    public async Task<FileDownload> HandleAsync(int id, Kind kind, CancellationToken ct = default)
    {
        await donations.ReadableCountryAsync(id, ct);
        var fileId = await db.Donations.AsNoTracking().Where(d => d.Id == id)
            .Select(d => kind == Kind.EndUserStatement ? d.EndUserStatementFileId : d.HandoverDocumentFileId).SingleAsync(ct);
        return fileId is { } f ? await files.LoadAsync(f, ct) : throw new RecordNotFoundException();
    }

    /// <summary>A check's photo of an item of the donation.</summary>
    public async Task<FileDownload> PhotoAsync(int id, int checkId, int itemId, CancellationToken ct = default)
    {
        await donations.ReadableCountryAsync(id, ct);
        var fileId = await db.ItemChecks.AsNoTracking().Where(f => f.CheckId == checkId && f.ItemId == itemId && f.Check!.DonationId == id)
            .Select(f => f.PhotoFileId).SingleOrDefaultAsync(ct);
        return fileId is { } p ? await files.LoadAsync(p, ct) : throw new RecordNotFoundException();
    }
}
