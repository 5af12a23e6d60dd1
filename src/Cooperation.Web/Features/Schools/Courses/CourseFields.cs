namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>What a course says, as its creation and change requests (and forms) carry it.</summary>
public record CourseFields
{
    /// <summary>The course's code, unique within the school (capitals, digits, dashes).</summary>
    public string? Code { get; init; }
    public string? TitleFr { get; init; }
    public string? TitleEn { get; init; }
    /// <summary>Domain code (PEACEKEEPING, DEMINING, FRENCH_LANGUAGE…).</summary>
    public string? Domain { get; init; }
    /// <summary>Initial, Intermediate, Advanced or Senior.</summary>
    public string? Level { get; init; }
    public int? DurationDays { get; init; }
    /// <summary>Languages of teaching, ISO 639-1 codes (fr, en, pt, es, ar).</summary>
    public IReadOnlyList<string>? Languages { get; init; }
    /// <summary>Codes of the administrations the course is open to (ARM, INT, ECO, JUS, DOU).</summary>
    public IReadOnlyList<string>? Audience { get; init; }
    /// <summary>false withdraws the course from the catalogue; its past sessions stay.</summary>
    public bool? Active { get; init; } = true;

    /// <summary>
    /// Checks every field at once, with the errors already found (<paramref name="errors"/>), and writes them on the
    /// course of the school <paramref name="schoolId"/> only when all are right.
    /// </summary>
    public async Task ApplyAsync(Course course, int? schoolId, CooperationDbContext db, ReferenceCodes codes, FieldErrors errors, CancellationToken ct)
    {
        var code = CourseRules.Code(Code, errors);
        var titleFr = errors.Text("titleFr", "Intitulé en français", TitleFr);
        var titleEn = errors.Text("titleEn", "Intitulé en anglais", TitleEn);
        var domainId = await codes.DomainAsync(Domain, errors, ct: ct);
        var level = CourseRules.Level(Level, errors);
        var duration = CourseRules.Duration(DurationDays, errors);
        var languages = CourseRules.Languages(Languages, errors);
        var audience = await AudienceAsync(db, codes, errors, ct);
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
        course.Active = Active ?? true;
        foreach (var gone in course.Audience.Where(a => !audience.Any(n => n.Id == a.Id)).ToList()) course.Audience.Remove(gone);
        foreach (var added in audience.Where(a => !course.Audience.Any(o => o.Id == a.Id))) course.Audience.Add(added);
    }

    /// <summary>The administrations the course is open to, tracked (they join its audience); customs included.</summary>
    private async Task<List<Administration>> AudienceAsync(CooperationDbContext db, ReferenceCodes codes, FieldErrors errors, CancellationToken ct)
    {
        var wanted = (Audience ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim().ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count == 0)
        {
            errors.Add("audience", "courses.audienceRequired");
            return [];
        }
        var ids = new List<int>();
        foreach (var code in wanted)
            if (await codes.AdministrationAsync(code, errors, "audience", "Public", ct: ct) is { } id) ids.Add(id);
        return await db.Administrations.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
    }
}
