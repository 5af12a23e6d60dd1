namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>
/// Changes a course as a whole, guarded by the version the user read. The school does not change: a course that moves
/// is a new course of the other school. Withdrawing it (Active = false) keeps its past sessions.
/// </summary>
public class EditCourse(CooperationDbContext db, Access access, ReferenceCodes codes, ListCourses list, IStringLocalizer<EditCourse> text) : IUseCase
{
    public record Request : CourseFields
    {
        /// <summary>The course's version as read; a stale one answers 409.</summary>
        public long? Version { get; init; }
    }

    /// <summary>The course as its form shows it: not found out of the user's sight, forbidden unless he manages its school.</summary>
    public async Task<CourseRow> CourseAsync(int id, CancellationToken ct = default)
    {
        var course = await list.GetAsync(id, ct);
        return await access.CanManageSchoolAsync(course.SchoolId, course.SchoolCountryId, ct) ? course : throw new ForbiddenException();
    }

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        await CourseAsync(id, ct);
        var course = await db.Courses.Include(c => c.Audience).SingleAsync(c => c.Id == id, ct);
        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", request.Version);
        await request.ApplyAsync(course, course.SchoolId, db, codes, errors, ct);

        // The audience is a join table: touching the version makes an audience-only change a guarded update too.
        db.Entry(course).Property(c => c.Version).OriginalValue = version!.Value;
        db.Entry(course).Property(c => c.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }
}
