
namespace Cooperation.Web.Features.Network.Cooperants;

public class IndexModel(ListCooperants list, ReferenceLists lists, Access access, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public Paged<CooperantListItem> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public string? FilterError { get; private set; }
    public bool CanCreate => access.CanEditAnything;
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];

    private CooperantFilter Filter => new(Q, Administration, Zone, Country, Status, Sort, PageNumber, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync();
        try
        {
            Result = await list.HandleAsync(Filter, ct);
        }
        catch (DomainException e)
        {
            // Only a hand-edited address gets here: the form offers known codes only.
            FilterError = text[e.MessageKey, e.Args];
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        IReadOnlyList<CooperantListItem> rows;
        try
        {
            rows = await list.AllAsync(Filter, ct);
        }
        catch (DomainException e)
        {
            return BadRequest(text[e.MessageKey, e.Args].Value);
        }
        var columns = new List<Column<CooperantListItem>>
        {
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
        };
        return Export.File(format, text["cooperants"], columns, rows);
    }

    private async Task LoadChoicesAsync()
    {
        Administrations = await lists.AdministrationsAsync();
        Zones = await lists.ZonesAsync();
        Countries = await lists.CountriesAsync(access.VisibleCountryIds);
    }

    public string CurrentStatus => string.IsNullOrWhiteSpace(Status) ? CooperantStatus.Active : Status.Trim().ToLowerInvariant();

    /// <summary>The address that sorts the list by this key: ascending, or descending when already ascending on it.</summary>
    public string SortUrl(string key)
    {
        var next = SortKey == key && !SortDescending ? "-" + key : key;
        var query = Request.Query.Where(kv => kv.Key is not ("sort" or "page"))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        query["sort"] = next;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path, query);
    }

    public string SortKey => (string.IsNullOrWhiteSpace(Sort) ? "name" : Sort.Trim().ToLowerInvariant()).TrimStart('-');
    public bool SortDescending => Sort?.Trim().StartsWith('-') == true;

    /// <summary>The arrow beside the header the list is sorted by.</summary>
    public string SortMark(string key) => SortKey != key ? "" : SortDescending ? " ▼" : " ▲";

    /// <summary>aria-sort of a column header.</summary>
    public string AriaSort(string key) => SortKey != key ? "none" : SortDescending ? "descending" : "ascending";
}
