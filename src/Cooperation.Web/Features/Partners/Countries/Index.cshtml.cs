namespace Cooperation.Web.Features.Partners.Countries;

public class IndexModel(ListCountries list, ReferenceLists lists, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithNetwork { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<CountryRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Sorts { get; private set; } = [];

    private ListCountriesQuery Query => new(Q, Zone, WithNetwork, Sort, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await list.HandleAsync(Query, ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
        Zones = await lists.ZonesAsync();
        Sorts =
        [
            new(text["Dénomination"], "name"),
            new(text["Zone"], "zone"),
            new(text["Coopérants en poste"], "cooperants"),
        ];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query, ct);
        Column<CountryRow>[] columns =
        [
            new(text["Code ISO"], r => r.Iso2),
            new(text["Nom (français)"], r => r.NameFr),
            new(text["Nom (anglais)"], r => r.NameEn),
            new(text["Zone"], r => r.ZoneName),
            new(text["Coopérants en poste"], r => r.ActiveCooperants),
            new(text["Postes vacants"], r => r.OpenVacancies),
            new(text["ENVR"], r => r.RegionalSchools),
        ];
        return Export.File(format, text["pays"], columns, rows);
    }
}
