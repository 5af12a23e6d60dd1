namespace Cooperation.Web.Features.Missions.Experts;

/// <summary>A short-term expert of the registry: his name, grade and contacts are personal data.</summary>
public record ExpertRow(
    int Id, string? Name, string Administration, string AdministrationName, string? Grade, string Speciality, string? Email, string? Phone,
    int Missions, long Version);

/// <summary>
/// The registry of short-term experts of the four administrations, reused across missions: headquarters reads it, names
/// redacted for the auditor (<see cref="Access.ReadsExpertNames"/>); a name search finds only names the user reads.
/// </summary>
public class ListExperts(CooperationDbContext db, Access access) : IListUseCase<ListExperts.Query, ExpertRow>
{
    public record Query
    {
        /// <summary>Words of the name (for those who read names) or of the speciality.</summary>
        public string? Search { get; init; }
        /// <summary>Code of the home administration (ARM, INT, ECO, JUS).</summary>
        public string? Administration { get; init; }
        /// <summary>name, administration or speciality; a leading "-" sorts descending (default name).</summary>
        public string? Sort { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static readonly string[] Sorts = ["name", "administration", "speciality"];

    public async Task<Paged<ExpertRow>> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesExperts);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var filtered = Filter(query);
        var total = await filtered.CountAsync(ct);
        var rows = await Project(Sort(filtered, query.Sort).PageOf(page, size), ct);
        return new Paged<ExpertRow>(rows, total, page, size);
    }

    public async Task<IReadOnlyList<ExpertRow>> AllAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesExperts);
        return await Project(Sort(Filter(query), query.Sort), ct);
    }

    /// <summary>The experts a staffing form offers: those who staff read their names.</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> ChoicesAsync(CancellationToken ct = default) =>
        !access.ReadsExpertNames ? []
        : (await db.Experts.AsNoTracking().OrderBy(e => e.NormalizedName)
            .Select(e => new { e.Id, e.FirstName, e.LastName, e.Grade, e.Speciality, Adm = e.Administration!.Code }).ToListAsync(ct))
        .Select(e => (e.Id, $"{e.FirstName} {e.LastName.ToUpperInvariant()} — {e.Grade}, {e.Speciality} ({e.Adm})")).ToList();

    private IQueryable<Expert> Filter(Query query)
    {
        var q = db.Experts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Administration))
        {
            var code = query.Administration.Trim().ToUpperInvariant();
            q = q.Where(e => e.Administration!.Code == code);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var names = access.ReadsExpertNames;
            foreach (var word in Access.NameWords(query.Search))
                q = q.Where(e => (names && e.NormalizedName.Contains(word)) || e.Speciality.ToUpper().Contains(word));
        }
        return q;
    }

    private IQueryable<Expert> Sort(IQueryable<Expert> q, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-').ToLowerInvariant();
        if (key is null || !Sorts.Contains(key)) (key, descending) = ("name", false);
        // Names the user does not read are not sorted on either: the registry's order would tell them.
        if (key == "name" && !access.ReadsExpertNames) key = "id";
        IOrderedQueryable<Expert> ordered = key switch
        {
            "administration" => descending ? q.OrderByDescending(e => e.Administration!.Code) : q.OrderBy(e => e.Administration!.Code),
            "speciality" => descending ? q.OrderByDescending(e => e.Speciality) : q.OrderBy(e => e.Speciality),
            "name" => descending ? q.OrderByDescending(e => e.NormalizedName) : q.OrderBy(e => e.NormalizedName),
            _ => q.OrderBy(e => e.Id),
        };
        return descending ? ordered.ThenByDescending(e => e.Id) : ordered.ThenBy(e => e.Id);
    }

    private async Task<List<ExpertRow>> Project(IQueryable<Expert> q, CancellationToken ct)
    {
        var names = access.ReadsExpertNames;
        return (await q.Select(e => new
            {
                e.Id, e.FirstName, e.LastName, Adm = e.Administration!.Code, AdmFr = e.Administration.NameFr, AdmEn = e.Administration.NameEn,
                e.Grade, e.Speciality, e.Email, e.Phone, Missions = db.MissionExperts.Count(x => x.ExpertId == e.Id), e.Version,
            }).ToListAsync(ct))
            .Select(e => new ExpertRow(e.Id, PersonalData.Show(names, $"{e.FirstName} {e.LastName.ToUpperInvariant()}"), e.Adm,
                Names.Pick(e.AdmFr, e.AdmEn), PersonalData.Show(names, e.Grade), e.Speciality, names ? e.Email : PersonalData.Redacted,
                names ? e.Phone : PersonalData.Redacted, e.Missions, e.Version)).ToList();
    }
}
