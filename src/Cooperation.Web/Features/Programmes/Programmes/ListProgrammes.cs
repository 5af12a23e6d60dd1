using System.Text.Json.Serialization;
using Cooperation.Web.Features.Programmes.FollowUp;
using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>A programme as lists show it: partner, year, status, budget, its completion so far and its lines off course.</summary>
public record ProgrammeRow(
    int Id, string Country, string CountryName, string? Organisation, string? Zone, string? ZoneName, int Year, string Status, string StatusName,
    int Lines, decimal? Budget, decimal? Completion, int OffCourse, long Version)
{
    [JsonIgnore] public ProgrammeStatus StatusValue { get; init; }
    /// <summary>The country's numeric ISO code, the id of its shape on the programmes' map.</summary>
    [JsonIgnore] public string CountryNumericCode { get; init; } = "";
}

/// <summary>
/// The programmes the user reads (<see cref="Access.VisibleProgrammes"/>: a desk officer's zones, the world for the
/// director and the auditor), filtered, sorted and paged, each with its completion computed from the records.
/// </summary>
public class ListProgrammes(CooperationDbContext db, Access access, ComputeFollowUp followUp, FigureCache cache, TimeProvider clock,
    IStringLocalizer<ListProgrammes> text)
    : IListUseCase<ListProgrammes.Query, ProgrammeRow>
{
    public record Query
    {
        /// <summary>The year planned.</summary>
        public int? Year { get; init; }
        /// <summary>ISO2 codes of partner countries (several separated by commas).</summary>
        public string? Country { get; init; }
        /// <summary>Code of the country's zone (AFS, AFN, MOY...).</summary>
        public string? Zone { get; init; }
        /// <summary>draft, submitted, approved, returned, revised or closed.</summary>
        public string? Status { get; init; }
        /// <summary>country, year, status, budget or completion; a leading "-" sorts descending (default -year).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["country", "year", "status", "budget", "completion"];

    public async Task<Paged<ProgrammeRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesProgrammes);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var (key, descending) = SortOf(query.Sort);
        if (key == "completion")
        {
            // Completion is counted, not stored: the whole filtered list is counted, then ordered (a year's programmes, some sixty).
            var all = await RowsAsync(Sort(filtered, "country", false), ct);
            var ordered = descending ? all.OrderByDescending(r => r.Completion ?? -1) : all.OrderBy(r => r.Completion ?? -1);
            return new Paged<ProgrammeRow>(ordered.ThenBy(r => r.Id).Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size);
        }
        var rows = await RowsAsync(Sort(filtered, key, descending).PageOf(page, size), ct);
        var total = await Paging.TotalAsync(page, size, rows.Count,
            () => cache.CountAsync(nameof(ListProgrammes), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct));
        return new Paged<ProgrammeRow>(rows, total, page, size);
    }

    public async Task<IReadOnlyList<ProgrammeRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesProgrammes);
        var (key, descending) = SortOf(query.Sort);
        var rows = await RowsAsync(Sort(Filter(query), key == "completion" ? "country" : key, descending), ct);
        return key == "completion" ? (descending ? rows.OrderByDescending(r => r.Completion ?? -1) : rows.OrderBy(r => r.Completion ?? -1)).ToList() : rows;
    }

    internal IQueryable<Programme> Filter(Query query)
    {
        var q = access.VisibleProgrammes(db.Programmes.AsNoTracking());
        if (query.Year is { } year) q = q.Where(p => p.Year == year);
        if (ListFilters.Codes(query.Country) is { } iso2) q = q.Where(p => iso2.Contains(p.Country!.Iso2));
        if (!string.IsNullOrWhiteSpace(query.Zone))
        {
            var zone = query.Zone.Trim().ToUpperInvariant();
            q = q.Where(p => p.Country!.Zone!.Code == zone);
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
            q = ProjectCodes.Parse<ProgrammeStatus>(query.Status) is { } status ? q.Where(p => p.Status == status) : q.Where(_ => false);
        return q;
    }

    private static (string Key, bool Descending) SortOf(string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        return key is null || !Sorts.Contains(key) ? ("year", true) : (key, descending);
    }

    private static IQueryable<Programme> Sort(IQueryable<Programme> q, string key, bool descending)
    {
        IOrderedQueryable<Programme> ordered = key switch
        {
            "country" when Names.English => descending ? q.OrderByDescending(p => p.Country!.NameEn) : q.OrderBy(p => p.Country!.NameEn),
            "country" => descending ? q.OrderByDescending(p => p.Country!.NameFr) : q.OrderBy(p => p.Country!.NameFr),
            "status" => descending ? q.OrderByDescending(p => p.Status) : q.OrderBy(p => p.Status),
            "budget" => descending ? q.OrderByDescending(p => p.Lines.Sum(l => (double)l.Budget)) : q.OrderBy(p => p.Lines.Sum(l => (double)l.Budget)),
            _ => descending ? q.OrderByDescending(p => p.Year) : q.OrderBy(p => p.Year),
        };
        return descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
    }

    private async Task<List<ProgrammeRow>> RowsAsync(IQueryable<Programme> q, CancellationToken ct)
    {
        var data = await q.Select(p => new
        {
            p.Id, p.CountryId, p.OrganisationId, p.Country!.Iso2, p.Country.NumericCode, p.Country.NameFr, p.Country.NameEn, Organisation = p.Organisation!.Acronym,
            Zone = p.Country.Zone!.Code, ZoneFr = p.Country.Zone.NameFr, ZoneEn = p.Country.Zone.NameEn, p.Year, p.Status, p.Baseline, p.Version,
        }).ToListAsync(ct);
        var ids = data.Select(d => d.Id).ToList();
        var onlyTraining = access.ReadsOnlyProgrammeTraining;
        var tallies = await LineTalliesAsync(ct);
        // The follow-up is an aggregate of the records: counted once for these programmes, then kept like the other figures.
        var done = await cache.GetOrComputeAsync("programme-follow-up", access, string.Join(',', ids), clock.Today(), async () =>
        {
            var lines = (await db.ProgrammeLines.AsNoTracking().Where(l => ids.Contains(l.ProgrammeId))
                    .Where(l => !onlyTraining || l.Mode == ProgrammeMode.Training).OrderBy(l => l.Number).ToListAsync(ct))
                .ToLookup(l => l.ProgrammeId);
            return await followUp.HandleAsync(data.Select(d => new ProgrammeKey(d.Id, d.CountryId, d.OrganisationId, d.Year,
                lines[d.Id].Select(l => (l.Number, l.Terms)).ToList(), d.Baseline)).ToList(), withBudgets: !onlyTraining, ct);
        });
        return data.Select(d =>
        {
            var lines = tallies.GetValueOrDefault(d.Id, LineTally.None);
            return new ProgrammeRow(
                d.Id, d.Iso2, Names.Pick(d.NameFr, d.NameEn), d.Organisation, d.Zone, d.Zone is null ? null : Names.Pick(d.ZoneFr, d.ZoneEn), d.Year,
                ProjectCodes.Of(d.Status), d.Status.Name(text), onlyTraining ? lines.Training : lines.Lines, onlyTraining ? null : lines.Budget,
                done[d.Id].Completion, done[d.Id].OffCourse, d.Version) { StatusValue = d.Status, CountryNumericCode = d.NumericCode };
        }).ToList();
    }

    /// <summary>A programme's lines: how many, how many of training, and their budget in euros.</summary>
    private sealed record LineTally(int Lines, int Training, decimal Budget)
    {
        public static readonly LineTally None = new(0, 0, 0m);
    }

    /// <summary>
    /// Every programme's lines counted and added up once and kept like the figures
    /// (<see cref="FigureCache.GetOrComputeSharedAsync{T}"/>, counted again after any write): a page had read its
    /// programmes' lines whole (74 for 25 programmes) in a second statement to count them.
    /// </summary>
    private Task<Dictionary<int, LineTally>> LineTalliesAsync(CancellationToken ct) =>
        cache.GetOrComputeSharedAsync("programmes:lines", async () => (await db.ProgrammeLines.AsNoTracking().GroupBy(l => l.ProgrammeId)
                .Select(g => new { g.Key, Lines = g.Count(), Training = g.Count(l => l.Mode == ProgrammeMode.Training), Budget = g.Sum(l => l.Budget) })
                .ToListAsync(ct))
            .ToDictionary(g => g.Key, g => new LineTally(g.Lines, g.Training, g.Budget)), byLanguage: false);
}
