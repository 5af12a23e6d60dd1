using Cooperation.Web.Features.Partners;

namespace Cooperation.Web.Features.Schools;

/// <summary>A regional school (ENVR); later areas (courses, sessions) add their sections to this record and page.</summary>
public record SchoolPage(
    string Acronym,
    string Name,
    string City,
    CountryRef Country,
    int OpenedYear,
    IReadOnlyList<DomainRef> Domains);

public class GetSchool(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The school, or null when it does not exist or its country lies outside the user's scope.</summary>
    public async Task<SchoolPage?> HandleAsync(string acronym, CancellationToken ct = default)
    {
        var code = acronym.Trim().ToUpperInvariant();
        var school = await db.RegionalSchools.AsNoTracking().Where(s => s.Acronym == code)
            .Select(s => new { s.Id, s.CountryId }).SingleOrDefaultAsync(ct);
        if (school is null || access.SchoolCountryIds is { } visible && !visible.Contains(school.CountryId)) return null;
        var row = (await SchoolReads.ProjectAsync(db.RegionalSchools.AsNoTracking().Where(s => s.Id == school.Id), ct)).Single();
        return new SchoolPage(row.Acronym, row.Name, row.City, row.Country, row.OpenedYear, row.Domains);
    }
}
