namespace Cooperation.Web.Features.Partners;

public record ZoneRef(string Code, string Name, string Priority, string PriorityLabel);

public record CountryRef(string Iso2, string Name);

public record DomainRef(string Code, string Name);

/// <summary>A running posting as a partner's page lists it; the coopérant's name is redacted outside the reader's scope.</summary>
public record PartnerPosting(
    int Id,
    int CooperantId,
    string CooperantName,
    bool NameRedacted,
    string Administration,
    string? Organisation,
    string HostAuthorityType,
    string HostAuthority,
    string Position,
    DateOnly StartDate,
    DateOnly PlannedEndDate);

public record AdministrationCount(string Code, string Name, int Cooperants);

public record PartnerVacancy(int Id, string HostAuthority, string Position, string? Administration, string? Domain,
    DateOnly WishedStartDate, int DurationMonths);

public record SchoolLink(string Acronym, string Name, string City, int OpenedYear, IReadOnlyList<DomainRef> Domains);

public record OrganisationLink(string Acronym, string Name, int ActivePostings);

/// <summary>The country's network over time: every posting there, the ended ones, and how many coopérants served.</summary>
public record PostingHistory(int Postings, int Ended, int Cooperants);

/// <summary>
/// Everything connected to a partner country, one property a section of its page.
/// Later areas (sessions, missions, donations) add their own section here and on the page.
/// </summary>
public record CountryPage(
    string Iso2,
    string Iso3,
    string NumericCode,
    string NameFr,
    string NameEn,
    string Name,
    ZoneRef? Zone,
    IReadOnlyList<PartnerPosting> ActivePostings,
    IReadOnlyList<AdministrationCount> CooperantsByAdministration,
    IReadOnlyList<PartnerVacancy> OpenVacancies,
    IReadOnlyList<SchoolLink> RegionalSchools,
    IReadOnlyList<OrganisationLink> Organisations,
    PostingHistory History);

public class GetCountry(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<GetCountry> text) : IUseCase
{
    /// <summary>The country's page, or null when it does not exist or lies outside the user's scope.</summary>
    public async Task<CountryPage?> HandleAsync(string iso2, CancellationToken ct = default)
    {
        var code = iso2.Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().Where(c => c.Iso2 == code)
            .Select(c => new
            {
                c.Id, c.Iso2, c.Iso3, c.NumericCode, c.NameFr, c.NameEn,
                Zone = c.Zone == null ? null : new { c.Zone.Code, c.Zone.NameFr, c.Zone.NameEn, c.Zone.Priority },
            })
            .SingleOrDefaultAsync(ct);
        if (country is null || !access.CanSeeCountry(country.Id)) return null;

        var today = clock.Today();
        var postings = await PartnerPostings.ReadAsync(db, access,
            db.Postings.AsNoTracking().ActiveOn(today).ToCountries().Where(p => p.CountryId == country.Id), country.Id, ct);

        var byAdministration = postings.GroupBy(p => p.Administration)
            .Select(g => new AdministrationCount(g.First().AdministrationCode, g.Key, g.Count()))
            .OrderByDescending(a => a.Cooperants).ThenBy(a => a.Name, PartnerQueries.NameOrder).ToList();

        var vacancies = await PartnerVacancies.ReadAsync(
            db.Vacancies.AsNoTracking().Where(v => v.CountryId == country.Id && v.OrganisationId == null && v.FilledByPostingId == null), ct);

        var schools = (await db.RegionalSchools.AsNoTracking().Where(s => s.CountryId == country.Id)
                .Select(s => new { s.Acronym, s.Name, s.City, s.OpenedYear, Domains = s.Domains.Select(d => new { d.Code, d.NameFr, d.NameEn }).ToList() })
                .ToListAsync(ct))
            .OrderBy(s => s.Acronym, StringComparer.Ordinal)
            .Select(s => new SchoolLink(s.Acronym, s.Name, s.City, s.OpenedYear,
                s.Domains.Select(d => new DomainRef(d.Code, Names.Pick(d.NameFr, d.NameEn))).ToList()))
            .ToList();

        var organisations = (await db.Organisations.AsNoTracking().Where(o => o.SeatCountryId == country.Id)
                .Select(o => new
                {
                    o.Acronym, o.NameFr, o.NameEn,
                    Active = db.Postings.Count(p => p.OrganisationId == o.Id && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today)),
                })
                .ToListAsync(ct))
            .OrderBy(o => o.Acronym, StringComparer.Ordinal)
            .Select(o => new OrganisationLink(o.Acronym, Names.Pick(o.NameFr, o.NameEn), o.Active)).ToList();

