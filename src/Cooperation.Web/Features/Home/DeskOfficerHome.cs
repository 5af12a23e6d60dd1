using Cooperation.Web.Features.Donations.Donations;
using Cooperation.Web.Features.Missions.Recommendations;
using Cooperation.Web.Features.Network.Postings;
using Cooperation.Web.Features.Network.Vacancies;
using Cooperation.Web.Features.Schools.Nominations;
using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Home;

/// <summary>What a desk officer has to do in one of her zones; each figure links to its list, filtered on the zone.</summary>
/// <param name="NominationsToScreen">Nominations of the zone's countries awaiting a decision whose screening is pending.</param>
/// <param name="PostingsEnding">Postings running today that end within six months (<see cref="DeskOfficerToDo.EndingBy"/>).</param>
/// <param name="OpenVacancies">Vacancies nobody fills.</param>
/// <param name="SessionsToClose">Sessions of the zone's schools that have started and still take nominations.</param>
/// <param name="OverdueRecommendations">Recommendations of the zone's missions past their due date, not implemented.</param>
/// <param name="OverdueChecks">Donations of the zone whose post-delivery check is overdue.</param>
public record ZoneToDo(
    string Zone, string ZoneName, HomeFigure NominationsToScreen, HomeFigure PostingsEnding, HomeFigure OpenVacancies,
    HomeFigure SessionsToClose, HomeFigure OverdueRecommendations, HomeFigure OverdueChecks);

/// <summary>A desk officer's home: what to do next, zone by zone of her scope.</summary>
public record DeskOfficerToDo(DateOnly EndingBy, IReadOnlyList<ZoneToDo> Zones);

/// <summary>
/// The desk officer's home figures, one row a zone of her scope, each counted by the list it links to; kept by
/// <see cref="FigureCache"/> until a write.
/// </summary>
public class DeskOfficerHome(
    CooperationDbContext db, Access access, TimeProvider clock, FigureCache cache, ListNominations nominations, ListPostings postings,
    ListVacancies vacancies, ListSessions sessions, ListOverdueRecommendations recommendations, ListDonations donations) : IUseCase
{
    /// <summary>How far ahead a posting's end is something to prepare: a successor takes about six months to find.</summary>
    public const int MonthsAhead = 6;

    public Task<DeskOfficerToDo> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.IsDeskOfficer);
        var today = clock.Today();
        return cache.GetOrComputeAsync("home-desk", access, "", today, () => CountAsync(today, ct));
    }

    private async Task<DeskOfficerToDo> CountAsync(DateOnly today, CancellationToken ct)
    {
        var ids = access.ZoneIds.ToList();
        var zones = await db.Zones.AsNoTracking().Where(z => ids.Contains(z.Id)).OrderBy(z => z.Code)
            .Select(z => new { z.Code, z.NameFr, z.NameEn }).ToListAsync(ct);
        var endingBy = today.AddMonths(MonthsAhead);
        var rows = new List<ZoneToDo>();
        foreach (var z in zones)
        {
            var toScreen = new ListNominations.Query
            {
                Screening = nameof(ScreeningStatus.Pending), Awaiting = true, PageSize = 1, Zone = z.Code,
            };
            var ending = new ListPostings.Query { Zone = z.Code, PageSize = 1, EndingBy = endingBy };
            var open = new ListVacancies.Query { Zone = z.Code, Status = "open", PageSize = 1 };
            var toClose = new ListSessions.Query
            {
                Status = nameof(SessionStatus.Open), To = today, PageSize = 1, Zone = z.Code,
            };
            var late = new ListOverdueRecommendations.Query { Zone = z.Code, PageSize = 1 };
            var checks = new ListDonations.Query { Zone = z.Code, Overdue = true, PageSize = 1 };
            rows.Add(new ZoneToDo(z.Code, Names.Pick(z.NameFr, z.NameEn),
                new((await nominations.HandleAsync(toScreen, ct)).Total,
                    HomeFigure.Link("/Schools/Nominations", ("Zone", z.Code), ("Screening", toScreen.Screening), ("Awaiting", "true"))),
                new((await postings.HandleAsync(ending, ct)).Total,
                    HomeFigure.Link("/Network/Postings", ("Zone", z.Code), ("EndingBy", HomeFigure.Date(endingBy)), ("Sort", "end"))),
                new((await vacancies.HandleAsync(open, ct)).Total, HomeFigure.Link("/Network/Vacancies", ("Zone", z.Code), ("Status", "open"))),
                new((await sessions.HandleAsync(toClose, ct)).Total,
                    HomeFigure.Link("/Schools/Sessions", ("Zone", z.Code), ("Status", toClose.Status), ("To", HomeFigure.Date(today)))),
                new((await recommendations.HandleAsync(late, ct)).Total, HomeFigure.Link("/Missions/Recommendations/Overdue", ("Zone", z.Code))),
                new((await donations.HandleAsync(checks, ct)).Total, HomeFigure.Link("/Donations", ("Zone", z.Code), ("Overdue", "true")))));
        }
        return new DeskOfficerToDo(endingBy, rows);
    }
}
