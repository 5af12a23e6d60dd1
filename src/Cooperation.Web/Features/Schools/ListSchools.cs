using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools;

/// <summary>Filters of the ENVR list: country (ISO2), domain (code), q (acronym, name or city).</summary>
/// <remarks>kind: none for the ENVR, "all", or RegionalSchool | FrenchSchool | PeacekeepingCentre.</remarks>
public record ListSchoolsQuery(string? Country = null, string? Domain = null, string? Q = null, int? Page = null, int? PageSize = null, string? Kind = null);

public record SchoolRow(
    string Acronym,
    string Name,
    string City,
    CountryRef Country,
    int OpenedYear,
    IReadOnlyList<DomainRef> Domains);

/// <summary>The regional schools (ENVR), by country then acronym; a coopérant sees those of his country.</summary>
public class ListSchools(CooperationDbContext db, Access access) : IUseCase
{
    public async Task<Paged<SchoolRow>> HandleAsync(ListSchoolsQuery query, CancellationToken ct = default)
    {
        var rows = await AllAsync(query, ct);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<SchoolRow>(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    public async Task<IReadOnlyList<SchoolRow>> AllAsync(ListSchoolsQuery query, CancellationToken ct = default)
    {
        var visible = access.SchoolCountryIds;
        var schools = db.RegionalSchools.AsNoTracking();
        if (visible is not null) schools = schools.Where(s => visible.Contains(s.CountryId));
        if (!string.Equals(query.Kind, "all", StringComparison.OrdinalIgnoreCase))
        {
            var kind = Enum.TryParse<Domain.TrainingPlaceKind>(query.Kind, ignoreCase: true, out var k) ? k : Domain.TrainingPlaceKind.RegionalSchool;
            schools = schools.Where(s => s.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var iso2 = query.Country.Trim().ToUpperInvariant();
            schools = schools.Where(s => s.Country!.Iso2 == iso2);
        }
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
}

internal static class SchoolReads
{
    public static async Task<List<SchoolRow>> ProjectAsync(IQueryable<Domain.RegionalSchool> schools, CancellationToken ct) =>
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
