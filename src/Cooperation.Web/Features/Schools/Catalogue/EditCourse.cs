namespace Cooperation.Web.Features.Schools.Catalogue;

/// <summary>
/// Changes a course as a whole, guarded by the version the user read. The school does not change: a course that moves
/// is a new course of the other school. Withdrawing it (Active = false) keeps its past sessions.
/// </summary>
public class EditCourse(CooperationDbContext db, Access access, IStringLocalizer<EditCourse> text) : IUseCase
{
    public record Request(
        long? Version,
        string? Code,
        string? TitleFr,
        string? TitleEn,
        string? Domain,
        string? Level,
        int? DurationDays,
        IReadOnlyList<string>? Languages,
        IReadOnlyList<string>? Audience,
        bool? Active = true);

    public async Task HandleAsync(int id, Request request, CancellationToken ct = default)
    {
        var course = await db.Courses.Include(c => c.Audience).Include(c => c.School).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null || access.SchoolCountryIds is { } visible && !visible.Contains(course.School!.CountryId))
            throw new RecordNotFoundException();
        if (!await access.CanManageSchoolAsync(course.SchoolId, course.School!.CountryId, ct)) throw new ForbiddenException("common.forbidden");

        var errors = new FieldErrors(text);
        var version = errors.Required("version", "Version", request.Version);
        await CourseFields.ApplyAsync(db, course, course.SchoolId, new CourseFields(request.Code, request.TitleFr, request.TitleEn, request.Domain,
            request.Level, request.DurationDays, request.Languages, request.Audience, request.Active ?? true), errors, ct);
        // The audience is a join table: touching the version makes an audience-only change a guarded update too.
        db.Entry(course).Property(c => c.Version).OriginalValue = version!.Value;
        db.Entry(course).Property(c => c.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }
}
