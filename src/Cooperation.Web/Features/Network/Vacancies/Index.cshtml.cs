
namespace Cooperation.Web.Features.Network.Vacancies;

public class IndexModel(ListVacancies list, ReferenceLists references, Access access, CooperationDbContext db, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public Paged<VacancyRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate => access.CanEditAnything;
    public HashSet<int> Fillable { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CancellationToken ct)
    {
        Result = await list.HandleAsync(Query(page, pageSize), ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        if (access.CanEditAnything)
            foreach (var row in Result.Items.Where(r => r.Open))
                if (await access.CanEditCountryAsync(row.CountryId, ct)) Fillable.Add(row.Id);
        var used = await db.Vacancies.AsNoTracking().Select(v => v.CountryId).Distinct().ToListAsync(ct);
        if (access.VisibleCountryIds is { } visible) used = used.Intersect(visible).ToList();
        Countries = await references.CountriesAsync(used);
        Zones = await references.ZonesAsync();
        Administrations = await references.AdministrationsAsync();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query(null, null), ct);
        Column<VacancyRow>[] columns =
        [
            new(text["Pays"], r => r.CountryName),
            new(text["Organisation"], r => r.Organisation),
            new(text["Type d'autorité d'accueil"], r => r.HostAuthorityTypeName),
            new(text["Autorité d'accueil"], r => r.HostAuthorityName),
            new(text["Intitulé du poste"], r => r.PositionTitle),
            new(text["Administration d'origine"], r => r.AdministrationName),
            new(text["Domaine"], r => r.DomainName),
            new(text["Prise de poste souhaitée"], r => r.WishedStartDate),
            new(text["Durée (mois)"], r => r.DurationMonths),
            new(text["Statut"], r => r.Open ? text["Ouvert"].Value : text["Pourvu"].Value),
            new(text["Pourvu par"], r => r.FilledByCooperantName),
        ];
        return Export.File(format, text["postes-vacants"], columns, rows);
    }

    private ListVacancies.Query Query(int? page, int? pageSize) =>
        new(Country, null, Zone, Administration, Status, Sort, page, pageSize);

    public string SortUrl(string key)
    {
        var next = Sort == key ? "-" + key : key;
        var q = Request.Query.Where(kv => kv.Key is not ("sort" or "page" or "handler" or "format"))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["sort"] = next;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path, q);
    }

    public string AriaSort(string key) =>
        (Sort ?? "start") == key ? "ascending" : Sort == "-" + key ? "descending" : "none";
}
