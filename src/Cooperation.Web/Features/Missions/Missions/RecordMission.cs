namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>Records a partner's request for an expertise mission, requested, in a country of the desk officer's zones.</summary>
public class RecordMission(CooperationDbContext db, Access access, MissionTerms terms, IStringLocalizer<RecordMission> text) : IUseCase
{
    public void Authorize() => ForbiddenException.ThrowUnless(access.CanRecordMissions);

    /// <returns>The id of the new mission.</returns>
    public async Task<int> HandleAsync(MissionInput input, CancellationToken ct = default)
    {
        Authorize();
        var mission = new ExpertiseMission { HostAuthorityName = "", RequestedBy = "", Subject = "" };
        await terms.ApplyAsync(mission, input, new FieldErrors(text), ct);
        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return mission.Id;
    }
}
