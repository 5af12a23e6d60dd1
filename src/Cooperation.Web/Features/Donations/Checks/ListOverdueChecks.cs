namespace Cooperation.Web.Features.Donations.Checks;

/// <summary>A post-delivery check due and not done.</summary>
public record OverdueCheckRow(int CheckId, int DonationId, string Title, string Country, string CountryName, DateOnly HandedOverOn, DateOnly DueOn, int DaysOverdue);

/// <summary>
/// The post-delivery checks overdue that the user has to see to: for a desk officer those of her zones' countries, for
/// a coopérant his country's, for headquarters' readers all of them. Oldest first.
/// </summary>
public class ListOverdueChecks(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock) : IListUseCase<ListOverdueChecks.Query, OverdueCheckRow>
{
    public record Query
    {
        /// <summary>ISO2 code of the receiving country.</summary>
        public string? Country { get; init; }
        /// <summary>Code of its zone.</summary>
        public string? Zone { get; init; }
        /// <summary>due (default, oldest first) or country; a leading "-" sorts descending.</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public async Task<Paged<OverdueCheckRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var checks = Filter(query);
        var total = await cache.CountAsync(nameof(ListOverdueChecks), access, query with { Page = null, PageSize = null, Sort = null }, checks, ct);
        return new Paged<OverdueCheckRow>(await RowsAsync(Sort(checks, query.Sort).PageOf(page, size), ct), total, page, size);
    }

    public async Task<IReadOnlyList<OverdueCheckRow>> AllAsync(Query query, CancellationToken ct = default) =>
        await RowsAsync(Sort(Filter(query), query.Sort), ct);

    private IQueryable<DonationCheck> Filter(Query query)
    {
        ForbiddenException.ThrowUnless(access.SeesDonations);
        var today = clock.Today();
        var checks = db.DonationChecks.AsNoTracking().Where(c => c.CheckedOn == null && c.DueOn < today);
        // Joined to the donations only where the reader or a filter narrows them: headquarters' unfiltered list walks
        // the overdue checks by due date, not every donation first.
        if (!access.SeesAllDonations)
        {
            var visible = access.VisibleDonations(db.Donations.AsNoTracking());
            checks = checks.Where(c => visible.Any(d => d.Id == c.DonationId));
        }
        if (access.IsDeskOfficer && !access.IsAdministrator)
        {
            var zones = access.ZoneIds.ToList();
            checks = checks.Where(c => c.Donation!.Country!.ZoneId != null && zones.Contains(c.Donation.Country.ZoneId.Value));
        }
        if (ListFilters.Codes(query.Country) is { } iso2) checks = checks.Where(c => iso2.Contains(c.Donation!.Country!.Iso2));
        if (!string.IsNullOrWhiteSpace(query.Zone))
        {
            var zone = query.Zone.Trim().ToUpperInvariant();
            checks = checks.Where(c => c.Donation!.Country!.Zone!.Code == zone);
        }
        return checks;
    }

    /// <summary>Ordered in SQL, so that a page reads its own rows only: by due date (oldest first) or by country name in the reader's language.</summary>
    private static IQueryable<DonationCheck> Sort(IQueryable<DonationCheck> checks, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<DonationCheck> ordered = sort?.TrimStart('-') == "country"
            ? Names.English
                ? (descending ? checks.OrderByDescending(c => c.Donation!.Country!.NameEn) : checks.OrderBy(c => c.Donation!.Country!.NameEn)).ThenBy(c => c.DueOn)
                : (descending ? checks.OrderByDescending(c => c.Donation!.Country!.NameFr) : checks.OrderBy(c => c.Donation!.Country!.NameFr)).ThenBy(c => c.DueOn)
            : descending ? checks.OrderByDescending(c => c.DueOn) : checks.OrderBy(c => c.DueOn);
        return ordered.ThenBy(c => c.Id);
    }

    private async Task<List<OverdueCheckRow>> RowsAsync(IQueryable<DonationCheck> checks, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await checks
            .Select(c => new { c.Id, c.DonationId, c.Donation!.Title, c.Donation.Country!.Iso2, c.Donation.Country.NameFr, c.Donation.Country.NameEn,
                c.Donation.HandedOverOn, c.DueOn })
            .ToListAsync(ct);
        return rows.Select(r => new OverdueCheckRow(r.Id, r.DonationId, r.Title, r.Iso2, Names.Pick(r.NameFr, r.NameEn), r.HandedOverOn ?? r.DueOn,
            r.DueOn, today.DayNumber - r.DueOn.DayNumber)).ToList();
    }
}
