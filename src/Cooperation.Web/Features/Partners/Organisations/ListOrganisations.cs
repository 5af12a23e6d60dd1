namespace Cooperation.Web.Features.Partners.Organisations;

public record OrganisationRow(
    string Acronym, string NameFr, string NameEn, string Name, string Kind, string SeatIso2, string SeatCountry,
    int ActivePostings, int OpenVacancies);

/// <summary>International and regional organisations, each resolved to its seat country for scope.</summary>
public class ListOrganisations(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock) : IListUseCase<ListOrganisations.Query, OrganisationRow>
{
    public record Query
    {
        /// <summary>Part of the acronym or of a name (French or English), accents and case aside.</summary>
        public string? Q { get; init; }
        /// <summary>International or Regional.</summary>
        public string? Kind { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public async Task<Paged<OrganisationRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var rows = await AllAsync(query, ct);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<OrganisationRow>(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    /// <summary>Every matching row, for the exports.</summary>
    public async Task<IReadOnlyList<OrganisationRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var visible = access.VisibleCountryIds;
        var organisations = db.Organisations.AsNoTracking();
        if (visible is not null) organisations = organisations.Where(o => visible.Contains(o.SeatCountryId));
        if (Enum.TryParse<OrganisationKind>(query.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
            organisations = organisations.Where(o => o.Kind == kind);

        var found = await organisations
            .Select(o => new
            {
                o.Id, o.Acronym, o.NameFr, o.NameEn, o.Kind,
                SeatIso2 = o.SeatCountry!.Iso2, SeatFr = o.SeatCountry.NameFr, SeatEn = o.SeatCountry.NameEn,
            })
            .ToListAsync(ct);
        var (active, vacancies) = await CountsAsync(ct);
        return found
            .Where(o => PartnerQueries.Matches(query.Q, o.Acronym, o.NameFr, o.NameEn))
            .Select(o => new OrganisationRow(o.Acronym, o.NameFr, o.NameEn, Names.Pick(o.NameFr, o.NameEn), o.Kind.ToString(),
                o.SeatIso2, Names.Pick(o.SeatFr, o.SeatEn), active.GetValueOrDefault(o.Id), vacancies.GetValueOrDefault(o.Id)))
            .OrderBy(o => o.Acronym, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What each organisation has: the postings running today and the vacancies open. Counted once for every
    /// organisation and kept like the figures (<see cref="FigureCache"/>), not two counts a request.</summary>
    private Task<Counts> CountsAsync(CancellationToken ct) =>
        cache.GetOrComputeAsync("organisations:counts", access, "", clock.Today(), async () => new Counts(
            await db.Postings.AsNoTracking().ActiveOn(clock.Today()).CountByOrganisationAsync(ct),
            await db.Vacancies.AsNoTracking().Where(v => v.OrganisationId != null && v.FilledByPostingId == null)
                .CountByAsync(v => v.OrganisationId!.Value, ct)));

    private sealed record Counts(Dictionary<int, int> ActivePostings, Dictionary<int, int> OpenVacancies);
}
