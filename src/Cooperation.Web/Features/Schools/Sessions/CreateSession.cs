using Cooperation.Web.Features.Programmes.FollowUp;
using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// Plans a session of a course: dates, place, capacity and the seats of each invited country. It starts planned;
/// opening it to nominations is a step of its own.
/// </summary>
public class CreateSession(CooperationDbContext db, Access access, ReferenceCodes codes, SchoolChoices schools, ProjectChoices projects, PlannedPlaces planned,
    IStringLocalizer<CreateSession> text)
    : IUseCase
{
    /// <param name="CourseId">The course's id; or else</param>
    /// <param name="School">the school's acronym and</param>
    /// <param name="Course">the course's code within it.</param>
    /// <param name="Place">Where it is held; the school's city when not given.</param>
    /// <param name="Quotas">Seats per invited country (ISO2); all together at most the capacity.</param>
    /// <param name="ProjectId">The project the session serves, if any.</param>
    public record Request(
        int? CourseId, string? School, string? Course, DateOnly? StartDate, DateOnly? EndDate, string? Place,
        int? Capacity, IReadOnlyList<QuotaInput>? Quotas, int? ProjectId = null);

    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        var errors = new FieldErrors(text);
        var course = await CourseAsync(request, errors, ct);
        if (course is null) await schools.RequireManageableAsync(ct);
        else ForbiddenException.ThrowUnless(await access.CanManageSchoolAsync(course.SchoolId, course.School!.CountryId, ct));
        if (course is { Active: false }) errors.Add("courseId", "sessions.courseWithdrawn", course.Code);
        var start = errors.Required("startDate", "Date de début", request.StartDate);
        var end = errors.Required("endDate", "Date de fin de la session", request.EndDate);
        var capacity = errors.Required("capacity", "Capacité (places)", request.Capacity);
        var place = string.IsNullOrWhiteSpace(request.Place) && course is not null
            ? course.School!.City
            : errors.Text("place", "Lieu de la session", request.Place);
        var quotas = await Quotas.ReadAsync(codes, request.Quotas, errors, ct);
        var projectId = await projects.CheckAsync(request.ProjectId, null, errors, ct);
        errors.ThrowIfAny();

        CourseSession.ValidateTerms(start!.Value, end!.Value, capacity!.Value);
        var session = new CourseSession
        {
            CourseId = course!.Id, StartDate = start.Value, EndDate = end.Value, Place = place!, Capacity = capacity.Value, ProjectId = projectId,
        };
        Quotas.Apply(session, quotas, await planned.RemainingAsync(course.SchoolId, course.DomainId, start.Value.Year, null,
            quotas.Select(q => q.CountryId).ToList(), ct));
        db.CourseSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    private async Task<Course?> CourseAsync(Request request, FieldErrors errors, CancellationToken ct)
    {
        var courses = db.Courses.AsNoTracking().Include(c => c.School);
        if (request.CourseId is { } id)
        {
            var byId = await courses.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (byId is null || access.SchoolCountryIds is { } visible && !visible.Contains(byId.School!.CountryId))
                errors.Add("courseId", "common.unknown", errors.Label("Formation"), id);
            return byId;
        }
        var school = request.School?.Trim().ToUpperInvariant();
        var code = request.Course?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(school) || string.IsNullOrEmpty(code)) { errors.Add("courseId", "sessions.courseRequired"); return null; }
        var course = await courses.SingleOrDefaultAsync(c => c.School!.Acronym == school && c.Code == code, ct);
        if (course is null) errors.Add("courseId", "common.unknown", errors.Label("Formation"), $"{school} {code}");
        return course;
    }
}
