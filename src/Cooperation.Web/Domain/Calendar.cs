namespace Cooperation.Web.Domain;

public static class Calendar
{
    /// <summary>The day it is for the directorate (the server's local date): every "today" of a rule comes from the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>
    /// The first and the last day any date of the directorate's records may be (a birth, a posting, a session, a filter):
    /// outside them a date is a typing slip or an attack, and 9999-12-31 has no next day to end a period with. A field
    /// may narrow the range with a rule of its own (a birth date: an age between two bounds).
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <inheritdoc cref="Earliest"/>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool IsWithinRange(DateOnly day) => day >= Earliest && day <= Latest;

    /// <summary>The first and last day of a calendar year (a year filter of a list, the annual report's year), kept within 1 to 9999.</summary>
    public static (DateOnly First, DateOnly Last) YearBounds(int year)
    {
        var y = Math.Clamp(year, 1, 9999);
        return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
    }

    /// <summary>A day as the messages name it (ISO, as the forms take it).</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
