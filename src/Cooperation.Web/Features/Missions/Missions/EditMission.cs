namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>Changes a request's terms until it is decided, guarded by the version read (a request changed meanwhile answers 409).</summary>
public class EditMission(CooperationDbContext db, MissionAccess missions, MissionTerms terms, IStringLocalizer<EditMission> text) : IUseCase
{
    public async Task HandleAsync(int id, MissionInput input, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", input.Version);
        mission.EnsureRequestEditable();
        await terms.ApplyAsync(mission, input, errors, ct);
        missions.Guard(mission, version);
        await db.SaveChangesAsync(ct);
    }
}
