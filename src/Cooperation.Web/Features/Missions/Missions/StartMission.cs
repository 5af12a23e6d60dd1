namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>A staffed mission starts, on the day it actually started.</summary>
public class StartMission(CooperationDbContext db, MissionAccess missions, IStringLocalizer<StartMission> text) : IUseCase
{
    public record Request(DateOnly? ActualStartDate, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var start = errors.Date("actualStartDate", "Début effectif", errors.Required("actualStartDate", "Début effectif", request.ActualStartDate));
        errors.ThrowIfAny();
        mission.Start(start!.Value);
        missions.Guard(mission, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
