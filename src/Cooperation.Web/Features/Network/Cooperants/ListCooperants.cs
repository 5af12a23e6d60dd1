using System.Linq.Expressions;

namespace Cooperation.Web.Features.Network.Cooperants;

/// <summary>
/// Filters of the coopérants list. <see cref="Q"/> searches names; <see cref="Country"/> (ISO2) and
/// <see cref="Zone"/> apply to the coopérant's country (that of his active posting, else his latest);
/// <see cref="Status"/>: active (default), former, awaiting, all; <see cref="Sort"/>: name, administration,
/// country or start, prefixed with "-" for descending order.
/// </summary>
public record CooperantFilter
{
    public string? Q { get; init; }
    public string? Administration { get; init; }
    public string? Zone { get; init; }
    public string? Country { get; init; }
    public string? Status { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>A line of the list. Names are <see cref="PersonalData.Redacted"/> where the user may not see them.</summary>
public record CooperantListItem(
    int Id, string FirstName, string LastName, string Administration, string AdministrationName, string Rank,
    string? Country, string? CountryName, string? Organisation, string? PositionTitle, DateOnly? StartDate,
    DateOnly? PlannedEndDate, string Status, bool Redacted);

public class ListCooperants(CooperationDbContext db, Access access, FigureCache cache, ReferenceCodes codes, TimeProvider clock, IStringLocalizer<ListCooperants> text)
    : IListUseCase<CooperantFilter, CooperantListItem>
{
    public static readonly string[] SortKeys = ["name", "administration", "country", "start"];

    public async Task<Paged<CooperantListItem>> HandleAsync(CooperantFilter filter, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = await QueryAsync(filter, ct);
        var total = await cache.CountAsync(nameof(ListCooperants), access, filter with { Page = null, PageSize = null, Sort = null }, query, ct);
        var rows = await Project(query.PageOf(page, pageSize), await access.NamedCooperantsAsync(ct), access.ReadsEveryCooperant).ToPageAsync(total, page, pageSize, ct);
        return new Paged<CooperantListItem>(Show(rows), total, page, pageSize);
    }

    /// <summary>The whole filtered list, for an export.</summary>
    public async Task<IReadOnlyList<CooperantListItem>> AllAsync(CooperantFilter filter, CancellationToken ct = default)
    {
        var rows = await Project(await QueryAsync(filter, ct), await access.NamedCooperantsAsync(ct), access.ReadsEveryCooperant).ToListAsync(ct);
        return Show(rows);
    }

    private async Task<IQueryable<PlacedCooperant>> QueryAsync(CooperantFilter f, CancellationToken ct)
    {
        var today = clock.Today();
        var query = db.PlacedCooperants(today);
        // A scope that holds every coopérant is not composed: the list then walks the names' index and stops at its page.
        if (!access.SeesEveryCooperant)
        {
            var visible = access.VisibleCooperants();
            query = query.Where(x => visible.Any(c => c.Id == x.Cooperant.Id));
        }

        var errors = new FieldErrors(text);
        var status = string.IsNullOrWhiteSpace(f.Status) ? CooperantStatus.Active : f.Status.Trim().ToLowerInvariant();
        if (!CooperantStatus.Filters.Contains(status)) errors.Add("status", "common.unknown", errors.Label("Statut"), f.Status!.Trim());
        var administrationId = await codes.AdministrationAsync(f.Administration, errors, required: false, ct: ct);
        var zoneId = await codes.ZoneAsync(f.Zone, errors, required: false, ct: ct);
        var countryIds = await codes.CountriesAsync(f.Country, errors, ct: ct);
        var (key, descending) = SortKey(f.Sort, errors);
        errors.ThrowIfAny();

        query = status switch
        {
            CooperantStatus.Active => query.WherePosting(PostingQueries.Active(today)),
            CooperantStatus.Former => query.WherePosting(p => p.ActualEndDate != null && p.ActualEndDate <= today),
            CooperantStatus.Awaiting => query.Where(x => x.Posting == null || x.Posting.StartDate > today),
            _ => query,
        };
        if (administrationId is { } administration) query = query.Where(x => x.Cooperant.AdministrationId == administration);
        // A coopérant placed in a zone or a country has a posting there: said to the database too, it reads those postings
        // by the countries' index instead of working out every coopérant's placing posting, in the names' order, until it
        // has a page (PostgreSQL at scale 10: 11–13 ms a statement for a country, 1.4–1.9 ms with it; bench/PLANS.md).
        // A country's, as IN: SQLite then reads them first too. A zone's, as EXISTS: SQLite then tests it coopérant by
        // coopérant in the names' order, which is faster for a zone that holds most of them (Africa's), and PostgreSQL
        // plans both alike.
        if (zoneId is { } zone)
            query = query.Where(x => x.Cooperant.Postings.Any(p => p.Country!.ZoneId == zone)).WherePosting(p => p.Country!.ZoneId == zone);
        if (countryIds is { } countries)
        {
            var postedThere = db.Postings.Where(p => countries.Contains(p.CountryId)).Select(p => p.CooperantId);
            query = query.Where(x => postedThere.Contains(x.Cooperant.Id)).WherePosting(p => countries.Contains(p.CountryId));
        }

        if (Access.NameWords(f.Q) is { Length: > 0 } words)
        {
            var found = await access.CooperantsNamedAsync(words, ct);
            query = query.Where(x => found.Any(c => c.Id == x.Cooperant.Id));
        }

        return Sort(query, access.ReadsEveryCooperant ? null : await access.NamedCooperantsAsync(ct), key, descending);
    }

    private static (string Key, bool Descending) SortKey(string? sort, FieldErrors errors)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "name" : sort.Trim().ToLowerInvariant();
        var descending = key.StartsWith('-');
        key = key.TrimStart('-');
        if (SortKeys.Contains(key)) return (key, descending);
        errors.Add("sort", "common.unknown", errors.Label("Tri"), sort!.Trim());
        return ("name", false);
    }

    /// <summary>
    /// Sorted; names count only where the user reads them (the others come last, in their order of record).
    /// <paramref name="named"/> is null when the user reads every name: the order is then the names' index.
    /// </summary>
    private static IQueryable<PlacedCooperant> Sort(IQueryable<PlacedCooperant> query, IQueryable<Cooperant>? named, string key, bool descending)
    {
        var english = Names.English;
        Expression<Func<PlacedCooperant, string?>> name = named is null
            ? x => x.Cooperant.NormalizedName
            : x => named.Any(c => c.Id == x.Cooperant.Id) ? x.Cooperant.NormalizedName : null;
        // Coopérants without a posting come last whichever the direction.
        var placedFirst = query.OrderBy(x => x.Posting == null);
        var ordered = key switch
        {
            "administration" => english
                ? By(query, x => x.Cooperant.Administration!.NameEn, descending)
                : By(query, x => x.Cooperant.Administration!.NameFr, descending),
            "country" => english
                ? Then(placedFirst, x => x.Posting!.Country!.NameEn, descending)
                : Then(placedFirst, x => x.Posting!.Country!.NameFr, descending),
            "start" => Then(placedFirst, x => x.Posting!.StartDate, descending),
            _ => named is null ? By(query, name, descending) : Then(query.OrderBy(x => !named.Any(c => c.Id == x.Cooperant.Id)), name, descending),
        };
        return key == "name" ? ordered.ThenBy(x => x.Cooperant.Id) : ordered.ThenBy(name).ThenBy(x => x.Cooperant.Id);
    }

    private static IOrderedQueryable<PlacedCooperant> By<TKey>(IQueryable<PlacedCooperant> query,
        Expression<Func<PlacedCooperant, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static IOrderedQueryable<PlacedCooperant> Then<TKey>(IOrderedQueryable<PlacedCooperant> query,
        Expression<Func<PlacedCooperant, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    /// <summary>A line as read; the names are null where the user may not read them.</summary>
    private sealed record Row(
        int Id, string? FirstName, string? LastName, string AdministrationCode, string AdministrationFr, string AdministrationEn,
        string Rank, int? CountryId, string? Iso2, string? CountryFr, string? CountryEn, string? Organisation,
        string? PositionTitle, DateOnly? StartDate, DateOnly? PlannedEndDate, DateOnly? ActualEndDate);

    /// <summary>
    /// <paramref name="every"/>: the user reads every name (<see cref="Access.ReadsEveryCooperant"/>). A captured bool, which
    /// EF Core folds as it reads the tree (as <c>ListPostings</c>): the SQL then tests no name.
    /// </summary>
    private static IQueryable<Row> Project(IQueryable<PlacedCooperant> query, IQueryable<Cooperant> named, bool every) =>
        query.Select(x => new Row(
            x.Cooperant.Id,
            every || named.Any(c => c.Id == x.Cooperant.Id) ? x.Cooperant.FirstName : null,
            every || named.Any(c => c.Id == x.Cooperant.Id) ? x.Cooperant.LastName : null,
            x.Cooperant.Administration!.Code, x.Cooperant.Administration.NameFr, x.Cooperant.Administration.NameEn,
            x.Cooperant.Rank, x.Posting == null ? null : (int?)x.Posting.CountryId,
            x.Posting == null ? null : x.Posting.Country!.Iso2, x.Posting == null ? null : x.Posting.Country!.NameFr,
            x.Posting == null ? null : x.Posting.Country!.NameEn,
            x.Posting == null || x.Posting.Organisation == null ? null : x.Posting.Organisation.Acronym,
            x.Posting == null ? null : x.Posting.PositionTitle,
            x.Posting == null ? null : (DateOnly?)x.Posting.StartDate,
            x.Posting == null ? null : (DateOnly?)x.Posting.PlannedEndDate,
            x.Posting == null ? null : x.Posting.ActualEndDate));

    private IReadOnlyList<CooperantListItem> Show(List<Row> rows)
    {
        var today = clock.Today();
        var items = new List<CooperantListItem>(rows.Count);
        foreach (var r in rows)
        {
            var visible = r.LastName is not null;
            items.Add(new CooperantListItem(
                r.Id, PersonalData.Show(visible, r.FirstName)!, PersonalData.Show(visible, r.LastName)!,
                r.AdministrationCode, Names.Pick(r.AdministrationFr, r.AdministrationEn), r.Rank, r.Iso2,
                r.CountryFr is null ? null : Names.Pick(r.CountryFr, r.CountryEn!), r.Organisation, r.PositionTitle,
                r.StartDate, r.PlannedEndDate, CooperantStatus.Of(r.StartDate, r.ActualEndDate, today), !visible));
        }
        return items;
    }
}
