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

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
