namespace Cooperation.Web.Domain;

/// <summary>The cycle of a project: identified → in preparation → approved → running → closed → evaluated; abandoned from any step before closed.</summary>
public enum ProjectStatus { Identified = 1, InPreparation = 2, Approved = 3, Running = 4, Closed = 5, Evaluated = 6, Abandoned = 7 }

/// <summary>Where the money of a budget line comes from.</summary>
public enum FundingSource { NationalCredits = 1, EuDelegatedFunds = 2, PartnerCoFunding = 3, OtherDonors = 4 }

/// <summary>
/// How the directorate takes part in an EU-funded project: it leads as recipient of the funds the EU delegates; it
/// co-leads with an operator that receives them; or it supports now and then a project an operator leads.
/// </summary>
public enum EuInvolvementMode { Lead = 1, CoLead = 2, Support = 3 }

/// <summary>How a criterion of the EU assessment is met.</summary>
public enum CriterionRating { Met = 1, Partly = 2, NotMet = 3 }

/// <summary>The OECD DAC policy-marker scale: not targeted, significant objective, principal objective.</summary>
public enum MarkerScore { NotTargeted = 0, Significant = 1, Principal = 2 }

/// <summary>Whether a project counts as official development assistance (the DAC rules on peace and security).</summary>
public enum OdaEligibility { Eligible = 1, Partly = 2, NotEligible = 3 }

/// <summary>A movement of money: a commitment, a disbursement, an expenditure.</summary>
public enum TransactionKind { Commitment = 1, Disbursement = 2, Expenditure = 3 }

/// <summary>A step of the results chain under the project's objective: outcomes, and the outputs that serve them.</summary>
public enum ResultLevel { Outcome = 1, Output = 2 }

/// <summary>A share of a project: a country, or a whole zone (a regional project), with its percentage.</summary>
public sealed record ProjectPlace(int? CountryId, int ZoneId, decimal? Percentage);

/// <summary>A planned amount of a year from one funding source, in euros.</summary>
public sealed record PlannedAmount(int Year, FundingSource Source, decimal Amount);

/// <summary>A DAC 5-digit purpose code with its share of the project.</summary>
public sealed record SectorShare(string Code, decimal? Percentage);

/// <summary>One criterion of the EU assessment: its rating and why.</summary>
public sealed record CriterionAssessment(CriterionRating Rating, string Comment);

/// <summary>A movement of money as recorded: in its currency, with the rate used (units of the currency for one euro).</summary>
public sealed record TransactionTerms(
    TransactionKind Kind, DateOnly Date, decimal Amount, string Currency, decimal Rate, string Provider, string Receiver, string? Description);

/// <summary>The IATI rules on what is recorded as done: an actual date is never in the future.</summary>
public static class ActualDates
{
    /// <summary>Refuses, against <paramref name="field"/>, a date of something done that lies after today.</summary>
    public static void EnsureNotFuture(string field, DateOnly date, DateOnly today)
    {
        if (date > today) throw new DomainException(field, "project.actualDateInFuture", today.ToString("yyyy-MM-dd"));
    }
}

/// <summary>The rules of percentages that split one whole (places, sectors): each between 0 and 100, together 100.</summary>
public static class Percentages
{
    /// <summary>
    /// The shares of a whole, checked: one item alone takes 100 % (its percentage may be left out), several each give
    /// theirs, above 0, and together make exactly 100.
    /// </summary>
    public static IReadOnlyList<decimal> Split(string field, IReadOnlyList<decimal?> percentages)
    {
        if (percentages.Count == 1 && percentages[0] is null) return [100m];
        if (percentages.Any(p => p is null)) throw new DomainException(field, "project.shareRequired");
        if (percentages.Any(p => p <= 0 || p > 100)) throw new DomainException(field, "project.shareRange");
        var sum = percentages.Sum(p => p!.Value);
        if (sum != 100m) throw new DomainException(field, "project.sharesSum", sum.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        return percentages.Select(p => p!.Value).ToList();
    }
}

/// <summary>
/// A cooperation project: what it is for (objective, results, indicators), where (countries or regions, their shares),
/// with whom (partner authorities, an operator), when, with what money (budget by year and source, transactions), and how
/// it is classified for reporting (DAC sectors, policy markers, SDG 16 targets, ODA). Every action — posting, session —
/// may belong to one.
/// </summary>
public class Project : IAudited, IVersioned
{
    /// <summary>The EU's regions (zone codes): Sub-Saharan Africa, North Africa, Levant, South-East Asia.</summary>
    public static readonly IReadOnlySet<string> EuRegions = new HashSet<string> { "AFS", "AFN", "MOY", "ASE" };

