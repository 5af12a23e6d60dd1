namespace Cooperation.Web.Features.Partners.Countries;

public class IndexModel(ListCountries list, ReferenceLists lists, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListCountries.Query, CountryRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithNetwork { get; set; }

    public List<SelectListItem> Zones { get; private set; } = [];
    /// <summary>The orders offered: the number of coopérants sorts largest first, which a column header would not say.</summary>
    public List<SelectListItem> Sorts { get; private set; } = [];

    protected override string DefaultSort => "name";

    protected override ListCountries.Query Query => new()
    {
        Q = Q, Zone = Zone, WithNetwork = WithNetwork, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };

    protected override string ExportName => text["pays"];

    protected override IReadOnlyList<Column<CountryRow>> ExportColumns() =>
    [
        new(text["Code ISO"], r => r.Iso2),
        new(text["Nom (français)"], r => r.NameFr),
        new(text["Nom (anglais)"], r => r.NameEn),
        new(text["Zone"], r => r.ZoneName),
        new(text["Coopérants en poste"], r => r.ActiveCooperants),
        new(text["Postes vacants"], r => r.OpenVacancies),
        new(text["ENVR"], r => r.RegionalSchools),
    ];

    /// <summary>The filters' choices, also shown when a filter (typed in the address) is refused.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Zones = await lists.ZonesAsync();
        Sorts =
        [
            new(text["Dénomination"], "name"),
            new(text["Zone"], "zone"),
            new(text["Coopérants en poste"], "cooperants"),
        ];
    }
}
