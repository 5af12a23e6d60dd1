using System.Text.RegularExpressions;

namespace Cooperation.Web.Features.Schools.Catalogue;

public sealed record AudienceRef(string Code, string Name);

/// <summary>Turns the codes of catalogue and session requests (school acronym, domain, administrations, ISO2) into ids, or field errors.</summary>
public static partial class CatalogueCodes
{
    public static readonly string[] KnownLanguages = ["fr", "en", "pt", "es", "ar"];

    public static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    public static async Task<SchoolKey?> SchoolAsync(CooperationDbContext db, string? acronym, FieldErrors errors, CancellationToken ct)
    {
        if (Code(acronym) is not { } code) { errors.Add("school", "common.required", errors.Label("École")); return null; }
        var school = await db.RegionalSchools.AsNoTracking().Where(s => s.Acronym == code)
            .Select(s => new SchoolKey(s.Id, s.CountryId, s.Acronym, s.City)).SingleOrDefaultAsync(ct);
        if (school is null) errors.Add("school", "common.unknown", errors.Label("École"), code);
        return school;
    }

    public static async Task<int?> DomainAsync(CooperationDbContext db, string? code, FieldErrors errors, CancellationToken ct)
    {
        if (Code(code) is null) { errors.Add("domain", "common.required", errors.Label("Domaine")); return null; }
        var id = await db.Domains.AsNoTracking().Where(d => d.Code == Code(code)).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add("domain", "common.unknown", errors.Label("Domaine"), Code(code)!);
        return id;
    }

    /// <summary>The administrations a course is open to, tracked (they join the course's audience); customs included.</summary>
    public static async Task<List<Administration>> AudienceAsync(CooperationDbContext db, IReadOnlyList<string>? codes, FieldErrors errors, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(Code).OfType<string>().Distinct().ToList();
        if (wanted.Count == 0) { errors.Add("audience", "courses.audienceRequired"); return []; }
        var found = await db.Administrations.Where(a => wanted.Contains(a.Code)).ToListAsync(ct);
        foreach (var missing in wanted.Except(found.Select(a => a.Code)))
            errors.Add("audience", "common.unknown", errors.Label("Public"), missing);
        return found;
    }

    public static CourseLevel? Level(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add("level", "common.required", errors.Label("Niveau de la formation")); return null; }
        if (Enum.TryParse<CourseLevel>(value.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(value, out _)) return level;
        errors.Add("level", "courses.unknownLevel", value.Trim());
        return null;
    }

    /// <summary>Languages of teaching as ISO 639-1 codes, in the order given, without repeats ("fr,en").</summary>
    public static string? Languages(IReadOnlyList<string>? values, FieldErrors errors)
    {
        var codes = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().ToList();
        if (codes.Count == 0) { errors.Add("languages", "courses.languagesRequired"); return null; }
        foreach (var bad in codes.Where(c => !KnownLanguages.Contains(c)))
            errors.Add("languages", "courses.unknownLanguage", bad, string.Join(", ", KnownLanguages));
        return string.Join(",", codes);
    }

    /// <summary>A course code: capitals, digits and dashes, as schools print them on their catalogues.</summary>
    public static string? CourseCode(string? value, FieldErrors errors)
    {
        var code = Code(value);
        if (code is null) { errors.Add("code", "common.required", errors.Label("Code de la formation")); return null; }
        if (code.Length > 32 || !CodeShape().IsMatch(code)) { errors.Add("code", "courses.codeShape"); return null; }
        return code;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex CodeShape();

    public static async Task<int?> CountryAsync(CooperationDbContext db, string? iso2, string field, FieldErrors errors, CancellationToken ct)
    {
        if (Code(iso2) is not { } code) { errors.Add(field, "common.required", errors.Label("Pays")); return null; }
        var id = await db.Countries.AsNoTracking().Where(c => c.Iso2 == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null) errors.Add(field, "common.unknown", errors.Label("Pays"), code);
        return id;
    }

    public static string LevelName(this CourseLevel level, IStringLocalizer text) => level switch
    {
        CourseLevel.Initial => text["Niveau initial"],
        CourseLevel.Intermediate => text["Niveau intermédiaire"],
        CourseLevel.Advanced => text["Niveau avancé"],
        _ => text["Niveau supérieur"],
    };

    public static string LanguageName(string code, IStringLocalizer text) => code switch
    {
        "fr" => text["français"],
        "en" => text["anglais"],
        "pt" => text["portugais"],
        "es" => text["espagnol"],
        "ar" => text["arabe"],
        _ => code,
    };

    /// <summary>The countries a session may invite: the partners, those placed in a zone.</summary>
    public static Task<List<int>> PartnerCountryIdsAsync(CooperationDbContext db, CancellationToken ct) =>
        db.Countries.AsNoTracking().Where(c => c.ZoneId != null).Select(c => c.Id).ToListAsync(ct);

    /// <summary>The schools whose catalogue and sessions the user may manage.</summary>
    public static async Task<List<SchoolKey>> ManageableSchoolsAsync(CooperationDbContext db, Access access, CancellationToken ct)
    {
        if (!(access.IsAdministrator || access.IsSchoolDirector || access.IsDeskOfficer)) return [];
        var schools = await db.RegionalSchools.AsNoTracking()
            .Select(s => new SchoolKey(s.Id, s.CountryId, s.Acronym, s.City)).ToListAsync(ct);
        var result = new List<SchoolKey>();
        foreach (var s in schools)
            if (await access.CanManageSchoolAsync(s.Id, s.CountryId, ct)) result.Add(s);
        return result.OrderBy(s => s.Acronym, StringComparer.Ordinal).ToList();
    }
}
