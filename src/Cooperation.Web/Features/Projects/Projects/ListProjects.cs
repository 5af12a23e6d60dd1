using System.Text.Json.Serialization;

namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>
/// A project as lists show it: where (its zone and its countries or regions), its status, dates, EU involvement, operator,
/// and its money in euros (planned budget, disbursed so far).
/// </summary>
public record ProjectRow(
    int Id, string Title, string Zone, string ZoneName, string Priority, IReadOnlyList<string> Places, string PlacesNames,
    string Status, string StatusName, DateOnly StartDate, DateOnly EndDate, bool EuFunded, string? EuMode, string? Operator,
    IReadOnlyList<string> Domains, decimal PlannedBudget, decimal Disbursed, long Version)
{
    [JsonIgnore] public int ZoneId { get; init; }
}

/// <summary>The projects the user may read (<see cref="Access.VisibleProjects"/>), filtered, sorted and paged.</summary>
public class ListProjects(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock, IStringLocalizer<ListProjects> text) : IListUseCase<ListProjects.Query, ProjectRow>
{
    public record Query
    {
        /// <summary>ISO2 code of a country where the project takes place.</summary>
        public string? Country { get; init; }
        /// <summary>Code of the project's zone (AFS, AFN, MOY, ASE...).</summary>
        public string? Zone { get; init; }
        /// <summary>identified, inPreparation, approved, running, closed, evaluated or abandoned.</summary>
        public string? Status { get; init; }
        /// <summary>true: EU-funded projects only; false: the others.</summary>
        public bool? EuFunded { get; init; }
        /// <summary>Code of a field of cooperation of the project.</summary>
        public string? Domain { get; init; }
        /// <summary>Projects running at some time of that year (start ≤ 31 December, end ≥ 1 January).</summary>
        public int? Year { get; init; }
        /// <summary>Words of the title.</summary>
        public string? Search { get; init; }
        /// <summary>title, start, end, status or zone; a leading "-" sorts descending (default -start).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["title", "start", "end", "status", "zone"];

