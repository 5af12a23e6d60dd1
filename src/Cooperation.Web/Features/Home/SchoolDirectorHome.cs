using Cooperation.Web.Features.Schools.Nominations;
using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Home;

/// <summary>A session whose results are still to record: ended (or on its last day), with accepted trainees without a result.</summary>
public record SessionToRecord(int Id, string CourseCode, string CourseTitle, DateOnly StartDate, DateOnly EndDate, int TraineesWithoutResult)
{
    public string Href => $"/Schools/Sessions/{Id}/Results";
}

/// <summary>A school director's home: his sessions, the nominations to decide, the results to record.</summary>
/// <param name="Sessions">His school's sessions running or to come (ending today or later).</param>
/// <param name="NominationsToDecide">Nominations to his sessions awaiting a decision.</param>
/// <param name="ResultsToRecord">His sessions whose results are to record, the oldest first.</param>
public record SchoolDirectorToDo(string SchoolName, HomeFigure Sessions, HomeFigure NominationsToDecide, IReadOnlyList<SessionToRecord> ResultsToRecord);

/// <summary>The school director's home figures, each counted by the list it links to.</summary>
public class SchoolDirectorHome(CooperationDbContext db, Access access, TimeProvider clock, ListSessions sessions, ListNominations nominations) : IUseCase
{
    public async Task<SchoolDirectorToDo> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.IsSchoolDirector);
        var today = clock.Today();
        var school = await db.RegionalSchools.AsNoTracking().Where(s => s.Id == access.SchoolId)
            .Select(s => s.Acronym + " — " + s.Name).SingleOrDefaultAsync(ct) ?? "";
        var coming = new ListSessions.Query { From = today, PageSize = 1 };
        var awaiting = new ListNominations.Query { Awaiting = true, PageSize = 1 };
        var visible = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var toRecord = await visible
            .Where(s => s.Status != SessionStatus.Cancelled && s.EndDate <= today
                        && s.Nominations.Any(n => n.Status == NominationStatus.Accepted && n.Result == null))
            .OrderBy(s => s.EndDate).ThenBy(s => s.Id)
            .Select(s => new SessionToRecord(s.Id, s.Course!.Code, Names.English ? s.Course.TitleEn : s.Course.TitleFr, s.StartDate, s.EndDate,
                s.Nominations.Count(n => n.Status == NominationStatus.Accepted && n.Result == null)))
            .ToListAsync(ct);
        return new SchoolDirectorToDo(school,
            new((await sessions.HandleAsync(coming, ct)).Total, HomeFigure.Link("/Schools/Sessions", ("From", HomeFigure.Date(today)), ("Sort", "start"))),
            new((await nominations.HandleAsync(awaiting, ct)).Total, HomeFigure.Link("/Schools/Nominations", ("Awaiting", "true"))),
            toRecord);
    }
}
