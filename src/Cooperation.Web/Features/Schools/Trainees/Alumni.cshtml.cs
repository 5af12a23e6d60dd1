namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>The influence network: alumni in prominent positions, by country.</summary>
public class AlumniModel(ListProminentAlumni list, ReferenceLists lists, Access access, IStringLocalizer<AlumniModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public ProminentAlumniReport Report { get; private set; } = new([], 0, 1, Paging.DefaultPageSize, []);
    public string? FilterError { get; private set; }
    public bool Redacted => !access.SeesTraineePersonalData;
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    private AlumniFilter Filter => new(Zone, Country, Domain, PageNumber, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Zones = await lists.ZonesAsync();
        Countries = await lists.CountriesAsync();
        Domains = await lists.DomainsAsync();
        try
        {
            Report = await list.HandleAsync(Filter, ct);
        }
        catch (DomainException e)
        {
            FilterError = text[e.MessageKey, e.Args];
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        IReadOnlyList<ProminentAlumnus> alumni;
        try
        {
            alumni = await list.AllAsync(Filter, ct);
        }
        catch (DomainException e)
        {
            return BadRequest(text[e.MessageKey, e.Args].Value);
        }
        // One line per prominent position: a spreadsheet filters and counts them best that way.
        var rows = alumni.SelectMany(a => a.Positions.Select(p => (Alumnus: a, Position: p))).ToList();
        var columns = new List<Column<(ProminentAlumnus Alumnus, ProminentPosition Position)>>
        {
            new(text["Pays"], r => r.Alumnus.CountryName),
            new(text["Nom"], r => r.Alumnus.LastName),
            new(text["Prénom"], r => r.Alumnus.FirstName),
            new(text["Administration d'origine"], r => r.Alumnus.AdministrationName),
            new(text["Poste occupé"], r => r.Position.Position),
            new(text["Organisme"], r => r.Position.Organisation),
            new(text["Date de début"], r => r.Position.StartDate),
            new(text["Date de fin"], r => r.Position.EndDate),
            new(text["Sessions réussies"], r => r.Alumnus.SessionsPassed),
            new(text["Dernière formation réussie"], r => r.Alumnus.LastCourse),
            new(text["École"], r => r.Alumnus.LastSchool),
            new(text["Année"], r => r.Alumnus.LastYear),
        };
        return Export.File(format, text["reseau-influence"], columns, rows);
    }
}
