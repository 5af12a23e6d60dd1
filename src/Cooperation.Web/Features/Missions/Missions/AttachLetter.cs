namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>Attaches the partner's letter of request to a mission (or replaces it): a document by its content, within the size limit.</summary>
public class AttachLetter(CooperationDbContext db, MissionAccess missions, StoredFiles files, IStringLocalizer<AttachLetter> text) : IUseCase
{
    public async Task HandleAsync(int id, IFormFile? letter, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var file = await files.ReadAsync(letter, errors, "letter", "Lettre de demande", FileKinds.Documents, ct: ct);
        errors.ThrowIfAny();
        mission.RequestLetter = file;
        missions.Guard(mission, null);
        await db.SaveChangesAsync(ct);
    }
}
