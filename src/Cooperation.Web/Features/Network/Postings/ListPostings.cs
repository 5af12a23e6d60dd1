using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace Cooperation.Web.Features.Network.Postings;

/// <summary>
/// A posting as lists and the API show it. The coopérant's name is <see cref="PersonalData.Redacted"/> where the
/// user may not read it on his record (<see cref="Access.NamedCooperantsAsync"/>: the country that places him today,
/// not the posting's, decides); place, position and dates are not personal.
/// </summary>
public record PostingRow(
    int Id, int CooperantId, string CooperantName, string Administration, string AdministrationName, string Country,
    string CountryName, string? Zone, string? Organisation, string? OrganisationName, string HostAuthorityType,
    string HostAuthorityTypeName, string HostAuthorityName, string PositionTitle, DateOnly StartDate,
    DateOnly PlannedEndDate, DateOnly? ActualEndDate, bool Active, long Version)
{
    /// <summary>The host country's record id, for scope checks of the pages (the API speaks in ISO2 codes).</summary>
    [JsonIgnore] public int CountryId { get; init; }

    /// <summary>The project the posting serves (the one chain), if any.</summary>
    public int? ProjectId { get; init; }
    public string? ProjectTitle { get; init; }

    /// <summary>Where the coopérant serves: the organisation, or else the country.</summary>
    public string DestinationName => Organisation is null ? CountryName : $"{Organisation} ({CountryName})";
}

/// <summary>Postings of the user's scope, filtered, sorted and paged; or all of them for an export.</summary>
public class ListPostings(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock) : IListUseCase<ListPostings.Query, PostingRow>
{
    public record Query
    {
        /// <summary>ISO2 code of the host country (an organisation's seat counts as its country).</summary>
        public string? Country { get; init; }
        /// <summary>Acronym of the host organisation.</summary>
        public string? Organisation { get; init; }
        /// <summary>Code of the zone of the host country.</summary>
        public string? Zone { get; init; }
        /// <summary>Code of the coopérant's home administration.</summary>
        public string? Administration { get; init; }
        /// <summary>true: postings running today; false: ended or not yet started.</summary>
        public bool? Active { get; init; }
        public int? CooperantId { get; init; }
        /// <summary>start, end, country or name; a leading "-" sorts descending (default -start).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>Postings running today that end (actual or planned end) on or before this date: those to replace.</summary>
        public DateOnly? EndingBy { get; init; }
        /// <summary>Postings running on that day (the annual report's network at the end of its year).</summary>
        public DateOnly? ActiveOn { get; init; }
        /// <summary>Postings that started in that calendar year.</summary>
        public int? StartedIn { get; init; }
        /// <summary>Postings that ended (actual end) in that calendar year.</summary>
        public int? EndedIn { get; init; }
    }

    public static readonly string[] Sorts = ["start", "end", "country", "name"];

