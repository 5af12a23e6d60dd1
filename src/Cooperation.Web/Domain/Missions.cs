using System.Linq.Expressions;

namespace Cooperation.Web.Domain;

/// <summary>
/// The cycle of an expertise mission: requested → assessed → approved or declined → staffed → in progress → reported →
/// closed. Declined and closed are final.
/// </summary>
public enum MissionStatus { Requested = 1, Assessed = 2, Approved = 3, Declined = 4, Staffed = 5, InProgress = 6, Reported = 7, Closed = 8 }

/// <summary>The form a partner asks for: a short mission (days or weeks) or a long one (a posting of months or years).</summary>
public enum MissionForm { Short = 1, Long = 2 }

public enum RecommendationPriority { Low = 1, Medium = 2, High = 3 }

/// <summary>Where the follow-up of a recommendation stands; implemented and abandoned are final.</summary>
public enum RecommendationStatus { Open = 1, InProgress = 2, Implemented = 3, Abandoned = 4 }

/// <summary>
/// An expertise mission (audit and advice): a partner's high authority asks for experts; the desk officer of the zone
/// assesses the request, the director decides, experts (coopérants of the network or short-term experts of the four
/// administrations) are assigned, the mission is carried out and ends with a report whose recommendations are followed up.
/// Each step refuses, naming what is missing, until what it needs is there.
/// </summary>
public class ExpertiseMission : IAudited, IVersioned
{
    public const int MaxSubject = 300;
    public const int MaxText = 4000;

    public int Id { get; set; }
    /// <summary>The partner country; for an organisation, the country of its seat (which every scope rule reads).</summary>
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int HostAuthorityTypeId { get; set; }
    public HostAuthorityType? HostAuthorityType { get; set; }
    /// <summary>The authority that asks and hosts the experts (ministry of defence, general staff...).</summary>
    public required string HostAuthorityName { get; set; }
    /// <summary>Who asked, by name and office: personal data.</summary>
    public required string RequestedBy { get; set; }
    public DateOnly RequestedOn { get; set; }
    public required string Subject { get; set; }
    public int DomainId { get; set; }
    public CooperationDomain? Domain { get; set; }
    public MissionForm Form { get; set; }
    /// <summary>The dates the partner asks for.</summary>
    public DateOnly PlannedStartDate { get; set; }
    public DateOnly PlannedEndDate { get; set; }
    /// <summary>The project the mission serves (the one chain), if any.</summary>
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>The partner's letter of request, if attached.</summary>
    public int? RequestLetterId { get; set; }
    public StoredFile? RequestLetter { get; set; }

