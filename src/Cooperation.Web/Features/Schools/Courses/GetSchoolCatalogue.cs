using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>The catalogue section of a school's page: its courses still taught, and its coming sessions.</summary>
public record SchoolCatalogue(string School, IReadOnlyList<CourseRow> Courses, IReadOnlyList<SessionRow> Upcoming, int UpcomingTotal, bool CanManage);

/// <summary>The catalogue section of a school's page (<c>_SchoolCatalogue</c>), for a school the page has already found.</summary>
public class GetSchoolCatalogue(ListCourses courses, ListSessions sessions, SchoolChoices schools, TimeProvider clock) : IUseCase
{
    public const int UpcomingShown = 10;

    public async Task<SchoolCatalogue> HandleAsync(string acronym, CancellationToken ct = default)
    {
        var list = await courses.AllAsync(new ListCourses.Query { School = acronym, Active = true, Sort = "title" }, ct);
        var upcoming = await sessions.HandleAsync(new ListSessions.Query { School = acronym, From = clock.Today(), Sort = "start", PageSize = UpcomingShown }, ct);
        var canManage = (await schools.ManageableAsync(ct)).Any(s => string.Equals(s.Acronym, acronym, StringComparison.OrdinalIgnoreCase));
        return new SchoolCatalogue(acronym, list, upcoming.Items, upcoming.Total, canManage);
    }
}