    /// <summary>The SDG 16 targets a project may serve.</summary>
    public static readonly IReadOnlyList<string> Sdg16Targets =
        ["16.1", "16.2", "16.3", "16.4", "16.5", "16.6", "16.7", "16.8", "16.9", "16.10", "16.a", "16.b"];

    public const int MaxTitle = 200;
    public const int MaxText = 4000;

    public int Id { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>The overall objective, top of the results chain.</summary>
    public string Objective { get; set; } = "";
    public string PartnerAuthorities { get; set; } = "";
    /// <summary>The zone of the project's largest share: its strategic priority, and the desk officers who edit it.</summary>
    public int ZoneId { get; set; }
    public Zone? Zone { get; set; }
    public int? OperatorId { get; set; }
    public Operator? Operator { get; set; }
    /// <summary>The desk officer responsible for the project (an account).</summary>
    public string? ResponsibleUserId { get; set; }
    /// <summary>A named contact with the partner: personal data.</summary>
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>The multilateral partnership the project serves, if any.</summary>
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Identified;
    public DateOnly? StatusChangedOn { get; set; }
    public string? EvaluationSummary { get; set; }

    public bool EuFunded { get; set; }
    public EuInvolvementMode? EuMode { get; set; }
    public string? EuContractReference { get; set; }

    public MarkerScore GenderMarker { get; set; }
    public string? GenderJustification { get; set; }
    public MarkerScore SsrMarker { get; set; }
    public MarkerScore CrisisPreventionMarker { get; set; }
    /// <summary>SDG 16 targets, separated by semicolons ("16.1;16.a").</summary>
    public string Sdg16 { get; set; } = "";
    public OdaEligibility? Oda { get; set; }
    /// <summary>The eligible share (%) of a partly eligible project.</summary>
    public decimal? OdaEligibleShare { get; set; }
    public string? OdaReason { get; set; }

    /// <summary>The title in English, for the IATI publication (the French one is <see cref="Title"/>).</summary>
    public string? TitleEn { get; set; }
    /// <summary>The summary in English, for the IATI publication.</summary>
    public string? SummaryEn { get; set; }
    /// <summary>Published in the IATI activity file (<c>/api/v1/iati/activities.xml</c>).</summary>
    public bool IatiPublished { get; set; }
    /// <summary>
    /// The IATI activity identifier, given at the first publication (the reporting organisation's reference and the
    /// project's number) and never changed nor given to another project afterwards, published or not.
    /// </summary>
    public string? IatiIdentifier { get; set; }

    public long Version { get; set; }

    public List<ProjectLocation> Locations { get; set; } = [];
    public List<ProjectSector> Sectors { get; set; } = [];
    public List<CooperationDomain> Domains { get; set; } = [];
    public List<BudgetLine> Budget { get; set; } = [];
    public List<ProjectTransaction> Transactions { get; set; } = [];
    public List<ProjectResult> Results { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public EuAssessment? Assessment { get; set; }

    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> Cycle = new()
    {
        [ProjectStatus.Identified] = [ProjectStatus.InPreparation, ProjectStatus.Abandoned],
        [ProjectStatus.InPreparation] = [ProjectStatus.Approved, ProjectStatus.Abandoned],
        [ProjectStatus.Approved] = [ProjectStatus.Running, ProjectStatus.Abandoned],
        [ProjectStatus.Running] = [ProjectStatus.Closed, ProjectStatus.Abandoned],
        [ProjectStatus.Closed] = [ProjectStatus.Evaluated],
        [ProjectStatus.Evaluated] = [],
        [ProjectStatus.Abandoned] = [],
    };

    /// <summary>The statuses the cycle allows next, whatever each still needs.</summary>
    public IReadOnlyList<ProjectStatus> NextStatuses => StatusesAfter(Status);

    public static IReadOnlyList<ProjectStatus> StatusesAfter(ProjectStatus status) => Cycle[status];

    public static void ValidateDates(DateOnly start, DateOnly end)
    {
        if (end <= start) throw new DomainException("endDate", "project.endBeforeStart");
    }

    /// <summary>Where the project is: the places and their shares; its zone is that of the largest share.</summary>
    public void SetLocations(IReadOnlyList<ProjectPlace> places)
    {
        if (places.Count == 0) throw new DomainException("locations", "project.locationRequired");
        if (places.GroupBy(p => (p.CountryId, p.CountryId is null ? p.ZoneId : 0)).Any(g => g.Count() > 1))
            throw new DomainException("locations", "project.locationTwice");
        var shares = Percentages.Split("locations", places.Select(p => p.Percentage).ToList());
        Locations.Clear();
        for (var i = 0; i < places.Count; i++)
            Locations.Add(new ProjectLocation { CountryId = places[i].CountryId, ZoneId = places[i].CountryId is null ? places[i].ZoneId : null, Percentage = shares[i] });
        ZoneId = places.Select((p, i) => (p.ZoneId, Share: shares[i])).OrderByDescending(p => p.Share).First().ZoneId;
    }

    /// <summary>
    /// The EU's part: an EU-funded project has exactly one involvement mode, an operator when it co-leads or supports,
    /// and lies in one of the EU's regions. A project the EU does not fund has no mode.
    /// </summary>
    public void SetEuFunding(bool euFunded, EuInvolvementMode? mode, string? contractReference, string zoneCode)
    {
        if (!euFunded)
        {
            if (mode is not null) throw new DomainException("euMode", "project.euModeWithoutFunding");
            (EuFunded, EuMode, EuContractReference) = (false, null, null);
            return;
        }
        if (mode is null) throw new DomainException("euMode", "project.euModeRequired");
        if (mode is EuInvolvementMode.CoLead or EuInvolvementMode.Support && OperatorId is null && Operator is null)
            throw new DomainException("operator", "project.euOperatorRequired");
        if (!EuRegions.Contains(zoneCode)) throw new DomainException("locations", "project.euRegion");
        (EuFunded, EuMode, EuContractReference) = (true, mode, contractReference);
    }

    /// <summary>The planned budget: positive amounts, by year of the project and funding source, each pair once.</summary>
    public void SetBudget(IReadOnlyList<PlannedAmount> lines)
    {
        if (lines.Any(l => l.Amount <= 0)) throw new DomainException("budgetLines", "project.budgetPositive");
        if (lines.FirstOrDefault(l => l.Year < StartDate.Year || l.Year > EndDate.Year) is { } outside)
            throw new DomainException("budgetLines", "project.budgetYearOutside", outside.Year, StartDate.Year, EndDate.Year);
        if (lines.GroupBy(l => (l.Year, l.Source)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException("budgetLines", "project.budgetTwice", twice.Key.Year);
        Budget.Clear();
        Budget.AddRange(lines.Select(l => new BudgetLine { Year = l.Year, Source = l.Source, Amount = l.Amount }));
    }

    /// <summary>DAC purpose codes and their shares: none yet, or together 100 %.</summary>
    public void SetSectors(IReadOnlyList<SectorShare> sectors)
    {
        if (sectors.GroupBy(s => s.Code).Any(g => g.Count() > 1)) throw new DomainException("sectors", "project.sectorTwice");
        var shares = sectors.Count == 0 ? [] : Percentages.Split("sectors", sectors.Select(s => s.Percentage).ToList());
        Sectors.Clear();
        for (var i = 0; i < sectors.Count; i++) Sectors.Add(new ProjectSector { Code = sectors[i].Code, Percentage = shares[i] });
    }

    /// <summary>Policy markers (0, 1, 2); a gender marker above 0 says why.</summary>
    public void SetMarkers(MarkerScore gender, string? genderJustification, MarkerScore ssr, MarkerScore crisisPrevention)
    {
        if (gender != MarkerScore.NotTargeted && string.IsNullOrWhiteSpace(genderJustification))
            throw new DomainException("genderJustification", "project.genderJustification");
        (GenderMarker, GenderJustification, SsrMarker, CrisisPreventionMarker) = (gender, genderJustification, ssr, crisisPrevention);
    }

    /// <summary>ODA: a partly eligible project gives its eligible share (1 to 99 %); partly or not eligible gives the reason.</summary>
    public void SetOda(OdaEligibility? eligibility, decimal? eligibleShare, string? reason)
    {
        if (eligibility == OdaEligibility.Partly && eligibleShare is not (> 0 and < 100))
            throw new DomainException("odaEligibleShare", "project.odaShare");
        if (eligibility != OdaEligibility.Partly && eligibleShare is not null)
            throw new DomainException("odaEligibleShare", "project.odaShareOnlyPartly");
        if (eligibility is OdaEligibility.Partly or OdaEligibility.NotEligible && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("odaReason", "project.odaReason");
        (Oda, OdaEligibleShare, OdaReason) = (eligibility, eligibleShare, reason);
    }

    /// <summary>
    /// Publishes the project in the IATI activity file, or withdraws it. IATI needs a sector for every activity: a
    /// project without DAC sectors is not published.
    /// </summary>
    public void SetPublication(bool published)
    {
        if (published && Sectors.Count == 0) throw new DomainException("iatiPublished", "project.iatiNeedsSector");
        IatiPublished = published;
    }

    /// <summary>
    /// The IATI identifier, given once the project has its number: a project keeps the first it was given for ever
    /// (IATI: an identifier is never changed nor reused), whatever is proposed later.
    /// </summary>
    public void GiveIatiIdentifier(string identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier)) throw new DomainException("iatiPublished", "project.iatiIdentifierRequired");
        IatiIdentifier ??= identifier;
    }

    /// <summary>
    /// Moves the project one step along its cycle. Approval needs a budget and, for an EU-funded project, the
    /// four-criteria assessment with no criterion unmet; closing needs an actual value for every indicator; evaluated
    /// needs the evaluation summary.
    /// </summary>
    public void MoveTo(ProjectStatus next, DateOnly today)
    {
        if (!Cycle[Status].Contains(next)) throw new DomainException("to", "project.transition", Status, next);
        if (Blocker(next) is { } missing) throw missing;
        Status = next;
        StatusChangedOn = today;
    }

    /// <summary>
    /// What the project still lacks for a step of its cycle, as the refusal that step raises (the rules of
    /// <see cref="MoveTo"/>); null when nothing is missing. Pages offer the step only without it, and show it instead.
    /// Needs the budget, the assessment and the indicators with their values loaded.
    /// </summary>
    public DomainException? Blocker(ProjectStatus next) => next switch
    {
        ProjectStatus.Approved when Budget.Count == 0 => new DomainException("to", "project.approvalNeedsBudget"),
        ProjectStatus.Approved when EuFunded && Assessment is null => new DomainException("to", "project.approvalNeedsAssessment"),
        ProjectStatus.Approved when EuFunded && Assessment!.AnyNotMet => new DomainException("to", "project.assessmentNotMet"),
        ProjectStatus.Closed when Indicators.Count == 0 => new DomainException("to", "project.closingNeedsIndicators"),
        ProjectStatus.Closed when Indicators.FirstOrDefault(i => i.Values.Count == 0) is { } missing =>
            new DomainException("to", "project.closingNeedsActuals", missing.Title),
        ProjectStatus.Evaluated when string.IsNullOrWhiteSpace(EvaluationSummary) => new DomainException("evaluationSummary", "project.evaluationNeedsSummary"),
        _ => null,
    };

    /// <summary>
    /// The four-criteria assessment of an EU-funded project, made before it is approved: every criterion rated with a
    /// comment, by whom and when.
    /// </summary>
    public EuAssessment Assess(CriterionAssessment politicalOrientation, CriterionAssessment expertiseAddedValue,
        CriterionAssessment expertiseImpact, CriterionAssessment complementarity, string assessedBy, DateOnly assessedOn)
    {
        if (!EuFunded) throw new DomainException("project", "project.assessmentNotEu");
        if (Status is not (ProjectStatus.Identified or ProjectStatus.InPreparation))
            throw new DomainException("project", "project.assessmentAfterApproval");
        Assessment ??= new EuAssessment { Project = this, AssessedBy = assessedBy };
        Assessment.PoliticalOrientation = politicalOrientation.Rating;
        Assessment.PoliticalOrientationComment = politicalOrientation.Comment;
        Assessment.ExpertiseAddedValue = expertiseAddedValue.Rating;
        Assessment.ExpertiseAddedValueComment = expertiseAddedValue.Comment;
        Assessment.ExpertiseImpact = expertiseImpact.Rating;
        Assessment.ExpertiseImpactComment = expertiseImpact.Comment;
        Assessment.Complementarity = complementarity.Rating;
        Assessment.ComplementarityComment = complementarity.Comment;
        Assessment.AssessedBy = assessedBy;
        Assessment.AssessedOn = assessedOn;
        return Assessment;
    }

    /// <summary>
    /// Records a commitment, disbursement or expenditure of an approved project (running, or closed for the last
    /// bills): a positive amount, a positive rate (1 for euros), and a disbursement never earlier than the project's
    /// start less <paramref name="graceDays"/>. The euro value is the amount divided by the rate, to the cent.
    /// </summary>
    public ProjectTransaction Record(TransactionTerms terms, int graceDays)
    {
        if (Status is not (ProjectStatus.Approved or ProjectStatus.Running or ProjectStatus.Closed))
            throw new DomainException("kind", "project.transactionStatus");
        if (terms.Amount <= 0) throw new DomainException("amount", "project.amountPositive");
        if (terms.Rate <= 0) throw new DomainException("rate", "project.ratePositive");
        if (terms.Currency == "EUR" && terms.Rate != 1m) throw new DomainException("rate", "project.euroRate");
        if (terms.Kind == TransactionKind.Disbursement && terms.Date < StartDate.AddDays(-graceDays))
            throw new DomainException("date", "project.disbursementBeforeStart", StartDate.AddDays(-graceDays).ToString("yyyy-MM-dd"));
        var transaction = new ProjectTransaction
        {
            Project = this, Kind = terms.Kind, Date = terms.Date, Amount = terms.Amount, Currency = terms.Currency, Rate = terms.Rate,
            EuroValue = Math.Round(terms.Amount / terms.Rate, 2, MidpointRounding.AwayFromZero),
            Provider = terms.Provider, Receiver = terms.Receiver, Description = terms.Description,
        };
        Transactions.Add(transaction);
        return transaction;
    }

    /// <summary>An outcome under the objective, or an output serving one of the project's outcomes.</summary>
    public ProjectResult AddResult(ResultLevel level, string title, ProjectResult? outcome)
    {
        EnsureOpen();
        if (level == ResultLevel.Output && outcome is not { Level: ResultLevel.Outcome })
            throw new DomainException("outcomeId", "project.outputNeedsOutcome");
        if (level == ResultLevel.Outcome && outcome is not null) throw new DomainException("outcomeId", "project.outcomeUnderObjective");
        var result = new ProjectResult { Project = this, Level = level, Title = title, Parent = outcome };
        Results.Add(result);
        return result;
    }

    /// <summary>An indicator of the objective (no result) or of an outcome or output: unit, baseline, target and their years.</summary>
    public Indicator AddIndicator(string title, string unit, decimal baseline, int baselineYear, decimal target, int targetYear, ProjectResult? result)
    {
        EnsureOpen();
        if (targetYear < baselineYear) throw new DomainException("targetYear", "project.targetBeforeBaseline");
        if (target == baseline) throw new DomainException("target", "project.targetIsBaseline");
        var indicator = new Indicator
        {
            Project = this, Result = result, Title = title, Unit = unit, Baseline = baseline, BaselineYear = baselineYear,
            Target = target, TargetYear = targetYear,
        };
        Indicators.Add(indicator);
        return indicator;
    }

    /// <summary>Indicators and results are set before evaluation; an abandoned project keeps what it had.</summary>
    private void EnsureOpen()
    {
        if (Status is ProjectStatus.Evaluated or ProjectStatus.Abandoned) throw new DomainException("project", "project.finished");
    }

    public bool IsFinished => Status is ProjectStatus.Evaluated or ProjectStatus.Abandoned;

    /// <summary>The SDG 16 targets, as a list.</summary>
    public IReadOnlyList<string> Sdg16List => Sdg16.Length == 0 ? [] : Sdg16.Split(';');
}

/// <summary>A country (or a whole zone, for a regional project) and its share of the project.</summary>
public class ProjectLocation : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    public int? ZoneId { get; set; }
    public Zone? Zone { get; set; }
    public decimal Percentage { get; set; }
}

/// <summary>A DAC 5-digit purpose code and its share of the project.</summary>
public class ProjectSector : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Code { get; set; }
    public decimal Percentage { get; set; }
}

/// <summary>The planned amount of a year from one funding source, in euros.</summary>
public class BudgetLine : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int Year { get; set; }
    public FundingSource Source { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A commitment, disbursement or expenditure: in its currency, with the rate used and its value in euros.</summary>
public class ProjectTransaction : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public TransactionKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; set; }
    /// <summary>Units of <see cref="Currency"/> for one euro, as used for this transaction.</summary>
    public decimal Rate { get; set; }
    public decimal EuroValue { get; set; }
    public required string Provider { get; set; }
    public required string Receiver { get; set; }
    public string? Description { get; set; }
}

/// <summary>An outcome, or an output serving an outcome, of the results chain.</summary>
public class ProjectResult : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public ResultLevel Level { get; set; }
    public int? ParentId { get; set; }
    public ProjectResult? Parent { get; set; }
    public required string Title { get; set; }
}