    public string? Relevance { get; set; }
    public string? Feasibility { get; set; }
    public string? Risks { get; set; }
    public string? AssessedBy { get; set; }
    public DateOnly? AssessedOn { get; set; }

    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }

    public DateOnly? ActualStartDate { get; set; }
    public DateOnly? ActualEndDate { get; set; }
    public string? Summary { get; set; }
    public DateOnly? ReportedOn { get; set; }
    /// <summary>The mission's report (PDF, DOCX or ODT).</summary>
    public int? ReportFileId { get; set; }
    public StoredFile? ReportFile { get; set; }

    public string? ClosingReason { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public MissionStatus Status { get; set; } = MissionStatus.Requested;
    public long Version { get; set; }

    public List<MissionExpert> Experts { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];

    /// <summary>Dates in order: a mission ends on or after the day it starts.</summary>
    public static void ValidateDates(DateOnly start, DateOnly end, string endField = "plannedEndDate")
    {
        if (end < start) throw new DomainException(endField, "mission.endBeforeStart");
    }

    /// <summary>Changes the request's terms: only while it is not yet decided.</summary>
    public void EnsureRequestEditable()
    {
        if (Status is not (MissionStatus.Requested or MissionStatus.Assessed))
            throw new DomainException("status", "mission.requestDecided");
    }

    /// <summary>The desk officer's assessment of the request; it may be written again until the decision.</summary>
    public void Assess(string relevance, string feasibility, string risks, string by, DateOnly on)
    {
        if (Status is not (MissionStatus.Requested or MissionStatus.Assessed))
            throw new DomainException("status", "mission.requestDecided");
        (Relevance, Feasibility, Risks, AssessedBy, AssessedOn) = (relevance, feasibility, risks, by, on);
        Status = MissionStatus.Assessed;
    }

    /// <summary>Approves or declines an assessed request; a decline gives its reason.</summary>
    public void Decide(bool approve, string? reason, string by, DateOnly on)
    {
        if (Status == MissionStatus.Requested) throw new DomainException("decision", "mission.assessFirst");
        if (Status != MissionStatus.Assessed) throw new DomainException("decision", "mission.alreadyDecided");
        if (!approve && string.IsNullOrWhiteSpace(reason)) throw new DomainException("reason", "mission.declineReasonRequired");
        (DecisionReason, DecidedBy, DecidedOn) = (reason, by, on);
        Status = approve ? MissionStatus.Approved : MissionStatus.Declined;
    }

    /// <summary>
    /// Assigns an expert — a coopérant or a short-term expert of the registry, never both, each once — for dates in
    /// order and a number of days they hold. An approved mission becomes staffed with its first expert.
    /// </summary>
    public MissionExpert Assign(int? cooperantId, int? expertId, DateOnly start, DateOnly end, int days) =>
        Assign(new MissionExpert { CooperantId = cooperantId, ExpertId = expertId }, start, end, days);

    /// <summary>Assigns a coopérant not necessarily saved yet (the demo data builds its graph before saving it).</summary>
    public MissionExpert Assign(Cooperant cooperant, DateOnly start, DateOnly end, int days) =>
        Assign(new MissionExpert { Cooperant = cooperant, CooperantId = cooperant.Id > 0 ? cooperant.Id : null }, start, end, days);

    /// <summary>Assigns a short-term expert not necessarily saved yet.</summary>
    public MissionExpert Assign(Expert expert, DateOnly start, DateOnly end, int days) =>
        Assign(new MissionExpert { Expert = expert, ExpertId = expert.Id > 0 ? expert.Id : null }, start, end, days);

    private MissionExpert Assign(MissionExpert assignment, DateOnly start, DateOnly end, int days)
    {
        if (Status is MissionStatus.Requested or MissionStatus.Assessed or MissionStatus.Declined)
            throw new DomainException("status", "mission.approveFirst");
        if (Status is not (MissionStatus.Approved or MissionStatus.Staffed))
            throw new DomainException("status", "mission.staffingClosed");
        var isCooperant = assignment.CooperantId is not null || assignment.Cooperant is not null;
        var isExpert = assignment.ExpertId is not null || assignment.Expert is not null;
        if (isCooperant == isExpert) throw new DomainException("expert", "mission.oneExpert");
        ValidateDates(start, end, "endDate");
        var span = end.DayNumber - start.DayNumber + 1;
        if (days < 1 || days > span) throw new DomainException("days", "mission.daysRange", span);
        if (Experts.Any(e => isCooperant ? Same(e.CooperantId, e.Cooperant, assignment.CooperantId, assignment.Cooperant)
                : Same(e.ExpertId, e.Expert, assignment.ExpertId, assignment.Expert)))
            throw new DomainException(isCooperant ? "cooperantId" : "expertId", "mission.expertTwice");
        (assignment.Mission, assignment.StartDate, assignment.EndDate, assignment.Days) = (this, start, end, days);
        Experts.Add(assignment);
        Status = MissionStatus.Staffed;
        return assignment;
    }

    /// <summary>The same person: by id once saved, by reference before.</summary>
    private static bool Same(int? id, object? person, int? otherId, object? other) =>
        (id is not null && id == otherId) || (person is not null && ReferenceEquals(person, other));

    /// <summary>The mission starts on the day it actually started: once staffed.</summary>
    public void Start(DateOnly actualStart)
    {
        if (Status is MissionStatus.Approved) throw new DomainException("status", "mission.staffFirst");
        if (Status is not MissionStatus.Staffed) throw new DomainException("status", "mission.cannotStart");
        ActualStartDate = actualStart;
        Status = MissionStatus.InProgress;
    }

    /// <summary>The report of a mission in progress: its actual end (on or after its start), a summary and the file (kept by the caller).</summary>
    public void Report(DateOnly actualEnd, string summary, bool hasFile, DateOnly on)
    {
        if (Status is not (MissionStatus.InProgress or MissionStatus.Reported)) throw new DomainException("status", "mission.startFirst");
        if (actualEnd < ActualStartDate!.Value) throw new DomainException("actualEndDate", "mission.endBeforeStart");
        if (!hasFile) throw new DomainException("report", "mission.reportFileRequired");
        (ActualEndDate, Summary, ReportedOn) = (actualEnd, summary, on);
        Status = MissionStatus.Reported;
    }

    /// <summary>A recommendation of the report: once the mission has started, until it is closed.</summary>
    public Recommendation Recommend(string text, string owner, DateOnly due, RecommendationPriority priority)
    {
        if (Status is not (MissionStatus.InProgress or MissionStatus.Reported)) throw new DomainException("status", "mission.recommendationsNotNow");
        var recommendation = new Recommendation { Mission = this, Text = text, OwnerAuthority = owner, DueDate = due, Priority = priority };
        Recommendations.Add(recommendation);
        return recommendation;
    }

    /// <summary>
    /// Closes a reported mission: when every recommendation is implemented or abandoned, or else with the reason why
    /// it is closed with some still open.
    /// </summary>
    public void Close(string? reason, DateOnly on)
    {
        if (Status != MissionStatus.Reported) throw new DomainException("status", "mission.reportFirst");
        var open = Recommendations.Count(r => !r.IsFinished);
        if (open > 0 && string.IsNullOrWhiteSpace(reason)) throw new DomainException("reason", "mission.openRecommendations", open);
        (ClosingReason, ClosedOn) = (reason, on);
        Status = MissionStatus.Closed;
    }

    /// <summary>Days of expertise given: those of every expert assigned.</summary>
    public int ExpertDays => Experts.Sum(e => e.Days);
}

