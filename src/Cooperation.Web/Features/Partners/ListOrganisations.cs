namespace Cooperation.Web.Features.Partners;

/// <summary>Filters of the organisations list; kind is International or Regional.</summary>
public record ListOrganisationsQuery(string? Q = null, string? Kind = null, int? Page = null, int? PageSize = null);

public record OrganisationRow(
    string Acronym,
    string NameFr,
    string NameEn,
    string Name,
    string Kind,
    string SeatIso2,
    string SeatCountry,
    int ActivePostings,
    int OpenVacancies);

/// <summary>International and regional organisations, each resolved to its seat country for scope.</summary>
public class ListOrganisations(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    public async Task<Paged<OrganisationRow>> HandleAsync(ListOrganisationsQuery query, CancellationToken ct = default)
    {
        var rows = await AllAsync(query, ct);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<OrganisationRow>(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    public async Task<IReadOnlyList<OrganisationRow>> AllAsync(ListOrganisationsQuery query, CancellationToken ct = default)
    {
        var visible = access.VisibleCountryIds;
        var today = clock.Today();
        var organisations = db.Organisations.AsNoTracking();
        if (visible is not null) organisations = organisations.Where(o => visible.Contains(o.SeatCountryId));
        if (Enum.TryParse<OrganisationKind>(query.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
            organisations = organisations.Where(o => o.Kind == kind);

        var found = await organisations
            .Select(o => new
            {
                o.Acronym, o.NameFr, o.NameEn, o.Kind,
                SeatIso2 = o.SeatCountry!.Iso2, SeatFr = o.SeatCountry.NameFr, SeatEn = o.SeatCountry.NameEn,
                Active = db.Postings.Count(p => p.OrganisationId == o.Id && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today)),
                Vacancies = db.Vacancies.Count(v => v.OrganisationId == o.Id && v.FilledByPostingId == null),
            })
            .ToListAsync(ct);
        return found
            .Where(o => PartnerQueries.Matches(query.Q, o.Acronym, o.NameFr, o.NameEn))
            .Select(o => new OrganisationRow(o.Acronym, o.NameFr, o.NameEn, Names.Pick(o.NameFr, o.NameEn), o.Kind.ToString(),
                o.SeatIso2, Names.Pick(o.SeatFr, o.SeatEn), o.Active, o.Vacancies))
            .OrderBy(o => o.Acronym, StringComparer.Ordinal)
            .ToList();
    }
}
