namespace Cooperation.Web.Domain;

public enum TrainingPlaceKind { RegionalSchool = 1, FrenchSchool = 2, PeacekeepingCentre = 3 }

public enum CourseLevel { Initial = 1, Intermediate = 2, Advanced = 3, Senior = 4 }

/// <summary>A catalogue entry of a school: what is taught, to whom, at which level, for how long.</summary>
public class Course : IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public RegionalSchool? School { get; set; }
    public required string Code { get; set; }
    public required string TitleFr { get; set; }
    public required string TitleEn { get; set; }
    public int DomainId { get; set; }
    public CooperationDomain? Domain { get; set; }
    public CourseLevel Level { get; set; }
    public int DurationDays { get; set; }
    /// <summary>Languages of teaching, as ISO 639-1 codes separated by commas ("fr,en").</summary>
    public string Languages { get; set; } = "fr";
    public bool Active { get; set; } = true;
    public long Version { get; set; }
    /// <summary>The administrations the course is open to (Defence, Interior, Justice, Customs...).</summary>
    public List<Administration> Audience { get; set; } = [];
    public List<CourseSession> Sessions { get; set; } = [];

    /// <summary>
    /// The audience rule: a course that names its audience takes the officers of those administrations only. Null when
    /// an officer of this administration may be nominated; otherwise the refusal, for a nomination to throw or an
    /// import to report against its row.
    /// </summary>
    public DomainException? AudienceRefusal(int administrationId) =>
        Audience.Count == 0 || Audience.Any(a => a.Id == administrationId)
            ? null
            : new DomainException("administration", "nomination.notInAudience", string.Join(", ", Audience.Select(a => a.Code).Order()));
}

public enum SessionStatus { Planned = 1, Open = 2, Closed = 3, Completed = 4, Cancelled = 5 }

