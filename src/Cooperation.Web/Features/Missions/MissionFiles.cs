namespace Cooperation.Web.Features.Missions;

/// <summary>
/// The files a mission holds — the partner's letter of request, the report — downloaded by those who read the
/// mission's personal data (<see cref="Access.ReadsMissionPersonalDataAsync"/>): a file cannot be redacted, so the
/// auditor reads what the mission's page says of it, not the file.
/// </summary>
public class MissionFiles(CooperationDbContext db, Access access, MissionAccess missions, StoredFiles files) : IUseCase
{
    public enum Which { Letter, Report }

    public async Task<FileDownload> HandleAsync(int id, Which which, CancellationToken ct = default)
    {
        var countryId = await missions.ReadableCountryAsync(id, ct);
        ForbiddenException.ThrowUnless(await access.ReadsMissionPersonalDataAsync(countryId, ct));
        var fileId = await db.Missions.AsNoTracking().Where(m => m.Id == id)
            .Select(m => which == Which.Letter ? m.RequestLetterId : m.ReportFileId).SingleAsync(ct);
        return fileId is { } f ? await files.LoadAsync(f, ct) : throw new RecordNotFoundException();
    }
}
