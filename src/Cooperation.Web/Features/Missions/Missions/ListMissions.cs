using System.Text.Json.Serialization;
using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>A mission as lists show it: where, who asks (the authority, never the person), what, its status, dates and expert-days.</summary>
public record MissionRow(
    int Id, string Subject, string Country, string CountryName, string? Organisation, string Zone, string ZoneName,
    string HostAuthorityName, string Domain, string DomainName, string Form, string Status, string StatusName, DateOnly RequestedOn,
    DateOnly PlannedStartDate, DateOnly PlannedEndDate, DateOnly? ActualStartDate, DateOnly? ActualEndDate, int Experts, int ExpertDays,
    int Recommendations, int? ProjectId, long Version)
{
    [JsonIgnore] public MissionStatus StatusValue { get; init; }
}

/// <summary>The missions the user may read (<see cref="Access.VisibleMissions"/>), filtered, sorted and paged.</summary>
public class ListMissions(CooperationDbContext db, Access access, FigureCache cache, IStringLocalizer<ListMissions> text) : IListUseCase<ListMissions.Query, MissionRow>
{
    public record Query
    {
        /// <summary>ISO2 code of the partner country (an organisation's seat).</summary>
        public string? Country { get; init; }
        /// <summary>Code of the country's zone (AFS, AFN, MOY...).</summary>
        public string? Zone { get; init; }
        /// <summary>requested, assessed, approved, declined, staffed, inProgress, reported or closed.</summary>
        public string? Status { get; init; }
        /// <summary>Code of the field of cooperation.</summary>
        public string? Domain { get; init; }
        /// <summary>Missions planned or carried out at some time of that year.</summary>
        public int? Year { get; init; }
        /// <summary>Words of the subject or of the host authority.</summary>
        public string? Search { get; init; }
        /// <summary>The missions of one project.</summary>
        public int? ProjectId { get; init; }
        /// <summary>The missions a coopérant is assigned to (one whose record the user sees).</summary>
        public int? CooperantId { get; init; }
        /// <summary>requested, start, subject, status or country; a leading "-" sorts descending (default -requested).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["requested", "start", "subject", "status", "country"];

    public async Task<Paged<MissionRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var total = await cache.CountAsync(nameof(ListMissions), access, query with { Page = null, PageSize = null, Sort = null }, filtered, ct);
        var data = await Sort(filtered, query.Sort).PageOf(page, size).Select(Projection).ToPageAsync(total, page, size, ct);
        return new Paged<MissionRow>(data.Select(Row).ToList(), total, page, size);
    }

    public async Task<IReadOnlyList<MissionRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        return (await Sort(Filter(query), query.Sort).Select(Projection).ToListAsync(ct)).Select(Row).ToList();
    }

    /// <summary>What the list shows for these filters, unsorted: what the annual report counts.</summary>
    internal IQueryable<ExpertiseMission> Filter(Query query)
    {
        var q = access.VisibleMissions(db.Missions.AsNoTracking());
        if (ListFilters.Codes(query.Country) is { } iso2) q = q.Where(m => iso2.Contains(m.Country!.Iso2));
        if (Code(query.Zone) is { } zone) q = q.Where(m => m.Country!.Zone!.Code == zone);
        if (!string.IsNullOrWhiteSpace(query.Status))
            q = ProjectCodes.Parse<MissionStatus>(query.Status) is { } status ? q.Where(m => m.Status == status) : q.Where(_ => false);
        if (Code(query.Domain) is { } domain) q = q.Where(m => m.Domain!.Code == domain);
        if (query.Year is { } year)
        {
            var (first, last) = (new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), new DateOnly(Math.Clamp(year, 1, 9999), 12, 31));
            q = q.Where(m => (m.ActualStartDate ?? m.PlannedStartDate) <= last && (m.ActualEndDate ?? m.PlannedEndDate) >= first);
        }
        if (query.ProjectId is { } project) q = q.Where(m => m.ProjectId == project);
        if (query.CooperantId is { } cooperant)
        {
            var visible = access.VisibleCooperants();
            q = q.Where(m => m.Experts.Any(e => e.CooperantId == cooperant && visible.Any(c => c.Id == cooperant)));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
            foreach (var word in query.Search.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                q = q.Where(m => m.Subject.ToUpper().Contains(word) || m.HostAuthorityName.ToUpper().Contains(word));
        return q;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static IQueryable<ExpertiseMission> Sort(IQueryable<ExpertiseMission> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("requested", true);
        IOrderedQueryable<ExpertiseMission> ordered = key switch
        {
            "subject" => descending ? q.OrderByDescending(m => m.Subject) : q.OrderBy(m => m.Subject),
            "start" => descending ? q.OrderByDescending(m => m.PlannedStartDate) : q.OrderBy(m => m.PlannedStartDate),
            "status" => descending ? q.OrderByDescending(m => m.Status) : q.OrderBy(m => m.Status),
            "country" when Names.English => descending ? q.OrderByDescending(m => m.Country!.NameEn) : q.OrderBy(m => m.Country!.NameEn),
            "country" => descending ? q.OrderByDescending(m => m.Country!.NameFr) : q.OrderBy(m => m.Country!.NameFr),
            _ => descending ? q.OrderByDescending(m => m.RequestedOn) : q.OrderBy(m => m.RequestedOn),
        };
        return descending ? ordered.ThenByDescending(m => m.Id) : ordered.ThenBy(m => m.Id);
    }

    private MissionRow Row(MissionData d) => new(
        d.Id, d.Subject, d.Iso2, Names.Pick(d.CountryFr, d.CountryEn), d.Organisation, d.ZoneCode ?? "", Names.Pick(d.ZoneFr ?? "", d.ZoneEn ?? ""),
        d.HostAuthorityName, d.DomainCode, Names.Pick(d.DomainFr, d.DomainEn), ProjectCodes.Of(d.Form), ProjectCodes.Of(d.Status),
        d.Status.Name(text), d.RequestedOn, d.PlannedStartDate, d.PlannedEndDate, d.ActualStartDate, d.ActualEndDate, d.Experts, d.ExpertDays,
        d.Recommendations, d.ProjectId, d.Version) { StatusValue = d.Status };

    private sealed record MissionData(
        int Id, string Subject, string Iso2, string CountryFr, string CountryEn, string? Organisation, string? ZoneCode, string? ZoneFr,
        string? ZoneEn, string HostAuthorityName, string DomainCode, string DomainFr, string DomainEn, MissionForm Form, MissionStatus Status,
        DateOnly RequestedOn, DateOnly PlannedStartDate, DateOnly PlannedEndDate, DateOnly? ActualStartDate, DateOnly? ActualEndDate,
        int Experts, int ExpertDays, int Recommendations, int? ProjectId, long Version);

    private static readonly System.Linq.Expressions.Expression<Func<ExpertiseMission, MissionData>> Projection = m => new MissionData(
        m.Id, m.Subject, m.Country!.Iso2, m.Country.NameFr, m.Country.NameEn, m.Organisation!.Acronym, m.Country.Zone!.Code,
        m.Country.Zone.NameFr, m.Country.Zone.NameEn, m.HostAuthorityName, m.Domain!.Code, m.Domain.NameFr, m.Domain.NameEn, m.Form, m.Status,
        m.RequestedOn, m.PlannedStartDate, m.PlannedEndDate, m.ActualStartDate, m.ActualEndDate, m.Experts.Count, m.Experts.Sum(e => e.Days),
        m.Recommendations.Count, m.ProjectId, m.Version);
}
