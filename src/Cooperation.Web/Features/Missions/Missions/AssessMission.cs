namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>The desk officer of the zone assesses a request: its relevance to the zone's priorities, its feasibility, its risks.</summary>
public class AssessMission(CooperationDbContext db, MissionAccess missions, Access access, TimeProvider clock, IStringLocalizer<AssessMission> text) : IUseCase
{
    public record Request(string? Relevance, string? Feasibility, string? Risks, long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var relevance = errors.Text("relevance", "Pertinence au regard des priorités de la zone", request.Relevance, ExpertiseMission.MaxText);
        var feasibility = errors.Text("feasibility", "Faisabilité", request.Feasibility, ExpertiseMission.MaxText);
        var risks = errors.Text("risks", "Risques", request.Risks, ExpertiseMission.MaxText);
        errors.ThrowIfAny();
        mission.Assess(relevance!, feasibility!, risks!, access.ActorName, clock.Today());
        missions.Guard(mission, request.Version);
        await db.SaveChangesAsync(ct);
    }
}
