using System.Text.RegularExpressions;

namespace Cooperation.Web.Features.Schools.Courses;

/// <summary>What a course's own values may be (code, level, duration, languages), and how the pages name them.</summary>
public static partial class CourseRules
{
    public static readonly string[] KnownLanguages = ["fr", "en", "pt", "es", "ar"];

    public const int MaxCodeLength = 32;
    public const int MaxDurationDays = 365;

    /// <summary>A course code: capitals, digits and dashes, as schools print them on their catalogues.</summary>
    public static string? Code(string? value, FieldErrors errors)
    {
        var code = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) { errors.Add("code", "common.required", errors.Label("Code de la formation")); return null; }
        if (code.Length > MaxCodeLength || !CodeShape().IsMatch(code)) { errors.Add("code", "courses.codeShape"); return null; }
        return code;
    }

    /// <summary>A level by its name (Initial, Intermediate, Advanced, Senior), whatever its case; never by its number.</summary>
    public static CourseLevel? ParseLevel(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<CourseLevel>(value.Trim(), ignoreCase: true, out var level)
        && Enum.IsDefined(level) ? level : null;

    public static CourseLevel? Level(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add("level", "common.required", errors.Label("Niveau de la formation")); return null; }
        if (ParseLevel(value) is { } level) return level;
        errors.Add("level", "courses.unknownLevel", value.Trim());
        return null;
    }

    public static int? Duration(int? days, FieldErrors errors)
    {
        if (errors.Required("durationDays", "Durée en jours", days) is not { } duration) return null;
        if (duration is >= 1 and <= MaxDurationDays) return duration;
        errors.Add("durationDays", "courses.duration", MaxDurationDays);
        return null;
    }

    /// <summary>Languages of teaching as ISO 639-1 codes, in the order given, without repeats ("fr,en").</summary>
    public static string? Languages(IReadOnlyList<string>? values, FieldErrors errors)
    {
        // A blank choice of a form binds as null: nothing chosen, not a code.
        var codes = (values ?? []).OfType<string>().SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().ToList();
        if (codes.Count == 0) { errors.Add("languages", "courses.languagesRequired"); return null; }
        foreach (var bad in codes.Where(c => !KnownLanguages.Contains(c)))
            errors.Add("languages", "courses.unknownLanguage", bad, string.Join(", ", KnownLanguages));
        return string.Join(",", codes);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex CodeShape();

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

    public static List<SelectListItem> LevelChoices(IStringLocalizer text) =>
        Enum.GetValues<CourseLevel>().Select(l => new SelectListItem(l.LevelName(text), l.ToString())).ToList();

    public static List<SelectListItem> LanguageChoices(IStringLocalizer text) =>
        KnownLanguages.Select(l => new SelectListItem(LanguageName(l, text), l)).ToList();
}
