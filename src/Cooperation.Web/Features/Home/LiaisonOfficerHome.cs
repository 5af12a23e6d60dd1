using Cooperation.Web.Features.Schools.Nominations;
using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Home;

/// <summary>How many of his country's nominations are in one status, and their list.</summary>
public record NominationsInStatus(NominationStatus Status, HomeFigure Figure);

/// <summary>A liaison officer's home: the sessions open to his country, his nominations by status, his quota used.</summary>
/// <param name="OpenSessions">Sessions taking nominations with seats for his country.</param>
/// <param name="Seats">His country's seats in those sessions.</param>
/// <param name="SeatsTaken">His country's accepted candidates in those sessions.</param>
public record LiaisonOfficerToDo(
    string CountryName, HomeFigure OpenSessions, int Seats, int SeatsTaken, IReadOnlyList<NominationsInStatus> Nominations);

/// <summary>The liaison officer's home figures, each counted by the list it links to.</summary>
public class LiaisonOfficerHome(CooperationDbContext db, Access access, ListSessions sessions, ListNominations nominations) : IUseCase
{
    public async Task<LiaisonOfficerToDo> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.IsLiaisonOfficer && access.CountryId is not null);
        var country = access.CountryId!.Value;
        var name = await db.Countries.AsNoTracking().Where(c => c.Id == country).Select(c => Names.English ? c.NameEn : c.NameFr).SingleAsync(ct);
        var open = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        open = open.Where(s => s.Status == SessionStatus.Open && s.Quotas.Any(q => q.CountryId == country && q.Seats > 0));
        var seats = await open.SelectMany(s => s.Quotas).Where(q => q.CountryId == country).SumAsync(q => q.Seats, ct);
        var taken = await open.SelectMany(s => s.Nominations).CountAsync(n => n.CountryId == country && n.Status == NominationStatus.Accepted, ct);
        var byStatus = await nominations.CountByStatusAsync(new ListNominations.Query { Mine = true }, ct);
        return new LiaisonOfficerToDo(name,
            new((await sessions.HandleAsync(new ListSessions.Query { OpenToMyCountry = true, PageSize = 1 }, ct)).Total,
                HomeFigure.Link("/Schools/Sessions", ("OpenToMyCountry", "true"))),
            seats, taken,
            byStatus.Select(kv => new NominationsInStatus(kv.Key, new(kv.Value, HomeFigure.Link("/Schools/Nominations", ("Status", kv.Key.ToString()))))).ToList());
    }
}
