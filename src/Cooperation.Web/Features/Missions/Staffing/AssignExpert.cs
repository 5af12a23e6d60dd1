namespace Cooperation.Web.Features.Missions.Staffing;

/// <summary>
/// Assigns an expert to an approved mission: a coopérant of the network or a short-term expert of the registry, with
/// dates and days. A long mission places the coopérant with the host authority: it creates his posting in the network
/// (the coopérant's own rule refuses one that overlaps his others), instead of keeping the same placing twice.
/// </summary>
public class AssignExpert(CooperationDbContext db, Access access, MissionAccess missions, IStringLocalizer<AssignExpert> text) : IUseCase
{
    /// <param name="CooperantId">A coopérant of the network; or else</param>
    /// <param name="ExpertId">a short-term expert of the registry (GET /api/v1/experts).</param>
    /// <param name="Days">Days of expertise; the whole span of the dates when left out.</param>
    public record Request(int? CooperantId = null, int? ExpertId = null, DateOnly? StartDate = null, DateOnly? EndDate = null, int? Days = null,
        long? Version = null);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var mission = await missions.ConductedAsync(id, ct);
        var errors = new FieldErrors(text);
        var start = errors.Date("startDate", "Date de début", errors.Required("startDate", "Date de début", request.StartDate));
        var end = errors.Date("endDate", "Date de fin", errors.Required("endDate", "Date de fin", request.EndDate));
        var cooperant = request.CooperantId is { } cooperantId ? await CooperantAsync(mission, cooperantId, errors, ct) : null;
        if (request.ExpertId is { } expertId && !await db.Experts.AnyAsync(e => e.Id == expertId, ct))
            errors.Add("expertId", "common.unknown", errors.Label("Expert de courte durée"), expertId);
        errors.ThrowIfAny();

        var days = request.Days ?? end!.Value.DayNumber - start!.Value.DayNumber + 1;
        var assignment = mission.Assign(request.CooperantId, request.ExpertId, start!.Value, end!.Value, days);
        if (mission.Form == MissionForm.Long && cooperant is not null)
        {
            var posting = cooperant.Post(new PostingTerms(mission.CountryId, mission.OrganisationId, mission.HostAuthorityTypeId,
                mission.HostAuthorityName, mission.Subject.Length > 200 ? mission.Subject[..200] : mission.Subject, start.Value, end.Value));
            posting.ProjectId = mission.ProjectId;
            assignment.Posting = posting;
        }
        missions.Guard(mission, request.Version);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The coopérant to assign: for a short mission one whose name the user reads; for a long one, which posts him,
    /// one she may post (with his postings, so that the overlap rule sees them all).
    /// </summary>
    private async Task<Cooperant?> CooperantAsync(ExpertiseMission mission, int id, FieldErrors errors, CancellationToken ct)
    {
        var eligible = mission.Form == MissionForm.Long ? await access.EditableCooperantsAsync(ct) : await access.NamedCooperantsAsync(ct);
        var cooperant = await db.Cooperants.Include(c => c.Postings).Where(c => eligible.Any(e => e.Id == c.Id)).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (cooperant is null) errors.Add("cooperantId", "common.unknown", errors.Label("Coopérant"), id);
        return cooperant;
    }
}
