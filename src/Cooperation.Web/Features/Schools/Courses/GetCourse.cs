using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>A course with the sessions of it the user may see, latest first.</summary>
public record CoursePage(CourseRow Course, IReadOnlyList<SessionRow> Sessions, bool CanManage);

public class GetCourse(ListCourses courses, ListSessions sessions, Access access) : IUseCase
{
    /// <summary>The course; not found when it does not exist or its school lies outside the user's scope.</summary>
    public async Task<CoursePage> HandleAsync(int id, CancellationToken ct = default)
    {
        var course = await courses.GetAsync(id, ct);
        var list = await sessions.AllAsync(new ListSessions.Query { CourseId = id, Sort = "-start" }, ct);
        return new CoursePage(course, list, await access.CanManageSchoolAsync(course.SchoolId, course.SchoolCountryId, ct));
    }
}
