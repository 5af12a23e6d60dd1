using System.Globalization;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>The report's language: <c>?lang=fr|en</c>, else the reader's own.</summary>
public static class ReportLanguage
{
    /// <summary>
    /// Makes the asked language the culture of the rest of the request's flow (the report's labels, numbers and dates);
    /// any other value than fr or en is refused, naming the field.
    /// </summary>
    public static void Apply(string? lang, IStringLocalizer text)
    {
        if (string.IsNullOrWhiteSpace(lang)) return;
        var culture = lang.Trim().ToLowerInvariant() switch
        {
            "fr" => "fr-FR",
            "en" => "en-GB",
            _ => throw FieldErrors.One(text, "lang", "report.lang", lang.Trim()),
        };
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }
}
