using System.Linq.Expressions;

namespace Cooperation.Web.Domain;

public class Cooperant : IAudited, IVersioned
{
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string NormalizedName { get; set; } = "";
    public int AdministrationId { get; set; }
    public Administration? Administration { get; set; }
    public required string Rank { get; set; }
    public int? SpecialtyDomainId { get; set; }
    public CooperationDomain? SpecialtyDomain { get; set; }
    public string Languages { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>When the person's identity was replaced at his request or at the end of the retention period; null until then.</summary>
    public DateTime? PseudonymisedAt { get; set; }
    public long Version { get; set; }
    public List<Posting> Postings { get; set; } = [];

    public string FullName => $"{FirstName} {LastName.ToUpperInvariant()}";

    public static string Normalize(string firstName, string lastName) =>
        Text.NormalizeName($"{lastName} {firstName}");

    /// <summary>
    /// Replaces what names the person — names, e-mail, phone — and keeps the record and its postings, so that the
    /// network's figures and history stay as they were. Returns the new values of the fields it replaced, by name.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Pseudonymise(DateTime at)
    {
        Pseudonyms.EnsureNotYet(PseudonymisedAt);
        FirstName = Pseudonyms.FirstName;
        LastName = Pseudonyms.LastName("COOPERANT", Id);
        NormalizedName = Normalize(FirstName, LastName);
        Email = null;
        Phone = null;
        PseudonymisedAt = at;
        return new Dictionary<string, object?>
        {
            [nameof(FirstName)] = FirstName, [nameof(LastName)] = LastName, [nameof(NormalizedName)] = NormalizedName,
            [nameof(Email)] = Email, [nameof(Phone)] = Phone,
        };
    }

    /// <summary>
    /// Places the coopérant with a host authority. A coopérant holds at most one posting at a time,
    /// and a posting ends after it starts.
    /// </summary>
    public Posting Post(PostingTerms terms)
    {
        PostingTerms.Validate(terms.StartDate, terms.PlannedEndDate, terms.ActualEndDate);
        var end = terms.ActualEndDate ?? terms.PlannedEndDate;
        var clash = Postings.FirstOrDefault(p => p.Overlaps(terms.StartDate, end));
        if (clash is not null)
            throw new DomainException("startDate", "posting.overlap",
                clash.StartDate.ToString("yyyy-MM-dd"), clash.EffectiveEnd.ToString("yyyy-MM-dd"));
        var posting = new Posting
        {
            Cooperant = this,
            CountryId = terms.CountryId,
            OrganisationId = terms.OrganisationId,
            HostAuthorityTypeId = terms.HostAuthorityTypeId,
            HostAuthorityName = terms.HostAuthorityName,
            PositionTitle = terms.PositionTitle,
            StartDate = terms.StartDate,
            PlannedEndDate = terms.PlannedEndDate,
            ActualEndDate = terms.ActualEndDate,
        };
        Postings.Add(posting);
        return posting;
    }

    /// <summary>Checks that changed dates of an existing posting keep it clear of the coopérant's others.</summary>
    public void CheckNoOverlap(Posting posting)
    {
        var clash = Postings.FirstOrDefault(p => !ReferenceEquals(p, posting) && p.Id != posting.Id
            && p.Overlaps(posting.StartDate, posting.EffectiveEnd));
        if (clash is not null)
            throw new DomainException("startDate", "posting.overlap",
                clash.StartDate.ToString("yyyy-MM-dd"), clash.EffectiveEnd.ToString("yyyy-MM-dd"));
    }
}

/// <summary>
/// A position with a host authority, in a country or with an organisation (then in the country of its seat, which
/// every scope rule reads): what a posting and a vacancy — a posting position with nobody in it — have in common.
/// </summary>
public abstract class PostingPosition
{
    /// <summary>The host country; for an organisation, the country of its seat.</summary>
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int HostAuthorityTypeId { get; set; }
    public HostAuthorityType? HostAuthorityType { get; set; }
    public required string HostAuthorityName { get; set; }
    public required string PositionTitle { get; set; }
}

/// <summary>What a posting is: where, with whom, which position, for how long.</summary>
public record PostingTerms(
    int CountryId,
    int? OrganisationId,
    int HostAuthorityTypeId,
    string HostAuthorityName,
    string PositionTitle,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    DateOnly? ActualEndDate = null)
{
    public static void Validate(DateOnly start, DateOnly plannedEnd, DateOnly? actualEnd)
    {
        if (plannedEnd <= start)
            throw new DomainException("plannedEndDate", "posting.endBeforeStart");
        if (actualEnd is { } e && e <= start)
            throw new DomainException("actualEndDate", "posting.endBeforeStart");
    }
}

public class Posting : PostingPosition, IAudited, IVersioned
{
    public int Id { get; set; }
    public int CooperantId { get; set; }
    public Cooperant? Cooperant { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly PlannedEndDate { get; set; }
    public DateOnly? ActualEndDate { get; set; }
    /// <summary>The project the posting serves (the one chain), if any.</summary>
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>The multilateral partnership under which the coopérant is placed with an organisation, if any.</summary>
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public long Version { get; set; }

    public DateOnly EffectiveEnd => ActualEndDate ?? PlannedEndDate;

    public bool IsActiveOn(DateOnly day) => IsActive(StartDate, ActualEndDate, day);

    /// <summary>
    /// Active on a day: started, and not yet ended (a posting past its planned end but never ended still runs).
    /// The database reads the same rule as <see cref="PostingQueries.Active"/>.
    /// </summary>
    public static bool IsActive(DateOnly start, DateOnly? actualEnd, DateOnly day) => start <= day && (actualEnd is null || actualEnd > day);

    public bool Overlaps(DateOnly start, DateOnly end) => StartDate < end && start < EffectiveEnd;

    public void End(DateOnly actualEnd)
    {
        if (ActualEndDate is not null)
            throw new DomainException("actualEndDate", "posting.alreadyEnded", ActualEndDate.Value.ToString("yyyy-MM-dd"));
        if (actualEnd <= StartDate)
            throw new DomainException("actualEndDate", "posting.endBeforeStart");
        ActualEndDate = actualEnd;
    }
}

/// <summary>A position to fill with a host authority; once filled it points to the posting that filled it.</summary>
public class Vacancy : PostingPosition, IAudited, IVersioned
{
    public int Id { get; set; }
    public int? AdministrationId { get; set; }
    public Administration? Administration { get; set; }
    public int? DomainId { get; set; }
    public CooperationDomain? Domain { get; set; }
    public DateOnly WishedStartDate { get; set; }
    public int DurationMonths { get; set; } = 36;
    public int? FilledByPostingId { get; set; }
    public Posting? FilledByPosting { get; set; }
    public long Version { get; set; }

