using System.Text.Json;

namespace Cooperation.Web.Domain;

public enum NotificationKind { NominationDecided = 1, NominationSubmitted = 2, PostingEnding = 3 }

/// <summary>
/// One value of a notification's message, in both languages (a course title, a country, a date as each language writes
/// it), so that the message is rendered in the language of whoever reads it, whenever he reads it.
/// </summary>
public sealed record NotificationArgument(string Fr, string En)
{
    public static NotificationArgument Same(string value) => new(value, value);

    public string In(bool english) => english ? En : Fr;
}

/// <summary>
/// Something a person has to know, in the application (and by e-mail when it is configured): a decision on a
/// nomination, a new nomination to screen, a posting about to end. Its words are a message key and arguments, rendered
/// in the reader's language; it belongs to its recipient alone.
/// </summary>
public class Notification
{
    public const int MaxKey = 100;
    public const int MaxLink = 300;

    public long Id { get; set; }
    public required string RecipientId { get; set; }
    public NotificationKind Kind { get; set; }
    /// <summary>The message's key: "<c>{key}.title</c>" and "<c>{key}.body</c>" are its title and text.</summary>
    public required string MessageKey { get; set; }
    /// <summary>The arguments of the message, a JSON array of <see cref="NotificationArgument"/>.</summary>
    public string Arguments { get; set; } = "[]";
    /// <summary>The page of the record the notification speaks of (a path of this site).</summary>
    public required string Link { get; set; }
    /// <summary>
    /// What makes a notification unique for its recipient when it must be sent once only (a posting's end, whichever
    /// instance's job notices it first): a unique index refuses the second.
    /// </summary>
    public string? OnceKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>Marks the notification read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime at) => ReadAt ??= at;

    public IReadOnlyList<NotificationArgument> ArgumentList() =>
        JsonSerializer.Deserialize<List<NotificationArgument>>(Arguments) ?? [];

    public static string Serialize(IEnumerable<NotificationArgument> arguments) => JsonSerializer.Serialize(arguments.ToList());
}

/// <summary>
/// An e-mail to send, written in the same transaction as the event it tells of (the outbox): a background sender
/// claims it, sends it, and marks it sent; a failed attempt leaves it pending with its count and last error, to be
/// tried again later. A message is never deleted by the sender, so none is lost.
/// </summary>
public class OutboxMessage
{
    public const int MaxAddress = 256;
    public const int MaxSubject = 300;
    public const int MaxError = 1000;
    /// <summary>After this many failed attempts a message waits for the longest backoff between tries, not more.</summary>
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(6);

    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public byte[]? Attachment { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not to be tried before this time (now when written, later after a failure).</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>The lease of the sender that claimed the message: no other claims it until then.</summary>
    public DateTime? LockedUntil { get; set; }
    /// <summary>The claim of the sender holding the lease.</summary>
    public string? LockedBy { get; set; }
    public DateTime? SentAt { get; set; }

    public bool IsSent => SentAt is not null;

    /// <summary>The wait after the n-th failed attempt: one minute, doubling each time, six hours at most.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        if (attempts <= 1) return TimeSpan.FromMinutes(1);
        var minutes = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, LongestBackoff.TotalMinutes));
    }

    public void MarkSent(DateTime at)
    {
        Attempts++;
        SentAt = at;
        LastError = null;
        LockedUntil = null;
        LockedBy = null;
    }

    /// <summary>A failed attempt: counted, its error kept, the message pending again after the backoff.</summary>
    public void MarkFailed(DateTime at, string error)
    {
        Attempts++;
        LastError = error.Length > MaxError ? error[..MaxError] : error;
        NextAttemptAt = at + Backoff(Attempts);
        LockedUntil = null;
        LockedBy = null;
    }
}
