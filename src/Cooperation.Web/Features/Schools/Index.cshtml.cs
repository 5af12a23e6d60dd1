namespace Cooperation.Web.Features.Schools;

public class IndexModel(ListSchools list, ReferenceLists references, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListSchools.Query, SchoolRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    /// <summary>Schools come by country, then acronym: the list has no other order.</summary>
    protected override string DefaultSort => "country";

    protected override string ExportName => text["envr"];

    protected override IReadOnlyList<Column<SchoolRow>> ExportColumns() =>
    [
        new(text["Sigle"], r => r.Acronym),
        new(text["Dénomination"], r => r.Name),
        new(text["Ville"], r => r.City),
        new(text["Pays"], r => r.Country.Name),
        new(text["Code ISO"], r => r.Country.Iso2),
        new(text["Domaines"], r => string.Join(", ", r.Domains.Select(d => d.Name))),
        new(text["Ouverture"], r => r.OpenedYear),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Countries = await references.CountriesAsync(await list.CountriesInUseAsync(ct));
        Domains = await references.DomainsAsync();
    }

    protected override ListSchools.Query Query => new()
    {
        Country = CountryCodes, Domain = Domain, Q = Q, Page = PageNumber, PageSize = PageSize,
    };
}