    public bool IsOpen => FilledByPostingId is null && FilledByPosting is null;

    /// <summary>A vacancy filled becomes a posting of the chosen coopérant.</summary>
    public Posting Fill(Cooperant cooperant, DateOnly start, DateOnly? plannedEnd = null)
    {
        if (!IsOpen)
            throw new DomainException("vacancy", "vacancy.alreadyFilled");
        var posting = cooperant.Post(new PostingTerms(CountryId, OrganisationId, HostAuthorityTypeId,
            HostAuthorityName, PositionTitle, start, plannedEnd ?? start.AddMonths(DurationMonths)));
        FilledByPosting = posting;
        return posting;
    }
}

public static class PostingQueries
{
    /// <summary>
    /// <see cref="Posting.IsActive"/> as the database reads it: started, and not yet ended. The day is written into the
    /// SQL by <see cref="Infrastructure.ConstantsInSql"/> (it is captured as <c>today</c>, even when another day is
    /// asked): a statement a day, which PostgreSQL plans once, where a day sent as a parameter had it plan the
    /// coopérants' list at every call (bench/PLANS.md).
    /// </summary>
    public static Expression<Func<Posting, bool>> Active(DateOnly today) =>
        p => p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today);

    /// <summary>Postings running on a day.</summary>
    public static IQueryable<Posting> ActiveOn(this IQueryable<Posting> postings, DateOnly day) => postings.Where(Active(day));

    /// <summary>Postings not running on a day: ended, or not yet started.</summary>
    public static IQueryable<Posting> NotActiveOn(this IQueryable<Posting> postings, DateOnly day)
    {
        var active = Active(day);
        return postings.Where(Expression.Lambda<Func<Posting, bool>>(Expression.Not(active.Body), active.Parameters));
    }
}
