
namespace Cooperation.Web.Features.Network.Postings;

public class IndexModel(ListPostings list, ReferenceLists references, Access access, CooperationDbContext db, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Active { get; set; }
    [BindProperty(SupportsGet = true)] public int? CooperantId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<PostingRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate => access.CanEditAnything;
    public HashSet<int> EditablePostings { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CancellationToken ct)
    {
        Result = await list.HandleAsync(Query(page, pageSize), ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        if (access.CanEditAnything)
            foreach (var row in Result.Items)
                if (await access.CanEditCountryAsync(row.CountryId, ct)) EditablePostings.Add(row.Id);
        var used = await db.Postings.AsNoTracking().Select(p => p.CountryId).Distinct().ToListAsync(ct);
        if (access.VisibleCountryIds is { } visible) used = used.Intersect(visible).ToList();
        Countries = await references.CountriesAsync(used);
        Organisations = await references.OrganisationsAsync();
        Zones = await references.ZonesAsync();
        Administrations = await references.AdministrationsAsync();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query(null, null), ct);
        Column<PostingRow>[] columns =
        [
            new(text["Coopérant"], r => r.CooperantName),
            new(text["Administration d'origine"], r => r.AdministrationName),
            new(text["Pays"], r => r.CountryName),
            new(text["Organisation"], r => r.Organisation),
            new(text["Type d'autorité d'accueil"], r => r.HostAuthorityTypeName),
            new(text["Autorité d'accueil"], r => r.HostAuthorityName),
            new(text["Intitulé du poste"], r => r.PositionTitle),
            new(text["Date de début"], r => r.StartDate),
            new(text["Date de fin prévue"], r => r.PlannedEndDate),
            new(text["Date de fin effective"], r => r.ActualEndDate),
            new(text["En cours"], r => r.Active ? text["Oui"].Value : text["Non"].Value),
        ];
        return Export.File(format, text["affectations"], columns, rows);
    }

    private ListPostings.Query Query(int? page, int? pageSize) => new(Country, Organisation, Zone, Administration,
        Active switch { "true" => true, "false" => false, _ => null }, CooperantId, Sort, page, pageSize);

    /// <summary>The link of a column header: sorts by it, or reverses the order when it already does.</summary>
    public string SortUrl(string key)
    {
        var next = Sort == key ? "-" + key : key;
        var q = Request.Query.Where(kv => kv.Key is not ("sort" or "page" or "handler" or "format"))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["sort"] = next;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path, q);
    }

    /// <summary>aria-sort of a column header.</summary>
    public string AriaSort(string key) =>
        (Sort ?? "-start") == key ? "ascending" : (Sort ?? "-start") == "-" + key ? "descending" : "none";
}
