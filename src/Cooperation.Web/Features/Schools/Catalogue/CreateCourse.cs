namespace Cooperation.Web.Features.Schools.Catalogue;

/// <summary>Adds a course to a school's catalogue: its director, a desk officer of the school's zone, or an administrator.</summary>
public class CreateCourse(CooperationDbContext db, Access access, IStringLocalizer<CreateCourse> text) : IUseCase
{
    /// <param name="School">Acronym of the school.</param>
    /// <param name="Code">The course's code, unique within the school (capitals, digits, dashes).</param>
    /// <param name="Domain">Domain code (PEACEKEEPING, DEMINING, FRENCH_LANGUAGE…).</param>
    /// <param name="Level">Initial, Intermediate, Advanced or Senior.</param>
    /// <param name="Languages">Languages of teaching, ISO 639-1 codes (fr, en, pt, es, ar).</param>
    /// <param name="Audience">Codes of the administrations the course is open to (ARM, INT, ECO, JUS, DOU).</param>
    public record Request(
        string? School,
        string? Code,
        string? TitleFr,
        string? TitleEn,
        string? Domain,
        string? Level,
        int? DurationDays,
        IReadOnlyList<string>? Languages,
        IReadOnlyList<string>? Audience,
        bool? Active = true);

    public async Task<int> HandleAsync(Request request, CancellationToken ct = default)
    {
        var errors = new FieldErrors(text);
        var school = await CatalogueCodes.SchoolAsync(db, request.School, errors, ct);
        if (school is not null && !await access.CanManageSchoolAsync(school.Id, school.CountryId, ct))
            throw new ForbiddenException("common.forbidden");
        if (school is null && !(access.IsAdministrator || access.IsSchoolDirector || access.IsDeskOfficer))
            throw new ForbiddenException("common.forbidden");
        var course = new Course { Code = "", TitleFr = "", TitleEn = "" };
        await CourseFields.ApplyAsync(db, course, school?.Id, new CourseFields(request.Code, request.TitleFr, request.TitleEn, request.Domain,
            request.Level, request.DurationDays, request.Languages, request.Audience, request.Active ?? true), errors, ct);
        course.SchoolId = school!.Id;
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }
}

/// <summary>The fields a course form and request carry, checked all at once and written on the course only when all are right.</summary>
public sealed record CourseFields(
    string? Code, string? TitleFr, string? TitleEn, string? Domain, string? Level, int? DurationDays,
    IReadOnlyList<string>? Languages, IReadOnlyList<string>? Audience, bool Active)
{
    public const int MaxDurationDays = 365;

    public static async Task ApplyAsync(CooperationDbContext db, Course course, int? schoolId, CourseFields f, FieldErrors errors, CancellationToken ct)
    {
        var code = CatalogueCodes.CourseCode(f.Code, errors);
        var titleFr = errors.Text("titleFr", "Intitulé en français", f.TitleFr);
        var titleEn = errors.Text("titleEn", "Intitulé en anglais", f.TitleEn);
        var domainId = await CatalogueCodes.DomainAsync(db, f.Domain, errors, ct);
        var level = CatalogueCodes.Level(f.Level, errors);
        var duration = errors.Required("durationDays", "Durée en jours", f.DurationDays);
        if (duration is < 1 or > MaxDurationDays) errors.Add("durationDays", "courses.duration", MaxDurationDays);
        var languages = CatalogueCodes.Languages(f.Languages, errors);
        var audience = await CatalogueCodes.AudienceAsync(db, f.Audience, errors, ct);
        if (code is not null && schoolId is not null
            && await db.Courses.AnyAsync(c => c.SchoolId == schoolId && c.Code == code && c.Id != course.Id, ct))
            errors.Add("code", "courses.codeTaken", code);
        errors.ThrowIfAny();

        course.Code = code!;
        course.TitleFr = titleFr!;
        course.TitleEn = titleEn!;
        course.DomainId = domainId!.Value;
        course.Level = level!.Value;
        course.DurationDays = duration!.Value;
        course.Languages = languages!;
        course.Active = f.Active;
        foreach (var gone in course.Audience.Where(a => !audience.Any(n => n.Id == a.Id)).ToList()) course.Audience.Remove(gone);
        foreach (var added in audience.Where(a => !course.Audience.Any(o => o.Id == a.Id))) course.Audience.Add(added);
    }
}
