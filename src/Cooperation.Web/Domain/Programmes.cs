using System.Text.Json;

namespace Cooperation.Web.Domain;

/// <summary>
/// The cycle of an annual programme: draft → submitted → approved (or returned with comments, then submitted again) →
/// revised during the year (each revision kept with its reason) → closed at year end with an assessment. Closed is final.
/// </summary>
public enum ProgrammeStatus { Draft = 1, Submitted = 2, Approved = 3, Returned = 4, Revised = 5, Closed = 6 }

/// <summary>The modes of action a programme plans: training places, expertise missions, donations, postings, projects.</summary>
public enum ProgrammeMode { Training = 1, Missions = 2, Donations = 3, Postings = 4, Projects = 5 }

/// <summary>What a programme plans for the coopérants posted in the country: keep, open or close postings.</summary>
public enum PostingPlan { Keep = 1, Open = 2, Close = 3 }

/// <summary>
/// One planned action of a programme, as given: training places of a school in a domain (<see cref="Quantity"/>
/// places), missions in a domain (<see cref="Quantity"/> missions and <see cref="ExpertDays"/>), donations of a
/// category (<see cref="Value"/> in euros), postings to keep, open or close (<see cref="Quantity"/>), a project
/// contributed to; each with its budget and funding source.
/// </summary>
public sealed record ProgrammeLineTerms(
    ProgrammeMode Mode, int? SchoolId, int? DomainId, EquipmentCategory? Category, PostingPlan? Posting, int? ProjectId,
    int Quantity, int ExpertDays, decimal Value, decimal Budget, FundingSource Source);

/// <summary>The budget envelope of a mode from a funding source.</summary>
public sealed record ProgrammeEnvelopeTerms(ProgrammeMode Mode, FundingSource Source, decimal Amount);

/// <summary>A strategic priority the programme serves: a field of cooperation, and why.</summary>
public sealed record ProgrammePriorityTerms(int DomainId, string Rationale);

/// <summary>What a programme plans, whole: its priorities, its lines and its envelopes.</summary>
public sealed record ProgrammePlan(
    IReadOnlyList<ProgrammePriorityTerms> Priorities, IReadOnlyList<ProgrammeLineTerms> Lines, IReadOnlyList<ProgrammeEnvelopeTerms> Envelopes);

/// <summary>
/// The annual cooperation programme of a partner country (or of an organisation, through its seat) for a year: what
/// the directorate plans there, by mode, with its budget. The desk officer of the zone drafts it, the director approves
/// it (which freezes the plan as the baseline), revisions during the year keep their reason and the plan before them.
/// </summary>
public class Programme : IAudited, IVersioned
{
    public const int MaxText = 4000;
    public const int MaxLines = 200;
    /// <summary>The largest amount a line or envelope holds, in euros (a billion: no programme comes near).</summary>
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxQuantity = 100_000;

