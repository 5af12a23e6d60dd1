using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>A donation as lists show it: beneficiary, project, status, categories, value in euros, checks overdue and items not found.</summary>
public record DonationRow(
    int Id, string Title, string Country, string CountryName, string Zone, int? ProjectId, string? ProjectTitle, string Status,
    string StatusName, IReadOnlyList<string> Categories, int ItemCount, decimal EuroValue, DateOnly ProposedOn, DateOnly? HandedOverOn,
    int OverdueChecks, int ItemsNotFound, long Version);

/// <summary>The donations the user may read (<see cref="Access.VisibleDonations"/>), filtered, sorted and paged.</summary>
public class ListDonations(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock, IStringLocalizer<ListDonations> text)
    : IListUseCase<ListDonations.Query, DonationRow>
{
    public record Query
    {
        /// <summary>ISO2 code of the receiving country.</summary>
        public string? Country { get; init; }
        /// <summary>Code of the receiving country's zone (AFS, AFN, MOY...).</summary>
        public string? Zone { get; init; }
        /// <summary>proposed, approved, ordered, delivered, handedOver, checked or cancelled.</summary>
        public string? Status { get; init; }
        /// <summary>surveillance, civilProtection, trainingCentres or trainingMeans: donations with an item of it.</summary>
        public string? Category { get; init; }
        /// <summary>Donations handed over that year, or, not yet handed over, proposed that year.</summary>
        public int? Year { get; init; }
        /// <summary>Donations completing that project.</summary>
        public int? ProjectId { get; init; }
        /// <summary>true: donations with a post-delivery check overdue.</summary>
        public bool? Overdue { get; init; }
        /// <summary>true: donations whose latest post-delivery check did not find an item (an alert).</summary>
        public bool? NotFound { get; init; }
        /// <summary>Words of the title.</summary>
        public string? Search { get; init; }
        /// <summary>title, country, status, proposed or handedOver; a leading "-" sorts descending (default -proposed).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["title", "country", "status", "proposed", "handedOver"];

    public async Task<Paged<DonationRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesDonations);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var total = await cache.CountAsync(nameof(ListDonations), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct);
        var data = await Sort(filtered, query.Sort).PageOf(page, size).Select(Projection(clock.Today())).ToPageAsync(total, page, size, ct);
        return new Paged<DonationRow>(data.Select(Row).ToList(), total, page, size);
    }

    public async Task<IReadOnlyList<DonationRow>> AllAsync(Query query, CancellationToken ct = default) =>
        (await Sort(Filter(query), query.Sort).Select(Projection(clock.Today())).ToListAsync(ct)).Select(Row).ToList();

    /// <summary>The value in euros of the donations the query finds, cancelled ones left out: what a country's or a project's page adds up.</summary>
    public async Task<decimal> EuroValueAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesDonations);
        return await Filter(query).Where(d => d.Status != DonationStatus.Cancelled).SelectMany(d => d.Items).SumAsync(i => i.EuroValue, ct);
    }

    /// <summary>What the list shows for these filters, unsorted: what the annual report counts.</summary>
    internal IQueryable<Donation> Filter(Query query)
    {
        var q = access.VisibleDonations(db.Donations.AsNoTracking());
        if (ListFilters.Codes(query.Country) is { } iso2) q = q.OfCountries(iso2, db.Countries, d => d.CountryId);
        if (Code(query.Zone) is { } zone) q = q.Where(d => d.Country!.Zone!.Code == zone);
        if (!string.IsNullOrWhiteSpace(query.Status))
            q = ProjectCodes.Parse<DonationStatus>(query.Status) is { } status ? q.Where(d => d.Status == status) : q.Where(_ => false);
        if (!string.IsNullOrWhiteSpace(query.Category))
            q = ProjectCodes.Parse<EquipmentCategory>(query.Category) is { } category ? q.Where(d => d.Items.Any(i => i.Category == category)) : q.Where(_ => false);
        if (query.Year is { } year)
        {
            var (first, last) = (new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), new DateOnly(Math.Clamp(year, 1, 9999), 12, 31));
            q = q.Where(d => d.HandedOverOn != null ? d.HandedOverOn >= first && d.HandedOverOn <= last : d.ProposedOn >= first && d.ProposedOn <= last);
        }
        if (query.ProjectId is { } projectId) q = q.Where(d => d.ProjectId == projectId);
        if (query.Overdue == true)
        {
            var today = clock.Today();
            q = q.Where(d => d.Checks.Any(c => c.CheckedOn == null && c.DueOn < today));
        }
        if (query.NotFound == true)
            q = q.Where(d => d.Checks.Where(c => c.CheckedOn != null).OrderByDescending(c => c.CheckedOn).Take(1)
                .SelectMany(c => c.Findings).Any(f => f.Finding == ItemFinding.NotFound));
        if (!string.IsNullOrWhiteSpace(query.Search))
            foreach (var word in query.Search.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                q = q.Where(d => d.Title.ToUpper().Contains(word));
        return q;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static IQueryable<Donation> Sort(IQueryable<Donation> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-');
        key = Sorts.FirstOrDefault(s => string.Equals(s, key, StringComparison.OrdinalIgnoreCase));
        if (key is null) (key, descending) = ("proposed", true);
        IOrderedQueryable<Donation> ordered = key switch
        {
            "title" => descending ? q.OrderByDescending(d => d.Title) : q.OrderBy(d => d.Title),
            "country" when Names.English => descending ? q.OrderByDescending(d => d.Country!.NameEn) : q.OrderBy(d => d.Country!.NameEn),
            "country" => descending ? q.OrderByDescending(d => d.Country!.NameFr) : q.OrderBy(d => d.Country!.NameFr),
            "status" => descending ? q.OrderByDescending(d => d.Status) : q.OrderBy(d => d.Status),
            "handedOver" => descending ? q.OrderByDescending(d => d.HandedOverOn) : q.OrderBy(d => d.HandedOverOn),
            _ => descending ? q.OrderByDescending(d => d.ProposedOn) : q.OrderBy(d => d.ProposedOn),
        };
        return descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);
    }

    private DonationRow Row(RowData d) => new(
        d.Id, d.Title, d.Iso2, Names.Pick(d.CountryFr, d.CountryEn), d.ZoneCode ?? "", d.ProjectId, d.ProjectTitle, ProjectCodes.Of(d.Status),
        d.Status.Name(text), CategoriesOf(d.CategoryBits), d.ItemCount, d.EuroValue, d.ProposedOn, d.HandedOverOn, d.OverdueChecks,
        d.ItemsNotFound, d.Version);

    /// <summary>The categories a row's bits name (bit n - 1 for the category of value n, as the projection sets them), in
    /// the order of their values.</summary>
    private static List<string> CategoriesOf(int bits) =>
        Categories.Where(c => (bits & (1 << ((int)c - 1))) != 0).Select(c => ProjectCodes.Of(c)).ToList();

    private static readonly EquipmentCategory[] Categories = Enum.GetValues<EquipmentCategory>();

    private sealed record RowData(
        int Id, string Title, string Iso2, string CountryFr, string CountryEn, string? ZoneCode, int? ProjectId, string? ProjectTitle,
        DonationStatus Status, int ItemCount, decimal EuroValue, int CategoryBits, DateOnly ProposedOn, DateOnly? HandedOverOn,
        int OverdueChecks, int ItemsNotFound, long Version);

    /// <summary>
    /// The row's projection, built once a day (its overdue checks are counted against the day) rather than at every
    /// request. The items' count, value and categories (one bit a category) are subqueries of the row, so a page is one
    /// row a donation: joining the items instead gave a row an item, ran the checks' counts on each, and had EF Core
    /// build the items' list of each row with a delegate made at every row.
    /// </summary>
    private static DayProjection? projection;

    private sealed record DayProjection(DateOnly Day, System.Linq.Expressions.Expression<Func<Donation, RowData>> Projection);

    private static System.Linq.Expressions.Expression<Func<Donation, RowData>> Projection(DateOnly today)
    {
        if (projection is { } built && built.Day == today) return built.Projection;
        var fresh = new DayProjection(today, BuildProjection(today));
        projection = fresh;
        return fresh.Projection;
    }

    private static System.Linq.Expressions.Expression<Func<Donation, RowData>> BuildProjection(DateOnly today) => d => new RowData(
        d.Id, d.Title, d.Country!.Iso2, d.Country.NameFr, d.Country.NameEn, d.Country.Zone!.Code, d.ProjectId, d.Project!.Title, d.Status,
        d.Items.Count, d.Items.Sum(i => i.EuroValue),
        d.Items.Select(i => i.Category == EquipmentCategory.Surveillance ? 1 : i.Category == EquipmentCategory.CivilProtection ? 2
            : i.Category == EquipmentCategory.TrainingCentres ? 4 : i.Category == EquipmentCategory.TrainingMeans ? 8 : 0).Distinct().Sum(),
        d.ProposedOn, d.HandedOverOn,
        d.Checks.Count(c => c.CheckedOn == null && c.DueOn < today),
        d.Checks.Where(c => c.CheckedOn != null).OrderByDescending(c => c.CheckedOn).Take(1)
            .SelectMany(c => c.Findings).Count(f => f.Finding == ItemFinding.NotFound),
        d.Version);
}
