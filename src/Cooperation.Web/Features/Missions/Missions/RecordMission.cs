namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>Records a partner's request for an expertise mission, requested, in a country of the desk officer's zones.</summary>
public class RecordMission(CooperationDbContext db, Access access, MissionTerms terms, StoredFiles files, IStringLocalizer<RecordMission> text) : IUseCase
{
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanRecordMissions);

    /// <param name="letter">The partner's letter of request, if attached (a document by its content).</param>
    /// <returns>The id of the new mission.</returns>
    public async Task<int> HandleAsync(MissionInput input, IFormFile? letter = null, CancellationToken ct = default)
    {
        Authorize();
        var errors = new FieldErrors(text);
        var mission = new ExpertiseMission { HostAuthorityName = "", RequestedBy = "", Subject = "" };
        mission.RequestLetter = await files.ReadAsync(letter, errors, "letter", "Lettre de demande", FileKinds.Documents, required: false, ct: ct);
        await terms.ApplyAsync(mission, input, errors, ct);
        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return mission.Id;
    }
}
