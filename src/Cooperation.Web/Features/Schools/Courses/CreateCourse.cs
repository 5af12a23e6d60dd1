namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>Adds a course to a school's catalogue: its director, a desk officer of the school's zone, or an administrator.</summary>
public class CreateCourse(CooperationDbContext db, Access access, ReferenceCodes codes, SchoolChoices schools, IStringLocalizer<CreateCourse> text)
    : IUseCase
{
    public record Request : CourseFields
    {
        /// <summary>Acronym of the school.</summary>
        public string? School { get; init; }
    }

    /// <returns>The id of the new course.</returns>
    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        var errors = new FieldErrors(text);
        var school = await codes.SchoolAsync(request.School, errors, ct: ct);
        if (school is null) await schools.RequireManageableAsync(ct);
        else ForbiddenException.ThrowUnless(await access.CanManageSchoolAsync(school.Id, school.CountryId, ct));
        var course = new Course { Code = "", TitleFr = "", TitleEn = "" };
        await request.ApplyAsync(course, school?.Id, db, codes, errors, ct);

        course.SchoolId = school!.Id;
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }
}