    public async Task<Paged<ProjectRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesProjects);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var total = await cache.CountAsync(nameof(ListProjects), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct);
        var data = await Sort(filtered, query.Sort).PageOf(page, size).Select(Projection).ToPageAsync(total, page, size, ct);
        return new Paged<ProjectRow>(await RowsAsync(data, ct), total, page, size);
    }

    public async Task<IReadOnlyList<ProjectRow>> AllAsync(Query query, CancellationToken ct = default) =>
        await RowsAsync(await Sort(Filter(query), query.Sort).Select(Projection).ToListAsync(ct), ct);

    private async Task<List<ProjectRow>> RowsAsync(List<ProjectData> data, CancellationToken ct)
    {
        var money = await MoneyAsync(ct);
        var terms = await TermsAsync();
        return data.Select(d => Row(d, money, terms)).ToList();
    }

    /// <summary>
    /// Every project's places (named in the user's language) and fields, read once a language and kept like the figures
    /// (<see cref="FigureCache.GetOrComputeSharedAsync{T}"/>, read again after any write): a page's rows take theirs from
    /// it, so that the page is one statement. Read with each page, they had been two more statements a request on
    /// SQLite (or a product of rows sorted on PostgreSQL), and six names read a place.
    /// </summary>
    private Task<Dictionary<int, ProjectTerms>> TermsAsync() =>
        cache.GetOrComputeSharedAsync("projects:places", async () =>
        {
            var places = await db.ProjectLocations.AsNoTracking().OrderBy(l => l.ProjectId).ThenBy(l => l.Id)
                .Select(l => new { l.ProjectId, Iso2 = l.Country!.Iso2, CountryFr = l.Country.NameFr, CountryEn = l.Country.NameEn,
                    ZoneCode = l.Zone!.Code, ZoneFr = l.Zone.NameFr, ZoneEn = l.Zone.NameEn })
                .ToListAsync();
            var byProject = places.ToLookup(l => l.ProjectId);
            var domains = (await db.Projects.AsNoTracking().SelectMany(p => p.Domains, (p, d) => new { ProjectId = p.Id, DomainId = d.Id, d.Code })
                    .OrderBy(d => d.ProjectId).ThenBy(d => d.DomainId).ToListAsync())
                .ToLookup(d => d.ProjectId, d => d.Code);
            return byProject.Select(g => g.Key).Union(domains.Select(d => d.Key)).ToDictionary(id => id, id => new ProjectTerms(
                byProject[id].Select(l => l.Iso2 ?? l.ZoneCode!).ToList(),
                string.Join(", ", byProject[id].Select(l => l.Iso2 is null ? Names.Pick(l.ZoneFr!, l.ZoneEn!) : Names.Pick(l.CountryFr!, l.CountryEn!))),
                domains[id].ToList()));
        });

    /// <summary>
    /// Every project's planned budget and disbursements in euros, summed once and kept like the figures
    /// (<see cref="FigureCache"/>): two sums a row and a request had cost more than reading the page.
    /// </summary>
    private Task<Dictionary<int, (decimal Planned, decimal Disbursed)>> MoneyAsync(CancellationToken ct) =>
        cache.GetOrComputeAsync("projects:money", access, "", clock.Today(), async () =>
        {
            var planned = await db.BudgetLines.AsNoTracking().GroupBy(b => b.ProjectId)
                .Select(g => new { g.Key, Sum = g.Sum(b => b.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
            var disbursed = await db.ProjectTransactions.AsNoTracking().Where(t => t.Kind == TransactionKind.Disbursement).GroupBy(t => t.ProjectId)
                .Select(g => new { g.Key, Sum = g.Sum(t => t.EuroValue) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
            return planned.Keys.Union(disbursed.Keys)
                .ToDictionary(id => id, id => (planned.GetValueOrDefault(id), disbursed.GetValueOrDefault(id)));
        });

    /// <summary>The projects an action (posting, session) may be attached to: those the user reads, by title.</summary>
    public async Task<IReadOnlyList<(int Id, string Title, ProjectStatus Status)>> ChoicesAsync(CancellationToken ct = default) =>
        (await access.VisibleProjects(db.Projects.AsNoTracking()).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.Status }).ToListAsync(ct))
        .Select(p => (p.Id, p.Title, p.Status)).ToList();

    /// <summary>What the list shows for these filters, unsorted: what the annual report counts.</summary>
    internal IQueryable<Project> Filter(Query query)
    {
        var q = access.VisibleProjects(db.Projects.AsNoTracking());
        if (ListFilters.Codes(query.Country) is { } iso2) q = q.Where(p => p.Locations.Any(l => iso2.Contains(l.Country!.Iso2)));
        if (Code(query.Zone) is { } zone) q = q.Where(p => p.Zone!.Code == zone);
        if (!string.IsNullOrWhiteSpace(query.Status))
            q = ProjectCodes.Parse<ProjectStatus>(query.Status) is { } status ? q.Where(p => p.Status == status) : q.Where(_ => false);
        if (query.EuFunded is { } eu) q = q.Where(p => p.EuFunded == eu);
        if (Code(query.Domain) is { } domain) q = q.Where(p => p.Domains.Any(d => d.Code == domain));
        if (query.Year is { } year)
        {
            var (first, last) = (new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), new DateOnly(Math.Clamp(year, 1, 9999), 12, 31));
            q = q.Where(p => p.StartDate <= last && p.EndDate >= first);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
            foreach (var word in query.Search.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                q = q.Where(p => p.Title.ToUpper().Contains(word));
        return q;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static IQueryable<Project> Sort(IQueryable<Project> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("start", true);
        IOrderedQueryable<Project> ordered = key switch
        {
            "title" => descending ? q.OrderByDescending(p => p.Title) : q.OrderBy(p => p.Title),
            "end" => descending ? q.OrderByDescending(p => p.EndDate) : q.OrderBy(p => p.EndDate),
            "status" => descending ? q.OrderByDescending(p => p.Status) : q.OrderBy(p => p.Status),
            "zone" when Names.English => descending ? q.OrderByDescending(p => p.Zone!.NameEn) : q.OrderBy(p => p.Zone!.NameEn),
            "zone" => descending ? q.OrderByDescending(p => p.Zone!.NameFr) : q.OrderBy(p => p.Zone!.NameFr),
            _ => descending ? q.OrderByDescending(p => p.StartDate) : q.OrderBy(p => p.StartDate),
        };
        return descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
    }

    private ProjectRow Row(ProjectData d, Dictionary<int, (decimal Planned, decimal Disbursed)> money, Dictionary<int, ProjectTerms> terms)
    {
        var t = terms.GetValueOrDefault(d.Id) ?? ProjectTerms.None;
        return new(
            d.Id, d.Title, d.ZoneCode, Names.Pick(d.ZoneFr, d.ZoneEn), d.Priority.ToString(), t.Places, t.PlacesNames,
            ProjectCodes.Of(d.Status), d.Status.Name(text), d.StartDate, d.EndDate, d.EuFunded, ProjectCodes.Of(d.EuMode), d.Operator,
            t.Domains, money.GetValueOrDefault(d.Id).Planned, money.GetValueOrDefault(d.Id).Disbursed, d.Version) { ZoneId = d.ZoneId };
    }

    /// <summary>A project's places (codes, and names joined in the user's language, in the order recorded) and fields of cooperation.</summary>
    private sealed record ProjectTerms(IReadOnlyList<string> Places, string PlacesNames, IReadOnlyList<string> Domains)
    {
        public static readonly ProjectTerms None = new([], "", []);
    }

    private sealed record ProjectData(
        int Id, string Title, int ZoneId, string ZoneCode, string ZoneFr, string ZoneEn, StrategicPriority Priority,
        ProjectStatus Status, DateOnly StartDate, DateOnly EndDate, bool EuFunded, EuInvolvementMode? EuMode, string? Operator, long Version);

    private static readonly System.Linq.Expressions.Expression<Func<Project, ProjectData>> Projection = p => new ProjectData(
        p.Id, p.Title, p.ZoneId, p.Zone!.Code, p.Zone.NameFr, p.Zone.NameEn, p.Zone.Priority,
        p.Status, p.StartDate, p.EndDate, p.EuFunded, p.EuMode, p.Operator!.Code, p.Version);
}
