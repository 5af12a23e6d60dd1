namespace Cooperation.Web.Features.Partners.Countries;

public record ZoneRef(string Code, string Name, string Priority, string PriorityLabel);

public record SchoolLink(string Acronym, string Name, string City, int OpenedYear, IReadOnlyList<DomainRef> Domains);

public record OrganisationLink(string Acronym, string Name, int ActivePostings);

/// <summary>The country's network over time: every posting there, the ended ones, and how many coopérants served.</summary>
public record PostingHistory(int Postings, int Ended, int Cooperants);

/// <summary>
/// Everything connected to a partner country, one property a section of its page.
/// Later areas (sessions, missions, donations) add their own section here and on the page.
/// </summary>
public record CountryPage(
    string Iso2, string Iso3, string NumericCode, string NameFr, string NameEn, string Name, ZoneRef? Zone,
    IReadOnlyList<PartnerPosting> ActivePostings, IReadOnlyList<AdministrationCount> CooperantsByAdministration,
    IReadOnlyList<PartnerVacancy> OpenVacancies, IReadOnlyList<SchoolLink> RegionalSchools,
    IReadOnlyList<OrganisationLink> Organisations, PostingHistory History);

public class GetCountry(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<GetCountry> text) : IUseCase
{
    /// <summary>The country's page; not found when it does not exist or lies outside the user's scope (its existence is not disclosed).</summary>
    public async Task<CountryPage> HandleAsync(string iso2, CancellationToken ct = default)
    {
        var code = iso2.Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().Where(c => c.Iso2 == code)
            .Select(c => new
            {
                c.Id, c.Iso2, c.Iso3, c.NumericCode, c.NameFr, c.NameEn,
                Zone = c.Zone == null ? null : new { c.Zone.Code, c.Zone.NameFr, c.Zone.NameEn, c.Zone.Priority },
            })
            .SingleOrDefaultAsync(ct);
        if (country is null || !access.CanSeeCountry(country.Id)) throw new RecordNotFoundException();

        var today = clock.Today();
        var postings = await PartnerPostings.ReadAsync(access,
            db.Postings.AsNoTracking().ActiveOn(today).ToCountries().Where(p => p.CountryId == country.Id), ct);
        var vacancies = await PartnerVacancies.ReadAsync(
            db.Vacancies.AsNoTracking().Where(v => v.CountryId == country.Id && v.OrganisationId == null), ct);

        var schools = (await db.RegionalSchools.AsNoTracking().Where(s => s.CountryId == country.Id)
                .Select(s => new { s.Acronym, s.Name, s.City, s.OpenedYear, Domains = s.Domains.Select(d => new { d.Code, d.NameFr, d.NameEn }).ToList() })
                .ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.Ordinal)
            .Select(s => new SchoolLink(s.Acronym, s.Name, s.City, s.OpenedYear,
                s.Domains.Select(d => new DomainRef(d.Code, Names.Pick(d.NameFr, d.NameEn))).ToList()))
            .ToList();

        var active = await db.Postings.AsNoTracking().ActiveOn(today).Where(p => p.Organisation!.SeatCountryId == country.Id)
            .CountByOrganisationAsync(ct);
        var organisations = (await db.Organisations.AsNoTracking().Where(o => o.SeatCountryId == country.Id)
                .Select(o => new { o.Id, o.Acronym, o.NameFr, o.NameEn }).ToListAsync(ct))
            .OrderBy(o => o.Acronym, StringComparer.Ordinal)
            .Select(o => new OrganisationLink(o.Acronym, Names.Pick(o.NameFr, o.NameEn), active.GetValueOrDefault(o.Id))).ToList();

        var all = db.Postings.AsNoTracking().ToCountries().Where(p => p.CountryId == country.Id);
        var history = new PostingHistory(
            await all.CountAsync(ct),
            await all.CountAsync(p => p.ActualEndDate != null && p.ActualEndDate <= today, ct),
            await all.Select(p => p.CooperantId).CountDistinctAsync(ct));

        var zone = country.Zone is { } z
            ? new ZoneRef(z.Code, Names.Pick(z.NameFr, z.NameEn), z.Priority.ToString(), z.Priority.Label(text))
            : null;
        return new CountryPage(country.Iso2, country.Iso3, country.NumericCode, country.NameFr, country.NameEn,
            Names.Pick(country.NameFr, country.NameEn), zone, postings.Postings, postings.ByAdministration,
            vacancies, schools, organisations, history);
    }
}
