namespace Cooperation.Web.Features.Sessions.International;

public record RotationCell(int Id, int Number, string Zone, string ZoneName, string Theme);

public record RotationYear(int Year, IReadOnlyList<RotationCell> Sessions, bool Complete, bool Past);

public record ProposedSession(int Year, int Number, string Zone, string ZoneName, string Priority, int? LastCovered, int YearsUncovered, int Score);

public record RotationAlert(string Kind, int? Year, string? Zone, string Message);

/// <summary>
/// The rotation planner: the zones covered by year over the last ten years and the next five, the zones proposed for
/// the first year still to plan (<see cref="PlanYear"/>; the longest-uncovered first, weighted by strategic priority),
/// and its warnings: a year without its three sessions, a priority zone uncovered for more than
/// <see cref="MaxUncoveredYears"/> years (setting <c>InternationalSessions:MaxUncoveredYears</c>, default 3).
/// </summary>
public record RotationPlan(int CurrentYear, int PlanYear, int MaxUncoveredYears, IReadOnlyList<RotationYear> Years,
    IReadOnlyList<ProposedSession> Proposals, IReadOnlyList<RotationAlert> Warnings);

public class GetRotation(CooperationDbContext db, Access access, TimeProvider clock, IConfiguration configuration, IStringLocalizer<GetRotation> text) : IUseCase
{
    public int MaxUncoveredYears => configuration.GetValue<int?>("InternationalSessions:MaxUncoveredYears") is { } n and > 0 ? n : SessionRotation.DefaultMaxUncoveredYears;

    public async Task<RotationPlan> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanPlanInternationalSessions || access.IsAuditor);
        var year = clock.Today().Year;
        var (from, to) = (year - SessionRotation.YearsBack - 1, year + SessionRotation.YearsAhead);
        var zones = (await db.Zones.AsNoTracking().ToListAsync(ct))
            .Select(z => new RotationZone(z.Id, z.Code, Names.Pick(z.NameFr, z.NameEn), z.Priority)).ToList();
        var byId = zones.ToDictionary(z => z.Id);
        // Every session counts in the rotation, whoever plans it: a zone's turn is the directorate's, not a desk's.
        var sessions = await db.InternationalSessions.AsNoTracking().Where(s => s.Year >= from && s.Year <= to)
            .Select(s => new { s.Id, s.Year, s.Number, s.ZoneId, s.Theme }).ToListAsync(ct);
        var counted = sessions.Select(s => new RotationSession(s.Year, s.Number, s.ZoneId)).ToList();

        var years = Enumerable.Range(year - SessionRotation.YearsBack, SessionRotation.YearsBack + SessionRotation.YearsAhead + 1)
            .Select(y => new RotationYear(y,
                sessions.Where(s => s.Year == y).OrderBy(s => s.Number).Select(s => new RotationCell(s.Id, s.Number, byId[s.ZoneId].Code, byId[s.ZoneId].Name, s.Theme)).ToList(),
                sessions.Count(s => s.Year == y) >= InternationalSession.SessionsPerYear, y < year))
            .ToList();
        var planYear = Enumerable.Range(year, SessionRotation.YearsAhead + 1).FirstOrDefault(y => counted.Count(s => s.Year == y) < InternationalSession.SessionsPerYear, year + SessionRotation.YearsAhead);
        var proposals = SessionRotation.Propose(planYear, zones, counted)
            .Select(p => new ProposedSession(p.Year, p.Number, p.Zone.Code, p.Zone.Name, p.Zone.Priority.ToString(), p.LastCovered, p.YearsUncovered, p.Score)).ToList();
        var max = MaxUncoveredYears;
        var warnings = SessionRotation.Warnings(year, zones, counted, max).Select(w => w.Kind == RotationWarningKind.IncompleteYear
                ? new RotationAlert("incompleteYear", w.Year, null, text["rotation.incompleteYear", w.Year!.Value, w.Sessions, InternationalSession.SessionsPerYear].Value)
                : new RotationAlert("zoneUncovered", null, w.Zone!.Code, w.LastCovered is { } last
                    ? text["rotation.zoneUncovered", w.Zone.Name, last, w.YearsUncovered, max].Value
                    : text["rotation.zoneNeverCovered", w.Zone.Name, SessionRotation.YearsBack].Value))
            .ToList();
        return new RotationPlan(year, planYear, max, years, proposals, warnings);
    }
}
