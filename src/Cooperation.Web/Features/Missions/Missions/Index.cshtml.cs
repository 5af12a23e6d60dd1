namespace Cooperation.Web.Features.Missions.Missions;

public class IndexModel(ListMissions list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListMissions.Query, MissionRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public bool CanCreate => access.CanRecordMissions;
    public bool SeesExperts => access.SeesExperts;

    protected override string DefaultSort => "-requested";

    protected override string ExportName => text["missions"];

    protected override IReadOnlyList<Column<MissionRow>> ExportColumns() =>
    [
        new(text["Objet"], r => r.Subject),
        new(text["Pays"], r => r.CountryName),
        new(text["Organisation"], r => r.Organisation),
        new(text["Zone"], r => r.ZoneName),
        new(text["Autorité d'accueil"], r => r.HostAuthorityName),
        new(text["Domaine"], r => r.DomainName),
        new(text["Statut"], r => r.StatusName),
        new(text["Date de la demande"], r => r.RequestedOn),
        new(text["Début souhaité"], r => r.PlannedStartDate),
        new(text["Fin souhaitée"], r => r.PlannedEndDate),
        new(text["Experts"], r => r.Experts),
        new(text["Jours d'expertise"], r => r.ExpertDays),
        new(text["Recommandations"], r => r.Recommendations),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        Countries = await references.CountriesAsync(access.VisibleCountryIds);
        Zones = await references.ZonesAsync();
        Domains = await references.DomainsAsync();
    }

    protected override ListMissions.Query Query => new()
    {
        Country = CountryCodes, Zone = Zone, Status = Status, Domain = Domain, Year = FormValues.Int(Year),
        Search = Search, Sort = Sort, Page = PageNumber, PageSize = PageSize,
    };
}
