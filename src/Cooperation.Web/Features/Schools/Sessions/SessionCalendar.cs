using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// Sessions as an iCalendar file: one all-day event per session, from its first day to the day after its last
/// (DTEND is exclusive), with a UID that stays the same for the session so that a calendar updates it rather than
/// adding it twice.
/// </summary>
public static class SessionCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(int sessionId) => $"session-{sessionId}@cooperation.dcsd";

    public static string Write(IEnumerable<SessionRow> sessions, IStringLocalizer text, DateTime stamp)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//DCSD//Cooperation//FR" };
        calendar.AddProperty("X-WR-CALNAME", text["Sessions de formation"].Value);
        foreach (var s in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(s.Id),
                Summary = s.Status == nameof(Domain.SessionStatus.Cancelled) ? $"{s.CourseTitle} ({s.StatusName})" : s.CourseTitle,
                Location = $"{s.Place}, {s.School}",
                DtStart = new CalDateTime(s.StartDate),
                DtEnd = new CalDateTime(ExclusiveEnd(s.EndDate)),
                DtStamp = new CalDateTime(stamp, CalDateTime.UtcTzId),
                Description = string.Join("\n",
                    $"{s.School} — {s.SchoolName}",
                    text["Formation {0}", s.CourseCode].Value,
                    text["Capacité : {0} places ({1} acceptées)", s.Capacity, s.Accepted].Value,
                    s.StatusName),
                Status = s.Status == nameof(Domain.SessionStatus.Cancelled) ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>
    /// The day after the last (DTEND is exclusive). A date past the calendar's range can no longer be entered, but one
    /// written before that rule (9999-12-31) has no next day: it ends the event on itself rather than failing the whole file.
    /// </summary>
    private static DateOnly ExclusiveEnd(DateOnly last) => last < DateOnly.MaxValue ? last.AddDays(1) : last;

    /// <summary>The calendar as the API answers it.</summary>
    public static FileContentHttpResult Result(IEnumerable<SessionRow> sessions, IStringLocalizer text, string name, TimeProvider clock)
    {
        var (content, fileName) = Content(sessions, text, name, clock);
        return TypedResults.File(content, ContentType, fileName);
    }

    /// <summary>The calendar as a page's handler answers it.</summary>
    public static FileContentResult File(IEnumerable<SessionRow> sessions, IStringLocalizer text, string name, TimeProvider clock)
    {
        var (content, fileName) = Content(sessions, text, name, clock);
        return new(content, ContentType) { FileDownloadName = fileName };
    }

    /// <summary>The file, named after the list and the day it is written.</summary>
    private static (byte[] Content, string Name) Content(IEnumerable<SessionRow> sessions, IStringLocalizer text, string name, TimeProvider clock)
    {
        var stamp = clock.GetUtcNow().UtcDateTime;
        return (System.Text.Encoding.UTF8.GetBytes(Write(sessions, text, stamp)), $"{name}-{stamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.ics");
    }
}
