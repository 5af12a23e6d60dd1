using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Missions.Recommendations;

/// <summary>A recommendation past its due date and not yet implemented nor abandoned, with its mission, country and zone.</summary>
public record OverdueRow(
    int Id, int MissionId, string MissionSubject, string Country, string CountryName, string Zone, string ZoneName, string Text,
    string OwnerAuthority, DateOnly DueDate, int DaysOverdue, string Priority, string Status);

/// <summary>Overdue recommendations of the missions the user reads, listed per zone (then by due date).</summary>
public class ListOverdueRecommendations(CooperationDbContext db, Access access, FigureCache cache, TimeProvider clock)
    : IListUseCase<ListOverdueRecommendations.Query, OverdueRow>
{
    public record Query
    {
        /// <summary>Code of the zone of the mission's country.</summary>
        public string? Zone { get; init; }
        /// <summary>ISO2 code of the mission's country.</summary>
        public string? Country { get; init; }
        /// <summary>zone, due or priority; a leading "-" sorts descending (default zone, then the oldest due first).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["zone", "due", "priority"];

    public async Task<Paged<OverdueRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        // The order (by the mission's zone) is read once and kept; a page's rows are read by id and checked again.
        var order = await cache.OrderAsync(nameof(ListOverdueRecommendations), access, query with { Page = null, PageSize = null },
            Sort(Filter(query), query.Sort).Select(r => r.Id), ct);
        var rows = await Paging.KeptPageAsync(order, page, size, ids => Project(Filter(query).Where(r => ids.Contains(r.Id)), ct), r => r.Id);
        return new Paged<OverdueRow>(rows, order.Count, page, size);
    }

    public async Task<IReadOnlyList<OverdueRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        return await Project(Sort(Filter(query), query.Sort), ct);
    }

    private IQueryable<Recommendation> Filter(Query query)
    {
        var q = access.VisibleRecommendations(db.Recommendations.AsNoTracking()).Where(RecommendationQueries.Overdue(clock.Today()));
        if (!string.IsNullOrWhiteSpace(query.Zone))
        {
            var zone = query.Zone.Trim().ToUpperInvariant();
            q = q.Where(r => r.Mission!.Country!.Zone!.Code == zone);
        }
        if (ListFilters.Codes(query.Country) is { } iso2) q = q.Where(r => iso2.Contains(r.Mission!.Country!.Iso2));
        return q;
    }

    private static IQueryable<Recommendation> Sort(IQueryable<Recommendation> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("zone", false);
        IOrderedQueryable<Recommendation> ordered = key switch
        {
            "due" => descending ? q.OrderByDescending(r => r.DueDate) : q.OrderBy(r => r.DueDate),
            "priority" => descending ? q.OrderByDescending(r => r.Priority) : q.OrderBy(r => r.Priority),
            _ => (descending ? q.OrderByDescending(r => r.Mission!.Country!.Zone!.Code) : q.OrderBy(r => r.Mission!.Country!.Zone!.Code))
                .ThenBy(r => r.DueDate),
        };
        return ordered.ThenBy(r => r.Id);
    }

    private async Task<List<OverdueRow>> Project(IQueryable<Recommendation> q, CancellationToken ct)
    {
        var today = clock.Today();
        return (await q.Select(r => new
            {
                r.Id, r.MissionId, r.Mission!.Subject, r.Mission.Country!.Iso2, r.Mission.Country.NameFr, r.Mission.Country.NameEn,
                Zone = r.Mission.Country.Zone!.Code, ZoneFr = r.Mission.Country.Zone.NameFr, ZoneEn = r.Mission.Country.Zone.NameEn,
                r.Text, r.OwnerAuthority, r.DueDate, r.Priority, r.Status,
            }).ToListAsync(ct))
            .Select(r => new OverdueRow(r.Id, r.MissionId, r.Subject, r.Iso2, Names.Pick(r.NameFr, r.NameEn), r.Zone ?? "",
                r.Zone is null ? "" : Names.Pick(r.ZoneFr, r.ZoneEn), r.Text, r.OwnerAuthority, r.DueDate, today.DayNumber - r.DueDate.DayNumber,
                ProjectCodes.Of(r.Priority), ProjectCodes.Of(r.Status))).ToList();
    }
}