        var all = db.Postings.AsNoTracking().ToCountries().Where(p => p.CountryId == country.Id);
        var history = new PostingHistory(
            await all.CountAsync(ct),
            await all.CountAsync(p => p.ActualEndDate != null && p.ActualEndDate <= today, ct),
            await all.Select(p => p.CooperantId).Distinct().CountAsync(ct));

        var zone = country.Zone is { } z
            ? new ZoneRef(z.Code, Names.Pick(z.NameFr, z.NameEn), z.Priority.ToString(), z.Priority.Label(text))
            : null;
        return new CountryPage(country.Iso2, country.Iso3, country.NumericCode, country.NameFr, country.NameEn,
            Names.Pick(country.NameFr, country.NameEn), zone, postings.Select(p => p.Posting).ToList(), byAdministration,
            vacancies, schools, organisations, history);
    }
}

/// <summary>Reads running postings of one partner (a country or an organisation) into rows, redacting names outside the reader's scope.</summary>
internal static class PartnerPostings
{
    public sealed record Row(PartnerPosting Posting, string AdministrationCode, string Administration);

    public static async Task<List<Row>> ReadAsync(CooperationDbContext db, Access access, IQueryable<Domain.Posting> postings,
        int countryId, CancellationToken ct)
    {
        var personal = await access.CanSeePersonalDataAsync(countryId, ct);
        var found = await postings
            .Select(p => new
            {
                p.Id, p.CooperantId, p.Cooperant!.FirstName, p.Cooperant.LastName,
                AdminCode = p.Cooperant.Administration!.Code, AdminFr = p.Cooperant.Administration.NameFr, AdminEn = p.Cooperant.Administration.NameEn,
                Organisation = p.Organisation == null ? null : p.Organisation.Acronym,
                TypeFr = p.HostAuthorityType!.NameFr, TypeEn = p.HostAuthorityType.NameEn,
                p.HostAuthorityName, p.PositionTitle, p.StartDate, p.PlannedEndDate,
            })
            .ToListAsync(ct);
        return found
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p =>
            {
                var admin = Names.Pick(p.AdminFr, p.AdminEn);
                var name = personal ? $"{p.FirstName} {p.LastName.ToUpperInvariant()}" : PersonalData.Redacted;
                return new Row(new PartnerPosting(p.Id, p.CooperantId, name, !personal, admin, p.Organisation,
                    Names.Pick(p.TypeFr, p.TypeEn), p.HostAuthorityName, p.PositionTitle, p.StartDate, p.PlannedEndDate), p.AdminCode, admin);
            })
            .ToList();
    }
}

internal static class PartnerVacancies
{
    public static async Task<List<PartnerVacancy>> ReadAsync(IQueryable<Domain.Vacancy> vacancies, CancellationToken ct) =>
        (await vacancies
            .Select(v => new
            {
                v.Id, v.HostAuthorityName, v.PositionTitle,
                AdminFr = v.Administration == null ? null : v.Administration.NameFr, AdminEn = v.Administration == null ? null : v.Administration.NameEn,
                DomainFr = v.Domain == null ? null : v.Domain.NameFr, DomainEn = v.Domain == null ? null : v.Domain.NameEn,
                v.WishedStartDate, v.DurationMonths,
            })
            .ToListAsync(ct))
        .OrderBy(v => v.WishedStartDate).ThenBy(v => v.Id)
        .Select(v => new PartnerVacancy(v.Id, v.HostAuthorityName, v.PositionTitle,
            v.AdminFr is null ? null : Names.Pick(v.AdminFr, v.AdminEn!), v.DomainFr is null ? null : Names.Pick(v.DomainFr, v.DomainEn!),
            v.WishedStartDate, v.DurationMonths))
        .ToList();
}
