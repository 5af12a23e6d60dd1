namespace Cooperation.Web.Features.Partners;

public record CountryRef(string Iso2, string Name);

public record DomainRef(string Code, string Name);

/// <summary>A running posting as a partner's page lists it; the coopérant's name is redacted where the reader may not read it.</summary>
public record PartnerPosting(
    int Id, int CooperantId, string CooperantName, bool NameRedacted, string Administration, string? Organisation,
    string HostAuthorityType, string HostAuthority, string Position, DateOnly StartDate, DateOnly PlannedEndDate);

public record AdministrationCount(string Code, string Name, int Cooperants);

public record PartnerVacancy(int Id, string HostAuthority, string Position, string? Administration, string? Domain,
    DateOnly WishedStartDate, int DurationMonths);

/// <summary>The running postings of one partner (a country or an organisation), and how many coopérants each administration sends.</summary>
public sealed record PartnerPostings(IReadOnlyList<PartnerPosting> Postings, IReadOnlyList<AdministrationCount> ByAdministration)
{
    /// <summary>Reads the postings given (already narrowed to the partner), redacting names outside the reader's scope.</summary>
    public static async Task<PartnerPostings> ReadAsync(Access access, IQueryable<Posting> postings, CancellationToken ct)
    {
        var named = await access.NamedCooperantsAsync(ct);
        var found = (await postings
                .Select(p => new
                {
                    p.Id, p.CooperantId,
                    FirstName = named.Any(c => c.Id == p.CooperantId) ? p.Cooperant!.FirstName : null,
                    LastName = named.Any(c => c.Id == p.CooperantId) ? p.Cooperant!.LastName : null,
                    AdminCode = p.Cooperant!.Administration!.Code, AdminFr = p.Cooperant.Administration.NameFr, AdminEn = p.Cooperant.Administration.NameEn,
                    Organisation = p.Organisation == null ? null : p.Organisation.Acronym,
                    TypeFr = p.HostAuthorityType!.NameFr, TypeEn = p.HostAuthorityType.NameEn,
                    p.HostAuthorityName, p.PositionTitle, p.StartDate, p.PlannedEndDate,
                })
                .ToListAsync(ct))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => (p.AdminCode, Posting: new PartnerPosting(p.Id, p.CooperantId,
                PersonalData.Show(p.LastName is not null, $"{p.FirstName} {p.LastName?.ToUpperInvariant()}")!, p.LastName is null,
                Names.Pick(p.AdminFr, p.AdminEn), p.Organisation, Names.Pick(p.TypeFr, p.TypeEn), p.HostAuthorityName, p.PositionTitle,
                p.StartDate, p.PlannedEndDate)))
            .ToList();
        var byAdministration = found.GroupBy(p => p.Posting.Administration)
            .Select(g => new AdministrationCount(g.First().AdminCode, g.Key, g.Count()))
            .OrderByDescending(a => a.Cooperants).ThenBy(a => a.Name, PartnerQueries.NameOrder).ToList();
        return new PartnerPostings(found.Select(p => p.Posting).ToList(), byAdministration);
    }
}

public static class PartnerVacancies
{
    /// <summary>The open vacancies among those given (already narrowed to the partner), soonest first.</summary>
    public static async Task<List<PartnerVacancy>> ReadAsync(IQueryable<Vacancy> vacancies, CancellationToken ct) =>
        (await vacancies.Where(v => v.FilledByPostingId == null)
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