    public async Task<Paged<PostingRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var total = await cache.CountAsync(nameof(ListPostings), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct);
        var named = await access.NamedCooperantsAsync(ct);
        var data = await Sort(filtered, query.Sort, named).PageOf(page, pageSize).Select(Projection(named, access.ReadsEveryCooperant)).ToPageAsync(total, page, pageSize, ct);
        return new Paged<PostingRow>(Rows(data), total, page, pageSize);
    }

    /// <summary>The whole filtered list, in the same order, for an export.</summary>
    public async Task<IReadOnlyList<PostingRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        var named = await access.NamedCooperantsAsync(ct);
        var data = await Sort(Filter(query), query.Sort, named).Select(Projection(named, access.ReadsEveryCooperant)).ToListAsync(ct);
        return Rows(data);
    }

    /// <summary>One posting; not found when it does not exist or lies outside the user's scope.</summary>
    public async Task<PostingRow> GetAsync(int id, CancellationToken ct = default)
    {
        var data = await db.Postings.AsNoTracking().VisibleTo(access).Where(p => p.Id == id)
            .Select(Projection(await access.NamedCooperantsAsync(ct), access.ReadsEveryCooperant)).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
        return Rows([data])[0];
    }

    /// <summary>The countries where the user sees postings, for the list's country filter.</summary>
    public Task<IReadOnlyCollection<int>> CountriesInUseAsync(CancellationToken ct = default) => db.Postings.CountriesAsync(access, ct);

    /// <summary>The postings the list shows for these filters, unsorted: what the annual report counts.</summary>
    internal IQueryable<Posting> Filter(Query query)
    {
        var q = db.Postings.AsNoTracking().VisibleTo(access).At(query.Country, query.Organisation, query.Zone);
        if (PlaceQueries.Code(query.Administration) is { } administration) q = q.Where(p => p.Cooperant!.Administration!.Code == administration);
        if (query.CooperantId is { } cooperantId) q = q.Where(p => p.CooperantId == cooperantId);
        if (query.Active is { } active) q = active ? q.ActiveOn(clock.Today()) : q.NotActiveOn(clock.Today());
        if (query.EndingBy is { } by) q = q.ActiveOn(clock.Today()).Where(p => (p.ActualEndDate ?? p.PlannedEndDate) <= by);
        if (query.ActiveOn is { } on) q = q.ActiveOn(on);
        if (query.StartedIn is { } started)
        {
            var (first, last) = Calendar.YearBounds(started);
            q = q.Where(p => p.StartDate >= first && p.StartDate <= last);
        }
        if (query.EndedIn is { } ended)
        {
            var (first, last) = Calendar.YearBounds(ended);
            q = q.Where(p => p.ActualEndDate >= first && p.ActualEndDate <= last);
        }
        return q;
    }

    /// <summary>Sorted; by name, only names the user reads count (the others come last, by start), so that their order tells nothing.</summary>
    private static IQueryable<Posting> Sort(IQueryable<Posting> q, string? sort, IQueryable<Cooperant> named)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("start", true);
        Expression<Func<Posting, string?>> name = p => named.Any(c => c.Id == p.CooperantId) ? p.Cooperant!.NormalizedName : null;
        IOrderedQueryable<Posting> ordered = key switch
        {
            "end" => descending ? q.OrderByDescending(p => p.ActualEndDate ?? p.PlannedEndDate) : q.OrderBy(p => p.ActualEndDate ?? p.PlannedEndDate),
            "country" when Names.English => descending ? q.OrderByDescending(p => p.Country!.NameEn) : q.OrderBy(p => p.Country!.NameEn),
            "country" => descending ? q.OrderByDescending(p => p.Country!.NameFr) : q.OrderBy(p => p.Country!.NameFr),
            "name" => descending
                ? q.OrderBy(p => !named.Any(c => c.Id == p.CooperantId)).ThenByDescending(name).ThenByDescending(p => p.StartDate)
                : q.OrderBy(p => !named.Any(c => c.Id == p.CooperantId)).ThenBy(name).ThenBy(p => p.StartDate),
            _ => descending ? q.OrderByDescending(p => p.StartDate) : q.OrderBy(p => p.StartDate),
        };
        return descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
    }

    private IReadOnlyList<PostingRow> Rows(List<PostingData> data)
    {
        var today = clock.Today();
        return data.Select(d => new PostingRow(
            d.Id, d.CooperantId,
            PersonalData.Show(d.LastName is not null, $"{d.FirstName} {d.LastName?.ToUpperInvariant()}")!,
            d.AdministrationCode, Names.Pick(d.AdministrationFr, d.AdministrationEn),
            d.Iso2, Names.Pick(d.CountryFr, d.CountryEn), d.ZoneCode,
            d.OrganisationAcronym, d.OrganisationAcronym is null ? null : Names.Pick(d.OrganisationFr!, d.OrganisationEn!),
            d.TypeCode, Names.Pick(d.TypeFr, d.TypeEn), d.HostAuthorityName, d.PositionTitle,
            d.StartDate, d.PlannedEndDate, d.ActualEndDate, Posting.IsActive(d.StartDate, d.ActualEndDate, today),
            d.Version) { CountryId = d.CountryId, ProjectId = d.ProjectId, ProjectTitle = d.ProjectTitle }).ToList();
    }

    private sealed record PostingData(
        int Id, int CooperantId, string? FirstName, string? LastName,
        string AdministrationCode, string AdministrationFr, string AdministrationEn,
        int CountryId, string Iso2, string CountryFr, string CountryEn, string? ZoneCode,
        string? OrganisationAcronym, string? OrganisationFr, string? OrganisationEn,
        string TypeCode, string TypeFr, string TypeEn, string HostAuthorityName, string PositionTitle,
        DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ActualEndDate, long Version, int? ProjectId, string? ProjectTitle);

    /// <summary>
    /// The posting as read; the coopérant's names only where the user reads them. For a reader of every coopérant
    /// (<see cref="Access.ReadsEveryCooperant"/>) the test drops out of the SQL (EF Core folds a condition on a captured
    /// bool, and keeps a statement for each value): PostgreSQL otherwise hashes every coopérant's id for each page (3.6 ms
    /// against 0.8 ms at scale 10).
    /// </summary>
    private static Expression<Func<Posting, PostingData>> Projection(IQueryable<Cooperant> named, bool everyone) => p => new PostingData(
        p.Id, p.CooperantId,
        everyone || named.Any(c => c.Id == p.CooperantId) ? p.Cooperant!.FirstName : null,
        everyone || named.Any(c => c.Id == p.CooperantId) ? p.Cooperant!.LastName : null,
        p.Cooperant!.Administration!.Code, p.Cooperant.Administration.NameFr, p.Cooperant.Administration.NameEn,
        p.CountryId, p.Country!.Iso2, p.Country.NameFr, p.Country.NameEn, p.Country.Zone!.Code,
        p.Organisation!.Acronym, p.Organisation.NameFr, p.Organisation.NameEn,
        p.HostAuthorityType!.Code, p.HostAuthorityType.NameFr, p.HostAuthorityType.NameEn, p.HostAuthorityName, p.PositionTitle,
        p.StartDate, p.PlannedEndDate, p.ActualEndDate, p.Version, p.ProjectId, p.Project!.Title);
}