/// <summary>A measure of the project's results: unit, baseline, target, and the actual value by year.</summary>
public class Indicator : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>The outcome or output it measures; none for the objective itself.</summary>
    public int? ResultId { get; set; }
    public ProjectResult? Result { get; set; }
    public required string Title { get; set; }
    public required string Unit { get; set; }
    public decimal Baseline { get; set; }
    public int BaselineYear { get; set; }
    public decimal Target { get; set; }
    public int TargetYear { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];

    /// <summary>The actual value of a year (a later record of the same year replaces it), from the baseline's year to this one.</summary>
    public void RecordActual(int year, decimal value, DateOnly today)
    {
        if (Project?.IsFinished == true) throw new DomainException("project", "project.finished");
        if (year < BaselineYear || year > today.Year) throw new DomainException("year", "project.actualYear", BaselineYear, today.Year);
        var existing = Values.FirstOrDefault(v => v.Year == year);
        if (existing is null) Values.Add(new IndicatorValue { Indicator = this, Year = year, Value = value });
        else existing.Value = value;
    }

    /// <summary>The latest actual value, if any.</summary>
    public IndicatorValue? Latest => Values.OrderByDescending(v => v.Year).FirstOrDefault();

    /// <summary>How far the latest actual value went from the baseline toward the target, as a share (0 to 1, beyond when exceeded).</summary>
    public static double? Progress(decimal baseline, decimal target, decimal? actual) =>
        actual is not { } a || target == baseline ? null : Math.Round((double)((a - baseline) / (target - baseline)), 3);
}

