namespace Cooperation.Web.Features.Network.Cooperants;

public class IndexModel(ListCooperants list, ReferenceLists lists, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<CooperantFilter, CooperantListItem>(list)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public bool CanCreate => access.CanEditAnything;
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    protected override string DefaultSort => "name";

    protected override CooperantFilter Query => new()
    {
        Q = Q, Administration = Administration, Zone = Zone, Country = CountryCodes, Status = Status, Sort = Sort,
        Page = PageNumber, PageSize = PageSize,
    };

    protected override string ExportName => text["cooperants"];

    protected override IReadOnlyList<Column<CooperantListItem>> ExportColumns() =>
    [
        new(text["Nom"], r => r.LastName),
        new(text["Prénom"], r => r.FirstName),
        new(text["Grade"], r => r.Rank),
        new(text["Administration d'origine"], r => r.AdministrationName),
        new(text["Pays"], r => r.CountryName),
        new(text["Organisation"], r => r.Organisation),
        new(text["Poste"], r => r.PositionTitle),
        new(text["Début"], r => r.StartDate),
        new(text["Fin prévue"], r => r.PlannedEndDate),
        new(text["Statut"], r => text[CooperantStatus.Label(r.Status)].Value),
    ];

    /// <summary>The filters' choices, also shown when a filter (typed in the address) is refused.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Administrations = await lists.AdministrationsAsync();
        Zones = await lists.ZonesAsync();
        Countries = await lists.CountriesAsync(access.VisibleCountryIds);
    }

    public string CurrentStatus => string.IsNullOrWhiteSpace(Status) ? CooperantStatus.Active : Status.Trim().ToLowerInvariant();
}
