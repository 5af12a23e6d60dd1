namespace Cooperation.Web.Features.Missions;

/// <summary>The missions' key figures, within the missions the user reads.</summary>
/// <param name="MissionsLastYear">Missions carried out (in progress, reported or closed) at some time of the year.</param>
/// <param name="ExpertDaysLastYear">Days of the experts assigned to those missions whose assignment started in the year.</param>
/// <param name="RecommendationsImplementedShare">Implemented among the recommendations due in the last three years (due date after the same day three years ago, up to today), between 0 and 1.</param>
public sealed record MissionKeyFigures(int MissionsLastYear, int ExpertDaysLastYear, double RecommendationsImplementedShare);

public class MissionFigures(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    public async Task<MissionKeyFigures> HandleAsync(int year, CancellationToken ct = default)
    {
        if (!access.SeesMissions) return new MissionKeyFigures(0, 0, 0);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var carriedOut = access.VisibleMissions(db.Missions.AsNoTracking())
            .Where(m => m.Status == MissionStatus.InProgress || m.Status == MissionStatus.Reported || m.Status == MissionStatus.Closed)
            .Where(m => m.ActualStartDate <= last && (m.ActualEndDate == null || m.ActualEndDate >= first));
        var missions = await carriedOut.CountAsync(ct);
        var days = await db.MissionExperts.AsNoTracking()
            .Where(e => e.StartDate >= first && e.StartDate <= last && carriedOut.Any(m => m.Id == e.MissionId)).SumAsync(e => e.Days, ct);

        var today = clock.Today();
        var visible = access.VisibleMissions(db.Missions);
        var due = db.Recommendations.AsNoTracking()
            .Where(r => r.DueDate > today.AddYears(-3) && r.DueDate <= today && visible.Any(m => m.Id == r.MissionId));
        var dueCount = await due.CountAsync(ct);
        var implemented = await due.CountAsync(r => r.Status == RecommendationStatus.Implemented, ct);
        return new MissionKeyFigures(missions, days, Reporting.Shares.Of(implemented, dueCount));
    }
}