public class IndicatorValue : IAudited
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
}

/// <summary>
/// The four criteria an EU-funded project is assessed on before the directorate joins it: respect of French political
/// orientations, added value of French expertise, impact of that expertise on the project's success, complementarity
/// with national cooperation.
/// </summary>
public class EuAssessment : IAudited, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public CriterionRating PoliticalOrientation { get; set; }
    public string PoliticalOrientationComment { get; set; } = "";
    public CriterionRating ExpertiseAddedValue { get; set; }
    public string ExpertiseAddedValueComment { get; set; } = "";
    public CriterionRating ExpertiseImpact { get; set; }
    public string ExpertiseImpactComment { get; set; } = "";
    public CriterionRating Complementarity { get; set; }
    public string ComplementarityComment { get; set; } = "";
    /// <summary>Who assessed (a named person: personal data).</summary>
    public required string AssessedBy { get; set; }
    public DateOnly AssessedOn { get; set; }
    public long Version { get; set; }

    public bool AnyNotMet => new[] { PoliticalOrientation, ExpertiseAddedValue, ExpertiseImpact, Complementarity }.Contains(CriterionRating.NotMet);
}

/// <summary>An OECD DAC 5-digit purpose code (IATI Sector codelist); a withdrawn one stays for old data but takes no new use.</summary>
public class DacSector
{
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    public required string Category { get; set; }
    public bool Withdrawn { get; set; }
}

/// <summary>An ISO 4217 currency (IATI Currency codelist).</summary>
public class Currency
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Withdrawn { get; set; }
}
