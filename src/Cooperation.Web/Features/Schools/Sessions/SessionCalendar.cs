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

    /// <summary>
    /// Writes the calendar to <paramref name="output"/> event by event: the library writes the calendar's frame and each
    /// event (escaping, folding), and no model of the whole calendar is kept. At ten times the directorate, the 11,603
    /// sessions of the unfiltered feed took 1.3 s and 415 MB of allocations as one model, whose objects outlived their
    /// collections and left the process 130 MB larger.
    /// </summary>
    public static async Task WriteAsync(Stream output, IEnumerable<SessionRow> sessions, IStringLocalizer text, DateTime stamp, CancellationToken ct = default)
    {
        var frame = new Ical.Net.Calendar { ProductId = "-//DCSD//Cooperation//FR" };
        frame.AddProperty("X-WR-CALNAME", text["Sessions de formation"].Value);
        var (head, tail) = Split(new CalendarSerializer().SerializeToString(frame)!);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(head);
        var serializer = new EventSerializer();
        foreach (var s in sessions)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteAsync(serializer.SerializeToString(Event(s, text, stamp)));
        }
        await writer.WriteAsync(tail);
    }

    /// <summary>The calendar's frame cut where its events go: before its END line.</summary>
    private static (string Head, string Tail) Split(string frame)
    {
        var end = frame.LastIndexOf("END:VCALENDAR", StringComparison.Ordinal);
        return (frame[..end], frame[end..]);
    }

    private static CalendarEvent Event(SessionRow s, IStringLocalizer text, DateTime stamp) => new()
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
    };

    /// <summary>
    /// The day after the last (DTEND is exclusive). A date past the calendar's range can no longer be entered, but one
    /// written before that rule (9999-12-31) has no next day: it ends the event on itself rather than failing the whole file.
    /// </summary>
    private static DateOnly ExclusiveEnd(DateOnly last) => last < DateOnly.MaxValue ? last.AddDays(1) : last;

    /// <summary>The calendar as the API and the pages answer it: written into the response as it goes.</summary>
    public static StreamedFile File(IReadOnlyList<SessionRow> sessions, IStringLocalizer text, string name, TimeProvider clock)
    {
        var stamp = clock.GetUtcNow().UtcDateTime;
        return new StreamedFile(ContentType, $"{name}-{stamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.ics",
            (output, ct) => WriteAsync(output, sessions, text, stamp, ct));
    }
}