/// <summary>One run of a course: dates, place, capacity, a quota of seats per invited country.</summary>
public class CourseSession : IAudited, IVersioned
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public required string Place { get; set; }
    public int Capacity { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Planned;
    /// <summary>The project the session serves (the one chain), if any.</summary>
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>The multilateral partnership the session serves (a UN pre-deployment course, an OIF French course), if any.</summary>
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public long Version { get; set; }
    public List<SessionQuota> Quotas { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];

    /// <summary>Completed or cancelled: nothing of it changes any more.</summary>
    public bool IsFinished => Status is SessionStatus.Completed or SessionStatus.Cancelled;

    public static void ValidateTerms(DateOnly start, DateOnly end, int capacity)
    {
        if (end < start) throw new DomainException("endDate", "session.endBeforeStart");
        if (capacity < 1) throw new DomainException("capacity", "session.capacityPositive");
    }

    /// <summary>
    /// Sets the seats of an invited country. <paramref name="plannedPlaces"/> is what the country's approved programme
    /// still plans for this school and domain in the session's year beyond the seats already given elsewhere (null when
    /// no programme plans it): a quota raised past it needs a revision of the programme first.
    /// </summary>
    public void SetQuota(int countryId, int seats, int? plannedPlaces = null)
    {
        if (seats < 0) throw new DomainException("seats", "session.quotaNegative");
        if (plannedPlaces is { } planned && seats > QuotaFor(countryId) && seats > planned)
            throw new DomainException("seats", "session.quotaOverProgramme", seats, Math.Max(0, planned));
        var accepted = AcceptedCountFor(countryId);
        if (seats < accepted) throw new DomainException("seats", "session.quotaBelowAccepted", accepted);
        var quota = Quotas.FirstOrDefault(q => q.CountryId == countryId);
        var others = Quotas.Where(q => q.CountryId != countryId).Sum(q => (long)q.Seats);
        if (others + seats > Capacity) throw new DomainException("seats", "session.quotasOverCapacity", others + seats, Capacity);
        if (quota is null) Quotas.Add(new SessionQuota { CountryId = countryId, Seats = seats });
        else quota.Seats = seats;
    }

    public void OpenNominations()
    {
        if (Status is not (SessionStatus.Planned or SessionStatus.Closed))
            throw new DomainException("status", "session.cannotOpen", Status);
        Status = SessionStatus.Open;
    }

    public void CloseNominations()
    {
        if (Status != SessionStatus.Open) throw new DomainException("status", "session.notOpen");
        Status = SessionStatus.Closed;
    }

    /// <summary>New dates, place and capacity of a session still to come or running; never below the seats already given.</summary>
    public void ChangeTerms(DateOnly start, DateOnly end, string place, int capacity)
    {
        if (IsFinished) throw new DomainException("status", "session.finished");
        ValidateTerms(start, end, capacity);
        if (capacity < AcceptedCount) throw new DomainException("capacity", "session.capacityBelowAccepted", AcceptedCount);
        var quotas = Quotas.Sum(q => q.Seats);
        if (quotas > capacity) throw new DomainException("capacity", "session.quotasOverCapacity", quotas, capacity);
        (StartDate, EndDate, Place, Capacity) = (start, end, place, capacity);
    }

    public void Cancel()
    {
        if (IsFinished) throw new DomainException("status", "session.cannotCancel");
        Status = SessionStatus.Cancelled;
    }

    /// <summary>
    /// Attendance, results and certificates are recorded once the session has run, from its last day on: before, there
    /// is nothing to attest. Every path that records them (form, API, import) goes through this rule.
    /// </summary>
    public bool ResultsOpen(DateOnly today) => ResultsOpen(EndDate, today);

    /// <inheritdoc cref="ResultsOpen(DateOnly)"/>
    public static bool ResultsOpen(DateOnly endDate, DateOnly today) => today >= endDate;

    /// <inheritdoc cref="ResultsOpen(DateOnly)"/>
    public void EnsureResultsOpen(DateOnly today) => EnsureResultsOpen(EndDate, today);

    /// <inheritdoc cref="ResultsOpen(DateOnly)"/>
    public static void EnsureResultsOpen(DateOnly endDate, DateOnly today)
    {
        if (!ResultsOpen(endDate, today)) throw new DomainException("session", "session.resultsBeforeEnd", Calendar.Iso(endDate));
    }

    /// <summary>A session is completed once it has run: its nominations are open or closed and its end date has come.</summary>
    public void Complete(DateOnly today)
    {
        if (Status is not (SessionStatus.Open or SessionStatus.Closed)) throw new DomainException("status", "session.cannotComplete");
        if (today < EndDate) throw new DomainException("status", "session.notEnded", EndDate.ToString("yyyy-MM-dd"));
        Status = SessionStatus.Completed;
    }

    public int AcceptedCount => Nominations.Count(n => n.Status == NominationStatus.Accepted);
    public int AcceptedCountFor(int countryId) => Nominations.Count(n => n.Status == NominationStatus.Accepted && n.CountryId == countryId);
    public int QuotaFor(int countryId) => Quotas.FirstOrDefault(q => q.CountryId == countryId)?.Seats ?? 0;

    /// <summary>
    /// A partner nominates a candidate: only while the session is open, for an invited country, an officer of an
    /// administration the course is open to (<see cref="Course.AudienceRefusal"/>: the use cases that nominate load the
    /// course with its audience), once per trainee.
    /// </summary>
    public Nomination Nominate(Trainee trainee, int countryId, DateTime at, string? byUserId)
    {
        if (Status != SessionStatus.Open) throw new DomainException("session", "nomination.sessionNotOpen");
        if (QuotaFor(countryId) == 0) throw new DomainException("country", "nomination.countryNotInvited");
        if (Course?.AudienceRefusal(trainee.AdministrationId) is { } refused) throw refused;
        if (Nominations.Any(n => (ReferenceEquals(n.Trainee, trainee) || (trainee.Id != 0 && n.TraineeId == trainee.Id))
                                 && n.Status is not (NominationStatus.Withdrawn or NominationStatus.Refused)))
            throw new DomainException("trainee", "nomination.duplicate");
        var nomination = new Nomination
        {
            Session = this, Trainee = trainee, CountryId = countryId, Status = NominationStatus.Submitted,
            SubmittedAt = at, SubmittedByUserId = byUserId,
        };
        Nominations.Add(nomination);
        return nomination;
    }

    /// <summary>Accepts a nomination: the candidate is cleared, and a seat is free both in the session and in the country's quota.</summary>
    public void Accept(Nomination nomination, DateTime at, string? by)
    {
        nomination.EnsureCanMoveTo(NominationStatus.Accepted);
        if (nomination.Screening != ScreeningStatus.Cleared)
            throw new DomainException("screening", "nomination.notCleared");
        if (AcceptedCount >= Capacity)
            throw new DomainException("status", "nomination.capacityReached", Capacity);
        var quota = QuotaFor(nomination.CountryId);
        if (AcceptedCountFor(nomination.CountryId) >= quota)
            throw new DomainException("status", "nomination.quotaReached", quota);
        nomination.Decide(NominationStatus.Accepted, at, by);
    }

    public void Waitlist(Nomination nomination, DateTime at, string? by)
    {
        nomination.EnsureCanMoveTo(NominationStatus.Waitlisted);
        nomination.Decide(NominationStatus.Waitlisted, at, by);
        nomination.WaitlistedAt = at;
    }

    /// <summary>A withdrawal frees a seat: the first cleared candidate of the waiting list who fits the quotas moves up.</summary>
    public Nomination? Withdraw(Nomination nomination, DateTime at, string? by)
    {
        var wasAccepted = nomination.Status == NominationStatus.Accepted;
        nomination.EnsureCanMoveTo(NominationStatus.Withdrawn);
        nomination.Decide(NominationStatus.Withdrawn, at, by);
        if (!wasAccepted || IsFinished) return null;
        var next = Nominations
            .Where(n => n.Status == NominationStatus.Waitlisted && n.Screening == ScreeningStatus.Cleared
                        && AcceptedCountFor(n.CountryId) < QuotaFor(n.CountryId))
            .OrderBy(n => n.WaitlistedAt).ThenBy(n => n.Id)
            .FirstOrDefault();
        if (next is null || AcceptedCount >= Capacity) return null;
        next.Decide(NominationStatus.Accepted, at, by);
        return next;
    }
}

