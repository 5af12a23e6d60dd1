namespace Cooperation.Web.Features.Partners.Countries;

public record CountryRow(
    string Iso2, string NameFr, string NameEn, string Name, string? ZoneCode, string? ZoneName, int ActiveCooperants,
    int OpenVacancies, int RegionalSchools);

/// <summary>
/// Partner countries with the size of the network in each. The reference list is bounded (about 250 countries),
/// so it is filtered and sorted in memory, in the user's language and alphabet, the same on SQLite and PostgreSQL.
/// </summary>
public class ListCountries(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock, IStringLocalizer<ListCountries> text) : IListUseCase<ListCountries.Query, CountryRow>
{
    public record Query
    {
        /// <summary>Part of a name (French or English) or an ISO code, accents and case aside.</summary>
        public string? Q { get; init; }
        /// <summary>Code of the zone.</summary>
        public string? Zone { get; init; }
        /// <summary>Only the countries where coopérants are in post.</summary>
        public bool? WithNetwork { get; init; }
        /// <summary>name (default), zone, or cooperants (largest network first).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["name", "zone", "cooperants"];

    public async Task<Paged<CountryRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var rows = await AllAsync(query, ct);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<CountryRow>(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    /// <summary>Every matching row, for the exports.</summary>
    public async Task<IReadOnlyList<CountryRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? "name" : query.Sort.Trim().ToLowerInvariant();
        if (!Sorts.Contains(sort)) throw FieldErrors.One(text, "sort", "common.unknown", text["Tri"].Value, query.Sort!.Trim());
        var visible = access.VisibleCountryIds;
        var today = clock.Today();

        var countries = db.Countries.AsNoTracking();
        if (visible is not null) countries = countries.Where(c => visible.Contains(c.Id));
        if (!string.IsNullOrWhiteSpace(query.Zone))
        {
            var zone = query.Zone.Trim().ToUpperInvariant();
            countries = countries.Where(c => c.Zone != null && c.Zone.Code == zone);
        }
        var found = await countries
            .Select(c => new
            {
                c.Id, c.Iso2, c.Iso3, c.NameFr, c.NameEn,
                ZoneCode = c.Zone == null ? null : c.Zone.Code,
                ZoneFr = c.Zone == null ? null : c.Zone.NameFr,
                ZoneEn = c.Zone == null ? null : c.Zone.NameEn,
            })
            .ToListAsync(ct);

        var network = await PartnerQueries.NetworkByCountryAsync(db, cache, access, today, ct);

        var rows = found
            .Where(c => PartnerQueries.Matches(query.Q, c.NameFr, c.NameEn, c.Iso2, c.Iso3))
            .Select(c => new CountryRow(c.Iso2, c.NameFr, c.NameEn, Names.Pick(c.NameFr, c.NameEn), c.ZoneCode,
                c.ZoneFr is null ? null : Names.Pick(c.ZoneFr, c.ZoneEn!),
                network.Cooperants.GetValueOrDefault(c.Id), network.OpenVacancies.GetValueOrDefault(c.Id), network.RegionalSchools.GetValueOrDefault(c.Id)))
            .Where(r => query.WithNetwork != true || r.ActiveCooperants > 0);

        var byName = PartnerQueries.NameOrder;
        return (sort switch
        {
            "zone" => rows.OrderBy(r => r.ZoneName is null).ThenBy(r => r.ZoneName, byName).ThenBy(r => r.Name, byName),
            "cooperants" => rows.OrderByDescending(r => r.ActiveCooperants).ThenBy(r => r.Name, byName),
            _ => rows.OrderBy(r => r.Name, byName),
        }).ToList();
    }
}
