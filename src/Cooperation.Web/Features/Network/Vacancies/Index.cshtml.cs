namespace Cooperation.Web.Features.Network.Vacancies;

public class IndexModel(ListVacancies list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListVacancies.Query, VacancyRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate => access.CanEditAnything;
    public HashSet<int> Fillable { get; private set; } = [];

    protected override string DefaultSort => "start";

    protected override async Task OnListedAsync(CancellationToken ct)
    {
        if (access.CanEditAnything)
            foreach (var row in Result.Items.Where(r => r.Open))
                if (await access.CanEditCountryAsync(row.CountryId, ct)) Fillable.Add(row.Id);
    }

    protected override string ExportName => text["postes-vacants"];

    protected override IReadOnlyList<Column<VacancyRow>> ExportColumns() =>
    [
        new(text["Pays"], r => r.CountryName),
        new(text["Organisation"], r => r.Organisation),
        new(text["Type d'autorité d'accueil"], r => r.HostAuthorityTypeName),
        new(text["Autorité d'accueil"], r => r.HostAuthorityName),
        new(text["Intitulé du poste"], r => r.PositionTitle),
        new(text["Administration d'origine"], r => r.AdministrationName),
        new(text["Domaine"], r => r.DomainName),
        new(text["Prise de poste souhaitée"], r => r.WishedStartDate),
        new(text["Durée (mois)"], r => r.DurationMonths),
        new(text["Statut"], r => r.Open ? text["Ouvert"].Value : text["Pourvu"].Value),
        new(text["Pourvu par"], r => r.FilledByCooperantName),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Countries = await references.CountriesAsync(await list.CountriesInUseAsync(ct));
        Zones = await references.ZonesAsync();
        Administrations = await references.AdministrationsAsync();
    }

    protected override ListVacancies.Query Query => new()
    {
        Country = CountryCodes, Zone = Zone, Administration = Administration, Status = Status, Sort = Sort,
        Page = PageNumber, PageSize = PageSize,
    };
}
