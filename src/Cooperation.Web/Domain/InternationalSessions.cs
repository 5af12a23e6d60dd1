namespace Cooperation.Web.Domain;

/// <summary>
/// An IHEDN international session: one of the three a year held at the École militaire in Paris for senior officials
/// of invited countries, each devoted in turn to a priority zone.
/// </summary>
public class InternationalSession : IAudited, IVersioned
{
    public const int SessionsPerYear = 3;
    public const string DefaultPlace = "École militaire, Paris";

    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>1 to <see cref="SessionsPerYear"/> within its year.</summary>
    public int Number { get; set; }
    public required string Theme { get; set; }
    public int ZoneId { get; set; }
    public Zone? Zone { get; set; }
    /// <summary>Held with the FICA forum (the sessions on Sub-Saharan Africa).</summary>
    public bool WithFica { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string Place { get; set; } = DefaultPlace;
    public long Version { get; set; }
    public List<Country> InvitedCountries { get; set; } = [];
    public List<SessionParticipant> Participants { get; set; } = [];

    /// <summary>Its number within the year, its dates in that year and in order.</summary>
    public static void ValidateTerms(int year, int number, DateOnly start, DateOnly end)
    {
        if (number < 1 || number > SessionsPerYear) throw new DomainException("number", "intlSession.number", SessionsPerYear);
        if (start.Year != year) throw new DomainException("startDate", "intlSession.startOutsideYear", year);
        if (end < start) throw new DomainException("endDate", "intlSession.endBeforeStart");
    }

    public bool HasStarted(DateOnly today) => today >= StartDate;

    /// <summary>A country is no longer invited once one of its officials is in the session (unless he declined).</summary>
    public void EnsureCanUninvite(int countryId)
    {
        if (Participants.Any(p => p.CountryId == countryId && p.Status != ParticipantStatus.Declined))
            throw new DomainException("invitedCountries", "intlSession.countryHasParticipants");
    }

    /// <summary>
    /// Adds a senior official of an invited country, once per person: proposed by his country's liaison officer, or
    /// invited directly by headquarters.
    /// </summary>
    public SessionParticipant Add(Trainee person, int countryId, bool proposed, DateTime at, string? by)
    {
        if (InvitedCountries.All(c => c.Id != countryId)) throw new DomainException("country", "participant.countryNotInvited");
        if (Participants.Any(p => (ReferenceEquals(p.Person, person) || (person.Id != 0 && (p.PersonId == person.Id || p.Person?.Id == person.Id))) && p.Status != ParticipantStatus.Declined))
            throw new DomainException("lastName", "participant.duplicate");
        var participant = new SessionParticipant
        {
            Session = this, Person = person, CountryId = countryId,
            Status = proposed ? ParticipantStatus.Proposed : ParticipantStatus.Invited, ProposedAt = at, ProposedByUserId = by,
        };
        Participants.Add(participant);
        return participant;
    }
}

public enum ParticipantStatus { Proposed = 1, Invited = 2, Confirmed = 3, Attended = 4, Declined = 5 }

/// <summary>
/// A senior official taking part in an international session (the IHEDN's French "auditeur", named here so that nobody
/// confuses him with the Auditor role). He is a person of the alumni network: the trainee record of the same person
/// (the training deduplication rule), whose career timeline he shares.
/// </summary>
public class SessionParticipant : IAudited, IVersioned
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public InternationalSession? Session { get; set; }
    public int PersonId { get; set; }
    public Trainee? Person { get; set; }
    /// <summary>The invited country he represents.</summary>
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    /// <summary>His position when he took part (the career timeline keeps what follows).</summary>
    public string PositionHeld { get; set; } = "";
    public string Grade { get; set; } = "";
    public ParticipantStatus Status { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? ProposedByUserId { get; set; }
    public long Version { get; set; }

    private static readonly Dictionary<ParticipantStatus, ParticipantStatus[]> Allowed = new()
    {
        [ParticipantStatus.Proposed] = [ParticipantStatus.Invited, ParticipantStatus.Declined],
        [ParticipantStatus.Invited] = [ParticipantStatus.Confirmed, ParticipantStatus.Declined],
        [ParticipantStatus.Confirmed] = [ParticipantStatus.Attended, ParticipantStatus.Declined],
        [ParticipantStatus.Attended] = [],
        [ParticipantStatus.Declined] = [],
    };

    public bool CanMoveTo(ParticipantStatus next) => Allowed[Status].Contains(next);

    /// <summary>Invited, confirmed, attended (once the session has begun) or declined, in that order.</summary>
    public void MoveTo(ParticipantStatus next, DateOnly today)
    {
        if (!CanMoveTo(next)) throw new DomainException("status", "participant.transition", Status, next);
        if (next == ParticipantStatus.Attended && Session is { } s && !s.HasStarted(today))
            throw new DomainException("status", "participant.notStarted", Calendar.Iso(s.StartDate));
        Status = next;
    }
}

/// <summary>A zone the rotation may give a session to: its strategic priority weighs its turn.</summary>
public sealed record RotationZone(int Id, string Code, string Name, StrategicPriority Priority);

/// <summary>A session as the rotation counts it.</summary>
public sealed record RotationSession(int Year, int Number, int ZoneId);

/// <summary>A zone proposed for a coming session: how long it has waited, and its weight.</summary>
public sealed record RotationProposal(int Year, int Number, RotationZone Zone, int? LastCovered, int YearsUncovered, int Score);

public enum RotationWarningKind { IncompleteYear = 1, ZoneUncovered = 2 }

public sealed record RotationWarning(RotationWarningKind Kind, int? Year, int Sessions, RotationZone? Zone, int? LastCovered, int YearsUncovered);

/// <summary>
/// The rotation of the international sessions over the zones: what was covered each year, which zones should come next
/// (those uncovered longest first, weighted by their strategic priority), and what is wrong with the plan.
/// </summary>
public static class SessionRotation
{
    public const int YearsBack = 10;
    public const int YearsAhead = 5;
    public const int DefaultMaxUncoveredYears = 3;

