namespace Cooperation.Web.Domain;

/// <summary>Who gives a contribution to a partnership: the directorate, or the organisation it works with.</summary>
public enum ContributionParty { Directorate = 1, Organisation = 2 }

/// <summary>
/// A multilateral partnership: an agreement with an international or regional organisation (UN, OIF, G5 Sahel, AU,
/// EU...), its scope (fields, countries, zones), what each side contributes by year, and the actions it covers
/// (course sessions, postings to the organisation, projects, which point to it).
/// </summary>
public class Partnership : IAudited, IVersioned
{
    public const int MaxTitle = 200;
    public const int MaxReference = 64;
    /// <summary>An agreement ending within this many months is due for renewal.</summary>
    public const int RenewalMonths = 6;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string AgreementTitle { get; set; }
    public required string AgreementReference { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>The signed agreement, once stored (the stored files' kernel); null until then.</summary>
    public int? AgreementFileId { get; set; }
    public StoredFile? AgreementFile { get; set; }
    public long Version { get; set; }
    public List<CooperationDomain> Domains { get; set; } = [];
    public List<Country> Countries { get; set; } = [];
    public List<Zone> Zones { get; set; } = [];
    public List<PartnershipContribution> Contributions { get; set; } = [];

    /// <summary>The period of an agreement: it ends after it starts, and it is signed before it ends.</summary>
    public static void ValidateTerms(DateOnly start, DateOnly end, DateOnly? signedOn)
    {
        if (end < start) throw new DomainException("endDate", "partnership.endBeforeStart");
        if (signedOn is { } signed && signed > end) throw new DomainException("signedOn", "partnership.signedAfterEnd");
    }

    /// <summary>Runs on this day.</summary>
    public bool IsRunning(DateOnly today) => StartDate <= today && today <= EndDate;

    /// <summary>Ends within <see cref="RenewalMonths"/> months from today (and has not ended): the desk officer renews or lets it go.</summary>
    public bool IsDueForRenewal(DateOnly today) => EndDate >= today && EndDate <= RenewalLimit(today);

    /// <summary>The last end date that is due for renewal today (one rule for memory and SQL).</summary>
    public static DateOnly RenewalLimit(DateOnly today) => today.AddMonths(RenewalMonths);

    /// <summary>
    /// Replaces the contributions: one line a year and party, within the agreement's years, amounts and counts never
    /// negative, and a line that gives something.
    /// </summary>
    public void SetContributions(IReadOnlyList<PartnershipContribution> lines)
    {
        foreach (var line in lines)
        {
            if (line.Year < StartDate.Year || line.Year > EndDate.Year)
                throw new DomainException("contributions", "partnership.contributionYearOutside", line.Year, StartDate.Year, EndDate.Year);
            if (line.Amount < 0 || line.CooperantsPlaced < 0 || line.TrainingPlaces < 0)
                throw new DomainException("contributions", "partnership.contributionNegative", line.Year);
            if (line.Amount == 0 && line.CooperantsPlaced == 0 && line.TrainingPlaces == 0)
                throw new DomainException("contributions", "partnership.contributionEmpty", line.Year);
        }
        if (lines.GroupBy(l => (l.Year, l.Party)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException("contributions", "partnership.contributionTwice", twice.Key.Year);
        Contributions.RemoveAll(c => !lines.Any(l => l.Year == c.Year && l.Party == c.Party));
        foreach (var line in lines)
        {
            var kept = Contributions.FirstOrDefault(c => c.Year == line.Year && c.Party == line.Party);
            if (kept is null) Contributions.Add(line);
            else (kept.Amount, kept.Currency, kept.CooperantsPlaced, kept.TrainingPlaces) = (line.Amount, line.Currency, line.CooperantsPlaced, line.TrainingPlaces);
        }
    }

    /// <summary>An action (session, posting, project) may be attached when it overlaps the agreement's period.</summary>
    public void EnsureCovers(string field, DateOnly actionStart, DateOnly? actionEnd)
    {
        if (actionStart > EndDate || (actionEnd ?? actionStart) < StartDate)
            throw new DomainException(field, "partnership.actionOutsidePeriod", Calendar.Iso(StartDate), Calendar.Iso(EndDate));
    }
}

/// <summary>What one side gives a partnership in a year: money, coopérants placed with the organisation, training places.</summary>
public class PartnershipContribution : IAudited
{
    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int Year { get; set; }
    public ContributionParty Party { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public int CooperantsPlaced { get; set; }
    public int TrainingPlaces { get; set; }
}
