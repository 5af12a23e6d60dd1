using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Missions.Recommendations;

/// <summary>
/// A dated follow-up note on a recommendation, which may move its status (open, in progress, implemented, abandoned):
/// written by the desk officers of the mission's country and by its country's coopérant.
/// </summary>
public class FollowUpRecommendation(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<FollowUpRecommendation> text) : IUseCase
{
    /// <param name="Status">The status it now has, if it changes: open, inProgress, implemented or abandoned.</param>
    /// <param name="Version">The recommendation's version as read; a stale one answers 409.</param>
    public record Request(string? Note, string? Status = null, long? Version = null);

    /// <returns>The mission of the recommendation.</returns>
    public async Task<int> HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        var visible = access.VisibleMissions(db.Missions);
        var recommendation = await db.Recommendations.Include(r => r.Mission)
            .Where(r => visible.Any(m => m.Id == r.MissionId)).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(await access.CanFollowUpMissionAsync(recommendation.Mission!.CountryId, ct));

        var errors = new FieldErrors(text);
        var note = errors.Text("note", "Note de suivi", request.Note, Recommendation.MaxText);
        var status = ProjectCodes.Read<RecommendationStatus>(errors, "status", "Statut", request.Status, required: false);
        errors.ThrowIfAny();
        recommendation.FollowUp(note!, status, access.ActorName, clock.Today());
        if (request.Version is { } version) db.Entry(recommendation).Property(r => r.Version).OriginalValue = version;
        db.Entry(recommendation).Property(r => r.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return recommendation.MissionId;
    }
}
