namespace Cooperation.Web.Features.Network.Cooperants;

public class IndexModel(ListCooperants list, ReferenceLists lists, Access access, IStringLocalizer<IndexModel> text) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public Paged<CooperantListItem> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public bool CanCreate => access.CanEditAnything;
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    protected override string DefaultSort => "name";

    private CooperantFilter Filter => new(Q, Administration, Zone, Country, Status, Sort, PageNumber, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Result = await list.HandleAsync(Filter, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Filter, ct);
        Column<CooperantListItem>[] columns =
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
        return Export.File(format, text["cooperants"], columns, rows);
    }

    /// <summary>The filters' choices, also shown when a filter (typed in the address) is refused.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Administrations = await lists.AdministrationsAsync();
        Zones = await lists.ZonesAsync();
        Countries = await lists.CountriesAsync(access.VisibleCountryIds);
    }

    public string CurrentStatus => string.IsNullOrWhiteSpace(Status) ? CooperantStatus.Active : Status.Trim().ToLowerInvariant();
}