/// <summary>An expert assigned to a mission: a coopérant of the network or a short-term expert of the registry, with dates and days.</summary>
public class MissionExpert : IAudited
{
    public int Id { get; set; }
    public int MissionId { get; set; }
    public ExpertiseMission? Mission { get; set; }
    public int? CooperantId { get; set; }
    public Cooperant? Cooperant { get; set; }
    public int? ExpertId { get; set; }
    public Expert? Expert { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int Days { get; set; }
    /// <summary>The posting a long mission created for a coopérant, instead of keeping the same placing twice.</summary>
    public int? PostingId { get; set; }
    public Posting? Posting { get; set; }

    public bool Overlaps(DateOnly start, DateOnly end) => StartDate <= end && start <= EndDate;
}

/// <summary>A short-term expert of one of the four administrations, kept in a registry reused across missions: personal data.</summary>
public class Expert : IAudited, IVersioned
{
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string NormalizedName { get; set; } = "";
    public int AdministrationId { get; set; }
    public Administration? Administration { get; set; }
    public required string Grade { get; set; }
    public required string Speciality { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public long Version { get; set; }

    public string FullName => $"{FirstName} {LastName.ToUpperInvariant()}";

    public static string Normalize(string firstName, string lastName) => Text.NormalizeName($"{lastName} {firstName}");
}

/// <summary>A recommendation of a mission's report: the authority that owns it, when it is due, how urgent, and its follow-up.</summary>
public class Recommendation : IAudited, IVersioned
{
    public const int MaxText = 2000;

    public int Id { get; set; }
    public int MissionId { get; set; }
    public ExpertiseMission? Mission { get; set; }
    public required string Text { get; set; }
    public required string OwnerAuthority { get; set; }
    public DateOnly DueDate { get; set; }
    public RecommendationPriority Priority { get; set; }
    public RecommendationStatus Status { get; set; } = RecommendationStatus.Open;
    /// <summary>The day it became implemented or abandoned.</summary>
    public DateOnly? FinishedOn { get; set; }
    public long Version { get; set; }
    public List<FollowUpNote> FollowUps { get; set; } = [];

    public bool IsFinished => Status is RecommendationStatus.Implemented or RecommendationStatus.Abandoned;

    public bool IsOverdue(DateOnly today) => !IsFinished && DueDate < today;

    /// <summary>A dated note of the follow-up, which may move the status on; a finished recommendation takes notes but no longer moves.</summary>
    public FollowUpNote FollowUp(string note, RecommendationStatus? to, string by, DateOnly on)
    {
        if (to is { } status && status != Status)
        {
            if (IsFinished) throw new DomainException("status", "recommendation.finished");
            Status = status;
            FinishedOn = IsFinished ? on : null;
        }
        var followUp = new FollowUpNote { Recommendation = this, Date = on, Note = note, Author = by, Status = to };
        FollowUps.Add(followUp);
        return followUp;
    }
}

/// <summary>A dated note of a recommendation's follow-up, with the status it set, if any.</summary>
public class FollowUpNote : IAudited
{
    public int Id { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public DateOnly Date { get; set; }
    public required string Note { get; set; }
    public required string Author { get; set; }
    public RecommendationStatus? Status { get; set; }
}

public static class RecommendationQueries
{
    /// <summary><see cref="Recommendation.IsOverdue"/> as the database reads it.</summary>
    public static Expression<Func<Recommendation, bool>> Overdue(DateOnly today) =>
        r => r.DueDate < today && (r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress);
}
