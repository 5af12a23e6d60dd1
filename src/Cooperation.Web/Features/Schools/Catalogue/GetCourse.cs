using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Schools.Catalogue;

/// <summary>A course with the sessions of it the user may see, latest first.</summary>
public record CoursePage(CourseRow Course, IReadOnlyList<SessionRow> Sessions, bool CanManage);

public class GetCourse(ListCourses courses, ListSessions sessions, Access access) : IUseCase
{
    public async Task<CoursePage?> HandleAsync(int id, CancellationToken ct = default)
    {
        if (await courses.FindAsync(id, ct) is not { } course) return null;
        var list = await sessions.AllAsync(new ListSessions.Query(CourseId: id, Sort: "-start"), ct);
        return new CoursePage(course, list, await access.CanManageSchoolAsync(course.SchoolId, course.SchoolCountryId, ct));
    }
}

/// <summary>The catalogue section of a school's page: its courses still taught, and its coming sessions.</summary>
public record SchoolCatalogue(string School, IReadOnlyList<CourseRow> Courses, IReadOnlyList<SessionRow> Upcoming, int UpcomingTotal, bool CanManage);

public class GetSchoolCatalogue(CooperationDbContext db, ListCourses courses, ListSessions sessions, Access access, TimeProvider clock) : IUseCase
{
    public const int UpcomingShown = 10;

    /// <summary>The section, or null when the school does not exist.</summary>
    public async Task<SchoolCatalogue?> HandleAsync(string acronym, CancellationToken ct = default)
    {
        var code = CatalogueCodes.Code(acronym);
        var school = await db.RegionalSchools.AsNoTracking().Where(s => s.Acronym == code)
            .Select(s => new SchoolKey(s.Id, s.CountryId, s.Acronym, s.City)).SingleOrDefaultAsync(ct);
        if (school is null) return null;
        var list = await courses.AllAsync(new ListCourses.Query(School: school.Acronym, Active: true, Sort: "title"), ct);
        var today = clock.Today();
        var upcoming = await sessions.HandleAsync(new ListSessions.Query(School: school.Acronym, From: today, Sort: "start", PageSize: UpcomingShown), ct);
        return new SchoolCatalogue(school.Acronym, list, upcoming.Items, upcoming.Total, await access.CanManageSchoolAsync(school.Id, school.CountryId, ct));
    }
}
