using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Missions.Recommendations;

/// <summary>A recommendation of the mission's report: the authority that owns it, its due date and priority; open at first.</summary>
public class AddRecommendation(CooperationDbContext db, MissionAccess missions, IStringLocalizer<AddRecommendation> text) : IUseCase
{
    /// <param name="OwnerAuthority">The partner's authority that owns it (carries it out).</param>
    /// <param name="Priority">low, medium or high.</param>
    public record Request(string? Text, string? OwnerAuthority, DateOnly? DueDate, string? Priority);

    /// <returns>The id of the new recommendation.</returns>
    public async Task<int> HandleAsync(int missionId, Request request, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(missionId, ct);
        var errors = new FieldErrors(text);
        var body = errors.Text("text", "Recommandation", request.Text, Recommendation.MaxText);
        var owner = errors.Text("ownerAuthority", "Autorité responsable", request.OwnerAuthority);
        var due = errors.Date("dueDate", "Échéance", errors.Required("dueDate", "Échéance", request.DueDate));
        var priority = ProjectCodes.Read<RecommendationPriority>(errors, "priority", "Priorité", request.Priority);
        errors.ThrowIfAny();
        var recommendation = mission.Recommend(body!, owner!, due!.Value, priority!.Value);
        missions.Guard(mission, null);
        await db.SaveChangesAsync(ct);
        return recommendation.Id;
    }
}
