namespace Cooperation.Web.Features.Schools.Alumni;

/// <summary>The influence network: alumni in prominent positions, by country.</summary>
public class IndexModel(ListProminentAlumni list, ReferenceLists lists, IStringLocalizer<IndexModel> text) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }

    public ProminentAlumniReport Report { get; private set; } = new([], 0, 1, Paging.DefaultPageSize, []);
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    /// <summary>The report has one order: by country, then by name.</summary>
    protected override string DefaultSort => "country";

    private AlumniFilter Filter => new() { Zone = Zone, Country = CountryCodes, Domain = Domain, Page = PageNumber, PageSize = PageSize };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Report = await list.HandleAsync(Filter, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var alumni = await list.AllAsync(Filter, ct);
        // One line per prominent position: a spreadsheet filters and counts them best that way. A participant of an IHEDN
        // session with no position on record has one line of his own.
        var rows = alumni.SelectMany(a => a.Positions.Count == 0
            ? [(Alumnus: a, Position: new ProminentPosition("", "", default, null, false))]
            : a.Positions.Select(p => (Alumnus: a, Position: p))).ToList();
        var columns = new List<Column<(ProminentAlumnus Alumnus, ProminentPosition Position)>>
        {
            new(text["Pays"], r => r.Alumnus.CountryName),
            new(text["Nom"], r => r.Alumnus.LastName),
            new(text["Prénom"], r => r.Alumnus.FirstName),
            new(text["Administration d'origine"], r => r.Alumnus.AdministrationName),
            new(text["Poste occupé"], r => r.Position.Position),
            new(text["Organisme"], r => r.Position.Organisation),
            new(text["Date de début"], r => r.Position.Position.Length == 0 ? null : r.Position.StartDate),
            new(text["Date de fin"], r => r.Position.EndDate),
            new(text["Sessions réussies"], r => r.Alumnus.SessionsPassed),
            new(text["Dernière formation réussie"], r => r.Alumnus.LastCourse),
            new(text["École"], r => r.Alumnus.LastSchool),
            new(text["Année"], r => r.Alumnus.LastYear),
            new(text["Session IHEDN"], r => r.Alumnus.InternationalSession),
        };
        return Export.File(format, text["reseau-influence"], columns, rows);
    }

    /// <summary>The filters' choices, also shown when a filter (typed in the address) is refused.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Zones = await lists.ZonesAsync();
        Countries = await lists.CountriesAsync();
        Domains = await lists.DomainsAsync();
    }
}
