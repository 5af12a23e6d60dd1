namespace Cooperation.Web.Features.Projects.Projects;

public class IndexModel(ListProjects list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListProjects.Query, ProjectRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? EuFunded { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public bool CanCreate => access.CanCreateProjects;

    protected override string DefaultSort => "-start";

    protected override string ExportName => text["projets"];

    protected override IReadOnlyList<Column<ProjectRow>> ExportColumns() =>
    [
        new(text["Intitulé du projet"], r => r.Title),
        new(text["Zone"], r => r.ZoneName),
        new(text["Pays ou régions"], r => r.PlacesNames),
        new(text["Statut"], r => r.StatusName),
        new(text["Date de début"], r => r.StartDate),
        new(text["Date de fin prévue"], r => r.EndDate),
        new(text["Financement européen"], r => r.EuFunded ? text["Oui"].Value : text["Non"].Value),
        new(text["Opérateur"], r => r.Operator),
        new(text["Domaines"], r => string.Join(", ", r.Domains)),
        new(text["Budget prévu (€)"], r => r.PlannedBudget),
        new(text["Décaissé (€)"], r => r.Disbursed),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesProjects);
        Countries = await references.CountriesAsync(access.VisibleCountryIds);
        Zones = await references.ZonesAsync();
        Domains = await references.DomainsAsync();
    }

    protected override ListProjects.Query Query => new()
    {
        Country = CountryCodes, Zone = Zone, Status = Status, EuFunded = EuFunded switch { "true" => true, "false" => false, _ => null },
        Domain = Domain, Year = FormValues.Int(Year), Search = Search, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };
}
