using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>The director (or an administrator) approves or declines an assessed request; a decline gives its reason.</summary>
public class DecideMission(CooperationDbContext db, MissionAccess missions, Access access, TimeProvider clock, IStringLocalizer<DecideMission> text) : IUseCase
{
    /// <param name="Decision">approve or decline.</param>
    /// <param name="Reason">Why: required to decline.</param>
    public record Request(string? Decision, string? Reason = null, long? Version = null);

    public enum Choice { Approve = 1, Decline = 2 }

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var mission = await missions.DecidedAsync(id, ct);
        var errors = new FieldErrors(text);
        var choice = ProjectCodes.Read<Choice>(errors, "decision", "Décision", request.Decision);
        var reason = errors.Text("reason", "Motif", request.Reason, ExpertiseMission.MaxText, optional: true);
        errors.ThrowIfAny();
        mission.Decide(choice == Choice.Approve, reason, access.ActorName, clock.Today());
        missions.Guard(mission, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