public class SessionQuota : IAudited
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CourseSession? Session { get; set; }
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public int Seats { get; set; }
}

public enum Gender { Female = 1, Male = 2 }

public static class Genders
{
    /// <summary>
    /// A gender as people write it, in French or English, as a word or its letter (F, Femme, Féminin, Female; M, H,
    /// Homme, Masculin, Male), whatever the case and accents; null when it is none of them.
    /// </summary>
    public static Gender? Parse(string? value) => Text.NormalizeName(value ?? "") switch
    {
        "F" or "FEMME" or "FEMININ" or "FEMALE" => Gender.Female,
        "M" or "H" or "HOMME" or "MASCULIN" or "MALE" => Gender.Male,
        _ => null,
    };
}

/// <summary>A foreign officer trained by the directorate: one person, however often nominated.</summary>
public class Trainee : IAudited, IVersioned
{
    public const int MaxName = 100;
    public const int MinAge = 16;
    public const int MaxAge = 90;

    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string NormalizedName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public Gender Gender { get; set; }
    public int NationalityId { get; set; }
    public Country? Nationality { get; set; }
    public int AdministrationId { get; set; }
    public Administration? Administration { get; set; }
    public string Rank { get; set; } = "";
    public string Position { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>When the person's identity was replaced at his request or at the end of the retention period; null until then.</summary>
    public DateTime? PseudonymisedAt { get; set; }
    public long Version { get; set; }
    public List<CareerEntry> Career { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];
    /// <summary>The IHEDN international sessions he took part in (as a senior official).</summary>
    public List<SessionParticipant> Participations { get; set; } = [];

    public string FullName => $"{FirstName} {LastName.ToUpperInvariant()}";

    public static string Normalize(string firstName, string lastName) => Text.NormalizeName($"{lastName} {firstName}");

    /// <summary>A name has at least one letter: persons are matched on their names' letters.</summary>
    public static bool IsName(string name) => name.Any(char.IsLetter);

    /// <summary>
    /// Replaces what names the person — names, e-mail, birth day (the year stays, for the figures by age) — and keeps
    /// the record, so that sessions, results and counts stay as they were. Returns the new values of the fields it
    /// replaced, by name, for the audit trail's snapshots of him.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Pseudonymise(DateTime at)
    {
        Pseudonyms.EnsureNotYet(PseudonymisedAt);
        FirstName = Pseudonyms.FirstName;
        LastName = Pseudonyms.LastName("STAGIAIRE", Id);
        NormalizedName = Normalize(FirstName, LastName);
        BirthDate = new DateOnly(BirthDate.Year, 1, 1);
        Email = null;
        PseudonymisedAt = at;
        return new Dictionary<string, object?>
        {
            [nameof(FirstName)] = FirstName, [nameof(LastName)] = LastName, [nameof(NormalizedName)] = NormalizedName,
            [nameof(BirthDate)] = BirthDate, [nameof(Email)] = Email,
        };
    }

    /// <summary>The birth dates a trainee may have today: between <see cref="MinAge"/> and <see cref="MaxAge"/> years old.</summary>
    public static (DateOnly Earliest, DateOnly Latest) BirthDates(DateOnly today) => (today.AddYears(-MaxAge), today.AddYears(-MinAge));
}

/// <summary>A position an alumnus held after training; the prominent ones make the influence network.</summary>
public class CareerEntry : IAudited
{
    public int Id { get; set; }
    public int TraineeId { get; set; }
    public Trainee? Trainee { get; set; }
    public required string Position { get; set; }
    public required string Organisation { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool Prominent { get; set; }
}

public enum NominationStatus { Submitted = 1, UnderReview = 2, Accepted = 3, Waitlisted = 4, Refused = 5, Withdrawn = 6 }
public enum ScreeningStatus { Pending = 1, Cleared = 2, Refused = 3 }
public enum TrainingResult { Passed = 1, Failed = 2, Withdrew = 3 }

/// <summary>
/// A partner's nomination of a candidate to a session. Once accepted it is the trainee's enrolment: attendance,
/// result and certificate are recorded on it.
/// </summary>
public class Nomination : IAudited, IVersioned
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CourseSession? Session { get; set; }
    public int TraineeId { get; set; }
    public Trainee? Trainee { get; set; }
    /// <summary>The nominating partner country, whose quota the nomination draws on.</summary>
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public NominationStatus Status { get; set; } = NominationStatus.Submitted;
    public DateTime SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? WaitlistedAt { get; set; }
    public ScreeningStatus Screening { get; set; } = ScreeningStatus.Pending;
    public DateTime? ScreenedAt { get; set; }
    public string? ScreenedBy { get; set; }
    public bool? Attended { get; set; }
    public TrainingResult? Result { get; set; }
    public string? CertificateCode { get; set; }
    public DateTime? CertificateIssuedAt { get; set; }
    public long Version { get; set; }

