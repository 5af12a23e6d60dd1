namespace Cooperation.Web.Features.Programmes.FollowUp;

/// <summary>
/// What the approved programmes of a year still plan in training places of a school and domain, per country: the
/// places of their training lines less the quotas already given in the year's other sessions of that school and
/// domain. A session's quota rule (<see cref="CourseSession.SetQuota"/>) refuses to go past it: form, API and every
/// path that sets a quota read it here.
/// </summary>
public class PlannedPlaces(CooperationDbContext db) : IUseCase
{
    /// <returns>Per country with an approved programme planning that school and domain, the places left; no entry when none plans it.</returns>
    public async Task<IReadOnlyDictionary<int, int>> RemainingAsync(int schoolId, int domainId, int year, int? exceptSessionId,
        IReadOnlyCollection<int> countryIds, CancellationToken ct = default)
    {
        if (countryIds.Count == 0) return new Dictionary<int, int>();
        var planned = await db.ProgrammeLines.AsNoTracking()
            .Where(l => l.Mode == ProgrammeMode.Training && l.SchoolId == schoolId && l.DomainId == domainId && l.Programme!.Year == year
                && l.Programme.OrganisationId == null && countryIds.Contains(l.Programme.CountryId)
                && (l.Programme.Status == ProgrammeStatus.Approved || l.Programme.Status == ProgrammeStatus.Revised || l.Programme.Status == ProgrammeStatus.Closed))
            .GroupBy(l => l.Programme!.CountryId)
            .Select(g => new { CountryId = g.Key, Places = g.Sum(l => l.Quantity) })
            .ToDictionaryAsync(x => x.CountryId, x => x.Places, ct);
        if (planned.Count == 0) return planned;
        var given = await GivenAsync(schoolId, domainId, year, exceptSessionId, planned.Keys.ToList(), ct);
        return planned.ToDictionary(p => p.Key, p => p.Value - given.GetValueOrDefault(p.Key));
    }

    /// <summary>
    /// The seats the countries already hold as quotas in the year's sessions of a school and domain, whatever the
    /// sessions' state except cancelled (what the programmes' places are measured against); none of one session when given.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> GivenAsync(int schoolId, int domainId, int year, int? exceptSessionId,
        IReadOnlyCollection<int> countryIds, CancellationToken ct = default)
    {
        var (first, last) = Calendar.YearBounds(year);
        var countries = countryIds.ToList();
        return await db.SessionQuotas.AsNoTracking()
            .Where(q => countries.Contains(q.CountryId) && q.SessionId != exceptSessionId && q.Session!.Course!.SchoolId == schoolId
                && q.Session.Course.DomainId == domainId && q.Session.StartDate >= first && q.Session.StartDate <= last
                && q.Session.Status != SessionStatus.Cancelled)
            .GroupBy(q => q.CountryId)
            .Select(g => new { CountryId = g.Key, Seats = g.Sum(q => q.Seats) })
            .ToDictionaryAsync(x => x.CountryId, x => x.Seats, ct);
    }
}