    /// <summary>How much a zone's priority weighs on its turn.</summary>
    public static int Weight(StrategicPriority priority) => (int)priority;

    /// <summary>Priority zones are those of high or medium priority: the planner warns when one waits too long.</summary>
    public static bool IsPriorityZone(StrategicPriority priority) => priority >= StrategicPriority.Medium;

    /// <summary>
    /// The zones proposed for the sessions of <paramref name="year"/> still to plan (the numbers not yet taken), one a
    /// session, each zone once: the highest score first — years since its last session before that year (never covered:
    /// the whole window and one), times its weight — then the higher priority, then the code.
    /// </summary>
    public static IReadOnlyList<RotationProposal> Propose(int year, IReadOnlyCollection<RotationZone> zones, IReadOnlyCollection<RotationSession> sessions)
    {
        var taken = sessions.Where(s => s.Year == year).ToList();
        var free = Enumerable.Range(1, InternationalSession.SessionsPerYear).Where(n => taken.All(s => s.Number != n)).ToList();
        var ranked = zones.Where(z => taken.All(s => s.ZoneId != z.Id))
            .Select(z =>
            {
                var last = LastCovered(z.Id, year, sessions);
                var waited = last is { } l ? year - l : YearsBack + 1;
                return new { Zone = z, Last = last, Waited = waited, Score = waited * Weight(z.Priority) };
            })
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Zone.Priority).ThenBy(x => x.Zone.Code, StringComparer.Ordinal)
            .ToList();
        return free.Zip(ranked, (number, x) => new RotationProposal(year, number, x.Zone, x.Last, x.Waited, x.Score)).ToList();
    }

    /// <summary>
    /// What the planner warns of, as of <paramref name="currentYear"/>: each year of the last ten, this one and the next
    /// that does not hold its three sessions, and each priority zone whose last session (up to next year's plan) is more
    /// than <paramref name="maxUncoveredYears"/> years old, or that had none in the window.
    /// </summary>
    public static IReadOnlyList<RotationWarning> Warnings(int currentYear, IReadOnlyCollection<RotationZone> zones,
        IReadOnlyCollection<RotationSession> sessions, int maxUncoveredYears = DefaultMaxUncoveredYears)
    {
        var warnings = new List<RotationWarning>();
        for (var year = currentYear - YearsBack; year <= currentYear + 1; year++)
        {
            var count = sessions.Count(s => s.Year == year);
            if (count < InternationalSession.SessionsPerYear) warnings.Add(new RotationWarning(RotationWarningKind.IncompleteYear, year, count, null, null, 0));
        }
        foreach (var zone in zones.Where(z => IsPriorityZone(z.Priority)).OrderByDescending(z => z.Priority).ThenBy(z => z.Code, StringComparer.Ordinal))
        {
            var last = LastCovered(zone.Id, currentYear + 2, sessions);
            var waited = last is { } l ? Math.Max(0, currentYear - l) : YearsBack + 1;
            if (last is null || waited > maxUncoveredYears)
                warnings.Add(new RotationWarning(RotationWarningKind.ZoneUncovered, null, 0, zone, last, waited));
        }
        return warnings;
    }

    /// <summary>The last year before <paramref name="before"/> with a session on the zone, within the window.</summary>
    private static int? LastCovered(int zoneId, int before, IReadOnlyCollection<RotationSession> sessions) =>
        sessions.Where(s => s.ZoneId == zoneId && s.Year < before && s.Year >= before - YearsBack - 1).Select(s => (int?)s.Year).Max();
}
