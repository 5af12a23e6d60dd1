namespace Cooperation.Web.Domain;

/// <summary>
/// A year whose annual report the director (or an administrator) has declared final: from then on, that year's
/// sessions and their results, transactions, donations and missions are changed only by an administrator who gives a
/// reason, each change recorded as a <see cref="LockedYearAmendment"/>.
/// </summary>
public class LockedYear : IAudited
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateTime LockedAt { get; set; }
    public string? LockedByUserId { get; set; }
    public required string LockedByName { get; set; }

    /// <summary>Only a year that has ended is declared final; never twice.</summary>
    public static LockedYear Declare(int year, DateOnly today, bool alreadyFinal, DateTime now, string? userId, string userName)
    {
        if (year >= today.Year) throw new DomainException("year", "locked.yearNotEnded", year);
        if (alreadyFinal) throw new DomainException("year", "locked.alreadyFinal", year);
        return new LockedYear { Year = year, LockedAt = now, LockedByUserId = userId, LockedByName = userName };
    }
}

/// <summary>A change an administrator made to a record of a locked year: what, when, by whom and why.</summary>
public class LockedYearAmendment : IAudited
{
    public const int MaxReason = 500;

    public long Id { get; set; }
    public int Year { get; set; }
    /// <summary>The record's type (CourseSession, Nomination, ProjectTransaction, Donation, ExpertiseMission...).</summary>
    public required string RecordType { get; set; }
    /// <summary>The record's key; empty for a record created by the change.</summary>
    public required string RecordKey { get; set; }
    public required string Reason { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>
    /// The rule of a locked year: only an administrator changes its records, and only with a reason (at most
    /// <see cref="MaxReason"/> characters); anybody else is refused, naming the year.
    /// </summary>
    public static string CheckReason(int year, bool mayAmend, string? reason)
    {
        if (!mayAmend) throw new DomainException("amendmentReason", "locked.yearLocked", year);
        var clean = reason?.Trim();
        if (string.IsNullOrEmpty(clean)) throw new DomainException("amendmentReason", "locked.reasonRequired", year);
        if (clean.Length > MaxReason) throw new DomainException("amendmentReason", "locked.reasonTooLong", MaxReason);
        return clean;
    }
}
