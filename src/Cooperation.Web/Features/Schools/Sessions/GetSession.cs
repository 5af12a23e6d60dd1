using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>A country's share of a session: its seats, and how many of its candidates are accepted or waiting.</summary>
public record QuotaRow(string Country, string CountryName, int Seats, int Accepted, int Waitlisted);

/// <summary>Nominations of a session by status: counts only, whoever nominated them.</summary>
public record StatusCount(string Status, string StatusName, int Count);

/// <summary>
/// A session with its course and school, its quotas and its nominations counted by status. The nominations themselves
/// are listed by /Schools/Nominations?session={id}, within the reader's scope. <see cref="Finished"/>: completed or
/// cancelled, nothing of it changes any more; <see cref="Actions"/>: the status changes the reader may make;
/// <see cref="MayPropose"/>: the reader may propose a candidate to it (<see cref="Access.MayProposeToSessionAsync"/>).
/// </summary>
public record SessionPage(
    SessionRow Session, string CourseTitleFr, string CourseTitleEn, string Languages, CountryRef SchoolCountry,
    IReadOnlyList<QuotaRow> Quotas, int QuotaSeats, IReadOnlyList<StatusCount> Nominations, bool Finished,
    bool CanManage, IReadOnlyList<string> Actions, bool MayPropose);

public class GetSession(CooperationDbContext db, Access access, ListSessions list, TimeProvider clock, IStringLocalizer<GetSession> text) : IUseCase
{
    /// <summary>The session; not found when it does not exist or the user may not see it.</summary>
    public async Task<SessionPage> HandleAsync(int id, CancellationToken ct = default)
    {
        var row = await list.GetAsync(id, ct);
        var session = await db.CourseSessions.AsNoTracking()
            .Include(s => s.Course!).ThenInclude(c => c.School!).ThenInclude(s => s.Country)
            .Include(s => s.Quotas).ThenInclude(q => q.Country)
            .AsSplitQuery().SingleAsync(s => s.Id == id, ct);
        var counts = await db.Nominations.AsNoTracking().Where(n => n.SessionId == id)
            .GroupBy(n => new { n.CountryId, n.Status }).Select(g => new { g.Key.CountryId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int Count(int countryId, NominationStatus status) => counts.Where(c => c.CountryId == countryId && c.Status == status).Sum(c => c.Count);

        var quotas = session.Quotas
            .Select(q => new QuotaRow(q.Country!.Iso2, Names.Pick(q.Country.NameFr, q.Country.NameEn), q.Seats,
                Count(q.CountryId, NominationStatus.Accepted), Count(q.CountryId, NominationStatus.Waitlisted)))
            .OrderBy(q => q.CountryName, PartnerQueries.NameOrder).ToList();
        var byStatus = Enum.GetValues<NominationStatus>()
            .Select(s => new StatusCount(s.ToString(), s.CountName(text), counts.Where(c => c.Status == s).Sum(c => c.Count))).ToList();
        var course = session.Course!;
        var country = course.School!.Country!;
        var canManage = await access.CanManageSchoolAsync(row.SchoolId, row.SchoolCountryId, ct);
        return new SessionPage(row, course.TitleFr, course.TitleEn, course.Languages, new CountryRef(country.Iso2, Names.Pick(country.NameFr, country.NameEn)),
            quotas, quotas.Sum(q => q.Seats), byStatus, session.IsFinished, canManage,
            canManage ? ChangeSessionStatus.ActionsFrom(session, clock.Today()) : [],
            await access.MayProposeToSessionAsync(session.Status, session.Quotas.Where(q => q.Seats > 0).Select(q => q.CountryId), ct));
    }
}

/// <summary>Nominations of a session counted by status, as the session page names them.</summary>
public static class SessionNominationLabels
{
    public static string CountName(this NominationStatus status, IStringLocalizer text) => status switch
    {
        NominationStatus.Submitted => text["Candidatures soumises"],
        NominationStatus.UnderReview => text["Candidatures en examen"],
        NominationStatus.Accepted => text["Candidatures acceptées"],
        NominationStatus.Waitlisted => text["Candidatures en liste d'attente"],
        NominationStatus.Refused => text["Candidatures refusées"],
        _ => text["Candidatures retirées"],
    };
}
