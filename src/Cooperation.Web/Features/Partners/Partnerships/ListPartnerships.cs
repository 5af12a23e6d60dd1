using System.Linq.Expressions;

namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>A partnership as lists show it: its organisation, agreement, period, whether it runs or is due for renewal, and its actions counted.</summary>
public record PartnershipRow(
    int Id, string Organisation, string OrganisationName, string AgreementTitle, string AgreementReference, DateOnly? SignedOn,
    DateOnly StartDate, DateOnly EndDate, string Status, string StatusName, bool DueForRenewal,
    IReadOnlyList<string> Domains, IReadOnlyList<string> Countries, IReadOnlyList<string> Zones,
    int Sessions, int Postings, int Projects, long Version);

/// <summary>The partnerships the user may read (<see cref="Access.VisiblePartnerships"/>), filtered, sorted and paged.</summary>
public class ListPartnerships(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock, IStringLocalizer<ListPartnerships> text)
    : IListUseCase<ListPartnerships.Query, PartnershipRow>
{
    public record Query
    {
        /// <summary>Acronym of the organisation.</summary>
        public string? Organisation { get; init; }
        /// <summary>Code of a region: partnerships whose scope holds it or one of its countries.</summary>
        public string? Zone { get; init; }
        /// <summary>ISO2 of a country the scope holds.</summary>
        public string? Country { get; init; }
        /// <summary>Code of a field it covers.</summary>
        public string? Domain { get; init; }
        /// <summary>running, upcoming or ended (today).</summary>
        public string? Status { get; init; }
        /// <summary>true: the agreements ending within six months (due for renewal).</summary>
        public bool? Renewal { get; init; }
        /// <summary>Words of the agreement's title or reference.</summary>
        public string? Search { get; init; }
        /// <summary>organisation, title, reference, start or end; "-" first for descending (default end).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>Partnerships whose agreement runs at some time of that calendar year.</summary>
        public int? Year { get; init; }
    }

    public static readonly string[] Sorts = ["organisation", "title", "reference", "start", "end"];
    public static readonly string[] Statuses = ["running", "upcoming", "ended"];

    public async Task<Paged<PartnershipRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesPartnerships);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var rows = await Sort(filtered, query.Sort).PageOf(page, size).Select(Projection).ToListAsync(ct);
        var total = await Paging.TotalAsync(page, size, rows.Count, () => filtered.CountAsync(ct));
        var (actions, coverage) = (await ActionsAsync(ct), await CoverageAsync());
        return new Paged<PartnershipRow>(rows.Select(d => Row(d, actions, coverage)).ToList(), total, page, size);
    }

    public async Task<IReadOnlyList<PartnershipRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesPartnerships);
        var rows = await Sort(Filter(query), query.Sort).Select(Projection).ToListAsync(ct);
        var (actions, coverage) = (await ActionsAsync(ct), await CoverageAsync());
        return rows.Select(d => Row(d, actions, coverage)).ToList();
    }

    /// <summary>One partnership as a row; not found out of sight.</summary>
    public async Task<PartnershipRow> GetAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesPartnerships);
        var data = await access.VisiblePartnerships(db.Partnerships.AsNoTracking()).Where(p => p.Id == id).Select(Projection).SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        return Row(data, await ActionsAsync(ct), await CoverageAsync());
    }

    /// <summary>What the list shows for these filters, unsorted: what the annual report counts.</summary>
    internal IQueryable<Partnership> Filter(Query query)
    {
        var q = access.VisiblePartnerships(db.Partnerships.AsNoTracking());
        var today = clock.Today();
        if (Code(query.Organisation) is { } organisation) q = q.Where(p => p.Organisation!.Acronym == organisation);
        if (Code(query.Zone) is { } zone) q = q.Where(p => p.Zones.Any(z => z.Code == zone) || p.Countries.Any(c => c.Zone!.Code == zone));
        if (ListFilters.Codes(query.Country) is { } country) q = q.Where(p => p.Countries.Any(c => country.Contains(c.Iso2)));
        if (Code(query.Domain) is { } domain) q = q.Where(p => p.Domains.Any(d => d.Code == domain));
        switch (query.Status?.Trim().ToLowerInvariant())
        {
            case null or "": break;
            case "running": q = q.Where(p => p.StartDate <= today && p.EndDate >= today); break;
            case "upcoming": q = q.Where(p => p.StartDate > today); break;
            case "ended": q = q.Where(p => p.EndDate < today); break;
            default: throw FieldErrors.One(text, "status", "common.unknown", text["Statut"].Value, query.Status.Trim());
        }
        if (query.Renewal == true)
        {
            var limit = Partnership.RenewalLimit(today);
            q = q.Where(p => p.EndDate >= today && p.EndDate <= limit);
        }
        if (query.Year is { } year)
        {
            var (first, last) = Calendar.YearBounds(year);
            q = q.Where(p => p.StartDate <= last && p.EndDate >= first);
        }
        foreach (var word in (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            q = q.Where(p => p.AgreementTitle.Contains(word) || p.AgreementReference.Contains(word));
        return q;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static IQueryable<Partnership> Sort(IQueryable<Partnership> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("end", false);
        IOrderedQueryable<Partnership> ordered = key switch
        {
            "organisation" => descending ? q.OrderByDescending(p => p.Organisation!.Acronym) : q.OrderBy(p => p.Organisation!.Acronym),
            "title" => descending ? q.OrderByDescending(p => p.AgreementTitle) : q.OrderBy(p => p.AgreementTitle),
            "reference" => descending ? q.OrderByDescending(p => p.AgreementReference) : q.OrderBy(p => p.AgreementReference),
            "start" => descending ? q.OrderByDescending(p => p.StartDate) : q.OrderBy(p => p.StartDate),
            _ => descending ? q.OrderByDescending(p => p.EndDate) : q.OrderBy(p => p.EndDate),
        };
        return ordered.ThenBy(p => p.Id);
    }

    private sealed record Data(
        int Id, string Acronym, string NameFr, string NameEn, string Title, string Reference, DateOnly? SignedOn, DateOnly Start, DateOnly End, long Version);

    /// <summary>What a partnership covers: its fields, countries and regions, named in the user's language and sorted.</summary>
    private sealed record Coverage(IReadOnlyList<string> Domains, IReadOnlyList<string> Countries, IReadOnlyList<string> Zones)
    {
        public static readonly Coverage None = new([], [], []);
    }

    /// <summary>
    /// What every partnership covers, read once a language and kept like the figures
    /// (<see cref="FigureCache.GetOrComputeSharedAsync{T}"/>, read again after any write): a page's rows take theirs
    /// from it, so that the page is one statement instead of four on SQLite (or a product of rows on PostgreSQL).
    /// </summary>
    private Task<Dictionary<int, Coverage>> CoverageAsync() =>
        cache.GetOrComputeSharedAsync("partnerships:coverage", async () =>
        {
            var domains = (await db.Partnerships.AsNoTracking().SelectMany(p => p.Domains, (p, d) => new { p.Id, d.NameFr, d.NameEn }).ToListAsync())
                .ToLookup(n => n.Id, n => Names.Pick(n.NameFr, n.NameEn));
            var countries = (await db.Partnerships.AsNoTracking().SelectMany(p => p.Countries, (p, c) => new { p.Id, c.NameFr, c.NameEn }).ToListAsync())
                .ToLookup(n => n.Id, n => Names.Pick(n.NameFr, n.NameEn));
            var zones = (await db.Partnerships.AsNoTracking().SelectMany(p => p.Zones, (p, z) => new { p.Id, z.NameFr, z.NameEn }).ToListAsync())
                .ToLookup(n => n.Id, n => Names.Pick(n.NameFr, n.NameEn));
            return domains.Select(g => g.Key).Union(countries.Select(g => g.Key)).Union(zones.Select(g => g.Key))
                .ToDictionary(id => id, id => new Coverage(Sorted(domains[id]), Sorted(countries[id]), Sorted(zones[id])));
        });

    /// <summary>The sessions, postings and projects carried out under each partnership, by its id.</summary>
    private sealed record Actions(Dictionary<int, int> Sessions, Dictionary<int, int> Postings, Dictionary<int, int> Projects);

    /// <summary>The actions of every partnership, counted once and kept like the figures (<see cref="FigureCache"/>), not three counts a row.</summary>
    private Task<Actions> ActionsAsync(CancellationToken ct) =>
        cache.GetOrComputeAsync("partnerships:actions", access, "", clock.Today(), async () => new Actions(
            await db.CourseSessions.AsNoTracking().Where(s => s.PartnershipId != null).CountByAsync(s => s.PartnershipId!.Value, ct),
            await db.Postings.AsNoTracking().Where(p => p.PartnershipId != null).CountByAsync(p => p.PartnershipId!.Value, ct),
            await db.Projects.AsNoTracking().Where(p => p.PartnershipId != null).CountByAsync(p => p.PartnershipId!.Value, ct)));

    private Expression<Func<Partnership, Data>> Projection => p => new Data(
        p.Id, p.Organisation!.Acronym, p.Organisation.NameFr, p.Organisation.NameEn, p.AgreementTitle, p.AgreementReference, p.SignedOn,
        p.StartDate, p.EndDate, p.Version);

    private PartnershipRow Row(Data d, Actions actions, Dictionary<int, Coverage> coverage)
    {
        var covers = coverage.GetValueOrDefault(d.Id) ?? Coverage.None;
        var today = clock.Today();
        var status = today < d.Start ? "upcoming" : today > d.End ? "ended" : "running";
        return new PartnershipRow(d.Id, d.Acronym, Names.Pick(d.NameFr, d.NameEn), d.Title, d.Reference, d.SignedOn, d.Start, d.End,
            status, StatusName(status, text), d.End >= today && d.End <= Partnership.RenewalLimit(today),
            covers.Domains, covers.Countries, covers.Zones,
            actions.Sessions.GetValueOrDefault(d.Id), actions.Postings.GetValueOrDefault(d.Id), actions.Projects.GetValueOrDefault(d.Id), d.Version);
    }

    private static List<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.CurrentCultureIgnoreCase).ToList();

    public static string StatusName(string status, IStringLocalizer text) => status switch
    {
        "running" => text["En cours"],
        "upcoming" => text["À venir"],
        _ => text["Échu"],
    };
}
