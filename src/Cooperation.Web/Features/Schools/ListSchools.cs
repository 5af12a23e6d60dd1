using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools;

public record SchoolRow(
    string Acronym, string Name, string City, CountryRef Country, int OpenedYear, IReadOnlyList<DomainRef> Domains);

/// <summary>The regional schools (ENVR), by country then acronym; a coopérant sees those of his country.</summary>
public class ListSchools(CooperationDbContext db, Access access) : IListUseCase<ListSchools.Query, SchoolRow>
{
    public record Query
    {
        /// <summary>ISO2 code of the school's country.</summary>
        public string? Country { get; init; }
        /// <summary>Code of one of its domains.</summary>
        public string? Domain { get; init; }
        /// <summary>Part of the acronym, name or city.</summary>
        public string? Q { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>None for the ENVR, "all", or RegionalSchool | FrenchSchool | PeacekeepingCentre.</summary>
        public string? Kind { get; init; }
    }

    public async Task<Paged<SchoolRow>> HandleAsync(Query query, CancellationToken ct = default) =>
        Paging.Page(await AllAsync(query, ct), query.Page, query.PageSize);

    public async Task<IReadOnlyList<SchoolRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var schools = Visible();
        if (!string.Equals(query.Kind, "all", StringComparison.OrdinalIgnoreCase))
        {
            var kind = Enum.TryParse<TrainingPlaceKind>(query.Kind, ignoreCase: true, out var k) ? k : TrainingPlaceKind.RegionalSchool;
            schools = schools.Where(s => s.Kind == kind);
        }
        if (ListFilters.Codes(query.Country) is { } iso2) schools = schools.Where(s => iso2.Contains(s.Country!.Iso2));
        if (!string.IsNullOrWhiteSpace(query.Domain))
        {
            var domain = query.Domain.Trim().ToUpperInvariant();
            schools = schools.Where(s => s.Domains.Any(d => d.Code == domain));
        }
        var found = await SchoolReads.ProjectAsync(schools, ct);
        var byName = PartnerQueries.NameOrder;
        return found
            .Where(s => PartnerQueries.Matches(query.Q, s.Acronym, s.Name, s.City))
            .OrderBy(s => s.Country.Name, byName).ThenBy(s => s.Acronym, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One school by acronym; not found when it does not exist or lies outside the user's scope.</summary>
    public async Task<SchoolRow> GetAsync(string acronym, CancellationToken ct = default)
    {
        var code = acronym.Trim().ToUpperInvariant();
        return (await SchoolReads.ProjectAsync(Visible().Where(s => s.Acronym == code), ct)).SingleOrDefault()
            ?? throw new RecordNotFoundException();
    }

    /// <summary>The countries that have a school the user sees, for the list's country filter.</summary>
    public async Task<IReadOnlyCollection<int>> CountriesInUseAsync(CancellationToken ct = default) =>
        await Visible().Select(s => s.CountryId).Distinct().ToListAsync(ct);

    private IQueryable<RegionalSchool> Visible()
    {
        var schools = db.RegionalSchools.AsNoTracking();
        return access.SchoolCountryIds is { } visible ? schools.Where(s => visible.Contains(s.CountryId)) : schools;
    }
}

internal static class SchoolReads
{
    public static async Task<List<SchoolRow>> ProjectAsync(IQueryable<RegionalSchool> schools, CancellationToken ct) =>
        (await schools
            .Select(s => new
            {
                s.Acronym, s.Name, s.City, s.OpenedYear,
                Iso2 = s.Country!.Iso2, CountryFr = s.Country.NameFr, CountryEn = s.Country.NameEn,
                Domains = s.Domains.Select(d => new { d.Code, d.NameFr, d.NameEn }).ToList(),
            })
            .ToListAsync(ct))
        .Select(s => new SchoolRow(s.Acronym, s.Name, s.City, new CountryRef(s.Iso2, Names.Pick(s.CountryFr, s.CountryEn)), s.OpenedYear,
            s.Domains.Select(d => new DomainRef(d.Code, Names.Pick(d.NameFr, d.NameEn))).OrderBy(d => d.Name, PartnerQueries.NameOrder).ToList()))
        .ToList();
}
