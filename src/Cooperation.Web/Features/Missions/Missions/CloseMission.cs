namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>Closes a reported mission: every recommendation implemented or abandoned, or else with the reason.</summary>
public class CloseMission(CooperationDbContext db, MissionAccess missions, TimeProvider clock, IStringLocalizer<CloseMission> text) : IUseCase
{
    public record Request(string? Reason = null, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var reason = errors.Text("reason", "Motif de clôture", request.Reason, ExpertiseMission.MaxText, optional: true);
        errors.ThrowIfAny();
        mission.Close(reason, clock.Today());
        missions.Guard(mission, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
