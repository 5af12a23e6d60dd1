using System.Globalization;

namespace Cooperation.Web.Features.Shared;

/// <summary>
/// Dates and numbers as the reader's language writes them (fr-FR: 15/11/2024 and 1 234; en-GB: 15/11/2024 and 1,234).
/// The ISO form of a date (2024-11-15) belongs only in inputs of type date and in the API.
/// </summary>
public static class Format
{
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>The day, or <paramref name="none"/> when there is none (a dash, a redaction mark).</summary>
    public static string Date(DateOnly? date, string none) => date is { } d ? Date(d) : none;

    /// <summary>The day of a moment recorded by the system (a submission, a pseudonymisation).</summary>
    public static string Date(System.DateTime moment) => moment.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(System.DateTime? moment) => moment is { } m ? Date(m) : "";

    /// <summary>A moment to the minute, as the reader's language writes it (15/11/2024 14:30).</summary>
    public static string DateTime(System.DateTime moment) => moment.ToString("g", CultureInfo.CurrentCulture);

    public static string DateTime(System.DateTime? moment, string none) => moment is { } m ? DateTime(m) : none;

    public static string DateTime(DateTimeOffset moment) => DateTime(moment.DateTime);

    public static string DateTime(DateTimeOffset? moment, string none) => moment is { } m ? DateTime(m.DateTime) : none;

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
