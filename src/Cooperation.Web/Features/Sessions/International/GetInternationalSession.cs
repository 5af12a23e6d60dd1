namespace Cooperation.Web.Features.Sessions.International;

public record InvitedCountry(string Iso2, string Name);

/// <summary>
/// A session with its invited countries and the participants the reader sees. <see cref="CanManage"/>: he plans it and
/// decides on its participants; <see cref="CanPropose"/>: he may propose participants (his country's, or any for a manager).
/// </summary>
public record InternationalSessionPage(
    InternationalSessionRow Session, IReadOnlyList<InvitedCountry> InvitedCountries, IReadOnlyList<ParticipantRow> Participants,
    bool CanManage, bool CanPropose);

public class GetInternationalSession(CooperationDbContext db, Access access, ListInternationalSessions list, ListParticipants participants) : IUseCase
{
    public async Task<InternationalSessionPage> HandleAsync(int id, CancellationToken ct = default)
    {
        var row = await list.GetAsync(id, ct);
        var session = await db.InternationalSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.ZoneId, Countries = s.InvitedCountries.Select(c => new { c.Id, c.Iso2, c.NameFr, c.NameEn }).ToList() }).SingleAsync(ct);
        var manages = access.CanManageInternationalSession(session.ZoneId);
        return new InternationalSessionPage(row,
            session.Countries.Select(c => new InvitedCountry(c.Iso2, Names.Pick(c.NameFr, c.NameEn))).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            await participants.HandleAsync(id, ct), manages,
            manages || session.Countries.Any(c => access.CanProposeParticipantOf(c.Id)));
    }
}