    public int Id { get; set; }
    /// <summary>The partner country; for an organisation, the country of its seat (which every scope rule reads).</summary>
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int Year { get; set; }
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Draft;
    public DateOnly? SubmittedOn { get; set; }
    /// <summary>The director's comments when he returned it, kept until it is submitted again.</summary>
    public string? ReturnComment { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    /// <summary>The plan as approved, frozen (JSON of <see cref="ProgrammeLineTerms"/>): revisions are compared against it.</summary>
    public string? Baseline { get; set; }
    public string? Assessment { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public long Version { get; set; }

    public List<ProgrammePriority> Priorities { get; set; } = [];
    public List<ProgrammeLine> Lines { get; set; } = [];
    public List<ProgrammeEnvelope> Envelopes { get; set; } = [];
    public List<ProgrammeRevision> Revisions { get; set; } = [];

    /// <summary>Approved and in force: approved, possibly revised since, or closed.</summary>
    public static bool IsApproved(ProgrammeStatus status) => status is ProgrammeStatus.Approved or ProgrammeStatus.Revised or ProgrammeStatus.Closed;

    public bool Approved => IsApproved(Status);

    /// <summary>A plan drafted or returned changes freely; an approved one only by a revision; a closed one never.</summary>
    public bool PlanEditable => Status is ProgrammeStatus.Draft or ProgrammeStatus.Returned;

    /// <summary>
    /// The rules of a plan, each naming its field: values non-negative; each line has what its mode needs; the lines'
    /// budgets add up, mode by mode and source by source, to the envelopes.
    /// </summary>
    public static void Check(ProgrammePlan plan)
    {
        if (plan.Lines.Count > MaxLines) throw new DomainException("lines", "programme.tooManyLines", MaxLines);
        for (var i = 0; i < plan.Lines.Count; i++)
        {
            var line = plan.Lines[i];
            var field = $"lines[{i}]";
            if (line.Quantity < 0) throw new DomainException($"{field}.quantity", "programme.negative", i + 1);
            if (line.ExpertDays < 0) throw new DomainException($"{field}.expertDays", "programme.negative", i + 1);
            if (line.Value < 0) throw new DomainException($"{field}.value", "programme.negative", i + 1);
            if (line.Budget < 0) throw new DomainException($"{field}.budget", "programme.negative", i + 1);
            if (line.Quantity > MaxQuantity || line.ExpertDays > MaxQuantity)
                throw new DomainException($"{field}.quantity", "programme.tooLarge", i + 1, MaxQuantity);
            if (line.Value > MaxAmount || line.Budget > MaxAmount) throw new DomainException($"{field}.budget", "programme.tooLarge", i + 1, MaxAmount);
            switch (line.Mode)
            {
                case ProgrammeMode.Training when line.SchoolId is null:
                    throw new DomainException($"{field}.school", "programme.lineNeedsSchool", i + 1);
                case ProgrammeMode.Training or ProgrammeMode.Missions when line.DomainId is null:
                    throw new DomainException($"{field}.domain", "programme.lineNeedsDomain", i + 1);
                case ProgrammeMode.Missions when line.ExpertDays < line.Quantity:
                    throw new DomainException($"{field}.expertDays", "programme.daysBelowMissions", i + 1);
                case ProgrammeMode.Donations when line.Category is null:
                    throw new DomainException($"{field}.category", "programme.lineNeedsCategory", i + 1);
                case ProgrammeMode.Postings when line.Posting is null:
                    throw new DomainException($"{field}.posting", "programme.lineNeedsPosting", i + 1);
                case ProgrammeMode.Projects when line.ProjectId is null:
                    throw new DomainException($"{field}.projectId", "programme.lineNeedsProject", i + 1);
            }
            if (plan.Lines.Take(i).Any(l => Key(l) == Key(line))) throw new DomainException(field, "programme.lineTwice", i + 1);
        }
        for (var i = 0; i < plan.Envelopes.Count; i++)
        {
            var e = plan.Envelopes[i];
            if (e.Amount < 0) throw new DomainException($"envelopes[{i}].amount", "programme.envelopeNegative", i + 1);
            if (e.Amount > MaxAmount) throw new DomainException($"envelopes[{i}].amount", "programme.tooLarge", i + 1, MaxAmount);
            if (plan.Envelopes.Take(i).Any(o => o.Mode == e.Mode && o.Source == e.Source))
                throw new DomainException($"envelopes[{i}]", "programme.envelopeTwice", i + 1);
        }
        var keys = plan.Lines.Select(l => (l.Mode, l.Source)).Concat(plan.Envelopes.Select(e => (e.Mode, e.Source))).Distinct()
            .OrderBy(k => k.Mode).ThenBy(k => k.Source);
        foreach (var (mode, source) in keys)
        {
            var lines = plan.Lines.Where(l => l.Mode == mode && l.Source == source).Sum(l => l.Budget);
            var envelope = plan.Envelopes.Where(e => e.Mode == mode && e.Source == source).Sum(e => e.Amount);
            if (lines != envelope) throw new DomainException("envelopes", "programme.budgetsDoNotAddUp", mode, source, lines, envelope);
        }
        if (plan.Priorities.Select(p => p.DomainId).Distinct().Count() != plan.Priorities.Count)
            throw new DomainException("priorities", "programme.priorityTwice");
    }

    /// <summary>What tells two lines of a plan apart: one line per mode and target.</summary>
    public static string Key(ProgrammeLineTerms l) => $"{(int)l.Mode}:{l.SchoolId}:{l.DomainId}:{(int?)l.Category}:{(int?)l.Posting}:{l.ProjectId}:{(int)l.Source}";

    /// <summary>The plan of a draft or a returned programme, replaced whole; an approved one changes only by <see cref="Revise"/>.</summary>
    public void Plan(ProgrammePlan plan)
    {
        EnsureNotClosed();
        if (!PlanEditable) throw new DomainException("status", "programme.approvedNeedsRevision");
        Check(plan);
        Apply(plan);
    }

    /// <summary>The desk officer submits the draft (or the returned programme) to the director: it plans something.</summary>
    public void Submit(DateOnly on)
    {
        EnsureNotClosed();
        if (!PlanEditable) throw new DomainException("status", "programme.notDraft");
        if (Lines.Count == 0) throw new DomainException("lines", "programme.nothingPlanned");
        (Status, SubmittedOn) = (ProgrammeStatus.Submitted, on);
    }

    /// <summary>
    /// The director approves a submitted programme: its plan is frozen as the baseline. Only one approved programme per
    /// country (or organisation) and year: <paramref name="anotherApproved"/> says whether one is already.
    /// </summary>
    public void Approve(bool anotherApproved, string by, DateOnly on)
    {
        EnsureNotClosed();
        if (Status != ProgrammeStatus.Submitted) throw new DomainException("status", "programme.notSubmitted");
        if (anotherApproved) throw new DomainException("year", "programme.alreadyApproved", Year);
        (Status, DecidedBy, ApprovedOn, ReturnComment) = (ProgrammeStatus.Approved, by, on, null);
        Baseline = Snapshot();
    }

    /// <summary>The director returns a submitted programme with his comments, which say what to change.</summary>
    public void Return(string? comment, string by)
    {
        EnsureNotClosed();
        if (Status != ProgrammeStatus.Submitted) throw new DomainException("status", "programme.notSubmitted");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("comment", "programme.returnNeedsComment");
        (Status, ReturnComment, DecidedBy) = (ProgrammeStatus.Returned, comment, by);
    }

    /// <summary>A revision of an approved programme during its year: the plan changes, the one before is kept with the reason.</summary>
    public ProgrammeRevision Revise(string? reason, ProgrammePlan plan, string by, DateOnly on)
    {
        EnsureNotClosed();
        if (!Approved) throw new DomainException("status", "programme.reviseNeedsApproval");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("reason", "programme.revisionNeedsReason");
        Check(plan);
        var revision = new ProgrammeRevision
        {
            Programme = this, Number = Revisions.Count + 1, Reason = reason, RevisedBy = by, RevisedOn = on, Before = Snapshot(),
        };
        Revisions.Add(revision);
        Apply(plan);
        Status = ProgrammeStatus.Revised;
        return revision;
    }

    /// <summary>Closes the year's programme with its assessment; nothing of it changes afterwards.</summary>
    public void Close(string? assessment, DateOnly on)
    {
        EnsureNotClosed();
        if (!Approved) throw new DomainException("status", "programme.closeNeedsApproval");
        if (string.IsNullOrWhiteSpace(assessment)) throw new DomainException("assessment", "programme.closeNeedsAssessment");
        (Status, Assessment, ClosedOn) = (ProgrammeStatus.Closed, assessment, on);
    }

    public void EnsureNotClosed()
    {
        if (Status == ProgrammeStatus.Closed) throw new DomainException("status", "programme.closed", Year);
    }

    /// <summary>The plan as given, to copy it (next year's draft) or compare it.</summary>
    public ProgrammePlan CurrentPlan() => new(
        Priorities.Select(p => new ProgrammePriorityTerms(p.DomainId, p.Rationale)).ToList(),
        Lines.Select(l => l.Terms).ToList(),
        Envelopes.Select(e => new ProgrammeEnvelopeTerms(e.Mode, e.Source, e.Amount)).ToList());

    /// <summary>The lines of a snapshot (the baseline, or the plan before a revision).</summary>
    public static IReadOnlyList<ProgrammeLineTerms> SnapshotLines(string? snapshot) =>
        string.IsNullOrEmpty(snapshot) ? [] : JsonSerializer.Deserialize<List<ProgrammeLineTerms>>(snapshot, Json) ?? [];

    private string Snapshot() => JsonSerializer.Serialize(Lines.Select(l => l.Terms).ToList(), Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private void Apply(ProgrammePlan plan)
    {
        Priorities.Clear();
        Priorities.AddRange(plan.Priorities.Select(p => new ProgrammePriority { DomainId = p.DomainId, Rationale = p.Rationale }));
        Lines.Clear();
        Lines.AddRange(plan.Lines.Select((l, i) => ProgrammeLine.From(l, i + 1)));
        Envelopes.Clear();
        Envelopes.AddRange(plan.Envelopes.Select(e => new ProgrammeEnvelope { Mode = e.Mode, Source = e.Source, Amount = e.Amount }));
    }

    /// <summary>
    /// The places of training to propose for next year from the use of the last years: per school and domain, the
    /// average of the places used each year (a year without any counts as none), rounded up.
    /// </summary>
    public static int ProposedPlaces(IEnumerable<int> usedPerYear, int years) =>
        years <= 0 ? 0 : (int)Math.Ceiling(usedPerYear.Sum() / (double)years);
}

public class ProgrammePriority : IAudited
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int DomainId { get; set; }
    public CooperationDomain? Domain { get; set; }
    public required string Rationale { get; set; }
}

/// <summary>A planned action of a programme (<see cref="ProgrammeLineTerms"/>), numbered in the plan's order.</summary>
public class ProgrammeLine : IAudited
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int Number { get; set; }
    public ProgrammeMode Mode { get; set; }
    public int? SchoolId { get; set; }
    public RegionalSchool? School { get; set; }
    public int? DomainId { get; set; }
    public CooperationDomain? Domain { get; set; }
    public EquipmentCategory? Category { get; set; }
    public PostingPlan? Posting { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    public int Quantity { get; set; }
    public int ExpertDays { get; set; }
    public decimal Value { get; set; }
    public decimal Budget { get; set; }
    public FundingSource Source { get; set; }

    public ProgrammeLineTerms Terms => new(Mode, SchoolId, DomainId, Category, Posting, ProjectId, Quantity, ExpertDays, Value, Budget, Source);

    public static ProgrammeLine From(ProgrammeLineTerms t, int number) => new()
    {
        Number = number, Mode = t.Mode, SchoolId = t.SchoolId, DomainId = t.DomainId, Category = t.Category, Posting = t.Posting,
        ProjectId = t.ProjectId, Quantity = t.Quantity, ExpertDays = t.ExpertDays, Value = t.Value, Budget = t.Budget, Source = t.Source,
    };

    /// <summary>What the line's completion is measured on: places, expert-days (or missions), euros, postings, euros disbursed.</summary>
    public static decimal Target(ProgrammeLineTerms t) => t.Mode switch
    {
        ProgrammeMode.Missions => t.ExpertDays > 0 ? t.ExpertDays : t.Quantity,
        ProgrammeMode.Donations => t.Value,
        ProgrammeMode.Projects => t.Budget,
        _ => t.Quantity,
    };
}

/// <summary>The budget envelope of a mode from a funding source; the lines of that mode and source add up to it.</summary>
public class ProgrammeEnvelope : IAudited
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public ProgrammeMode Mode { get; set; }
    public FundingSource Source { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A revision of an approved programme: its reason, who and when, and the plan's lines before it.</summary>
public class ProgrammeRevision : IAudited
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int Number { get; set; }
    public required string Reason { get; set; }
    public required string RevisedBy { get; set; }
    public DateOnly RevisedOn { get; set; }
    /// <summary>The lines before the revision (JSON of <see cref="ProgrammeLineTerms"/>).</summary>
    public required string Before { get; set; }
}

/// <summary>
/// How far a planned line is done: the completion rate, the forecast at year end from the pace so far, and whether it
/// is off course (under half done with a quarter of the year or less left).
/// </summary>
public static class ProgrammeProgress
{
    /// <summary>Done over planned; null when nothing was planned.</summary>
    public static decimal? Rate(decimal done, decimal target) => target <= 0 ? null : Math.Round(done / target, 4);

    /// <summary>
    /// What will be done at year end at the pace so far: done as is once the year is over, nothing to say before it
    /// starts; otherwise done divided by the share of the year gone.
    /// </summary>
    public static decimal? Forecast(decimal done, int year, DateOnly today)
    {
        if (today.Year > year) return done;
        if (today.Year < year) return null;
        var days = DateTime.IsLeapYear(year) ? 366m : 365m;
        return Math.Round(done * days / today.DayOfYear, 2);
    }

    /// <summary>Under 50 % done with a quarter of the year or less left (or once the year is over).</summary>
    public static bool OffCourse(decimal done, decimal target, int year, DateOnly today)
    {
        if (target <= 0 || today.Year < year) return false;
        var lateInYear = today.Year > year || today >= new DateOnly(year, 10, 1);
        return lateInYear && done < target / 2;
    }
}