    private static readonly Dictionary<NominationStatus, NominationStatus[]> Allowed = new()
    {
        [NominationStatus.Submitted] = [NominationStatus.UnderReview, NominationStatus.Accepted, NominationStatus.Waitlisted, NominationStatus.Refused, NominationStatus.Withdrawn],
        [NominationStatus.UnderReview] = [NominationStatus.Accepted, NominationStatus.Waitlisted, NominationStatus.Refused, NominationStatus.Withdrawn],
        [NominationStatus.Waitlisted] = [NominationStatus.Accepted, NominationStatus.Refused, NominationStatus.Withdrawn],
        [NominationStatus.Accepted] = [NominationStatus.Withdrawn],
        [NominationStatus.Refused] = [],
        [NominationStatus.Withdrawn] = [],
    };

    public bool CanMoveTo(NominationStatus next) => Allowed[Status].Contains(next);

    public void EnsureCanMoveTo(NominationStatus next)
    {
        if (!CanMoveTo(next)) throw new DomainException("status", "nomination.transition", Status, next);
    }

    internal void Decide(NominationStatus next, DateTime at, string? by)
    {
        Status = next;
        DecidedAt = at;
        DecidedBy = by;
    }

    public void Review(DateTime at, string? by)
    {
        EnsureCanMoveTo(NominationStatus.UnderReview);
        Decide(NominationStatus.UnderReview, at, by);
    }

    public void Refuse(DateTime at, string? by)
    {
        EnsureCanMoveTo(NominationStatus.Refused);
        Decide(NominationStatus.Refused, at, by);
    }

    public void Screen(ScreeningStatus outcome, DateTime at, string by)
    {
        if (Status is NominationStatus.Refused or NominationStatus.Withdrawn) throw new DomainException("screening", "nomination.closed");
        if (Status == NominationStatus.Accepted && outcome != ScreeningStatus.Cleared) throw new DomainException("screening", "nomination.alreadyAccepted");
        Screening = outcome;
        ScreenedAt = at;
        ScreenedBy = by;
    }

    /// <summary>
    /// Records the enrolment's outcome once its session, ending on <paramref name="sessionEnd"/>, has run
    /// (<see cref="CourseSession.EnsureResultsOpen(DateOnly, DateOnly)"/>):
    /// <paramref name="presentToTheEnd"/> (attended the whole session) and a result that agrees with it — passed or
    /// failed only for one present to the end, withdrew only for one who was not. A null result leaves the recorded one,
    /// except that marking someone absent clears a pass or a fail. A certified enrolment stays present and passed.
    /// </summary>
    public void RecordOutcome(bool presentToTheEnd, TrainingResult? result, DateOnly sessionEnd, DateOnly today)
    {
        if (Status != NominationStatus.Accepted) throw new DomainException("attended", "enrollment.notAccepted");
        CourseSession.EnsureResultsOpen(sessionEnd, today);
        if (!presentToTheEnd && CertificateCode is not null) throw new DomainException("attended", "results.certifiedAbsent");
        var next = result ?? Result;
        if (presentToTheEnd && next == TrainingResult.Withdrew) throw new DomainException("result", "enrollment.withdrewPresent");
        if (!presentToTheEnd && next is TrainingResult.Passed or TrainingResult.Failed)
        {
            if (result is not null) throw new DomainException("result", "enrollment.notAttended");
            next = null;
        }
        if (CertificateCode is not null && next != TrainingResult.Passed) throw new DomainException("result", "enrollment.certified");
        Attended = presentToTheEnd;
        Result = next;
    }

    public void IssueCertificate(string code, DateTime at)
    {
        if (Result != TrainingResult.Passed) throw new DomainException("certificate", "certificate.onlyForPass");
        if (CertificateCode is not null) throw new DomainException("certificate", "certificate.alreadyIssued");
        CertificateCode = code;
        CertificateIssuedAt = at;
    }
}
