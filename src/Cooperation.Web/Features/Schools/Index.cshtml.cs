namespace Cooperation.Web.Features.Schools;

public class IndexModel(ListSchools list, ReferenceLists references, IStringLocalizer<IndexModel> text) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Paged<SchoolRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    /// <summary>Schools come by country, then acronym: the list has no other order.</summary>
    protected override string DefaultSort => "country";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Result = await list.HandleAsync(Query, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query, ct);
        Column<SchoolRow>[] columns =
        [
            new(text["Sigle"], r => r.Acronym),
            new(text["Dénomination"], r => r.Name),
            new(text["Ville"], r => r.City),
            new(text["Pays"], r => r.Country.Name),
            new(text["Code ISO"], r => r.Country.Iso2),
            new(text["Domaines"], r => string.Join(", ", r.Domains.Select(d => d.Name))),
            new(text["Ouverture"], r => r.OpenedYear),
        ];
        return Export.File(format, text["envr"], columns, rows);
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Countries = await references.CountriesAsync(await list.CountriesInUseAsync(ct));
        Domains = await references.DomainsAsync();
    }

    private ListSchools.Query Query => new(Country, Domain, Q, PageNumber, PageSize);
}
