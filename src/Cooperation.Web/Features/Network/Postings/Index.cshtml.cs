namespace Cooperation.Web.Features.Network.Postings;

public class IndexModel(ListPostings list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListPostings.Query, PostingRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Active { get; set; }
    [BindProperty(SupportsGet = true)] public int? CooperantId { get; set; }
    [BindProperty(SupportsGet = true)] public string? EndingBy { get; set; }
    [BindProperty(SupportsGet = true)] public string? ActiveOn { get; set; }
    [BindProperty(SupportsGet = true)] public int? StartedIn { get; set; }
    [BindProperty(SupportsGet = true)] public int? EndedIn { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public bool CanCreate => access.CanEditAnything;
    public HashSet<int> EditablePostings { get; private set; } = [];

    protected override string DefaultSort => "-start";

    protected override async Task OnListedAsync(CancellationToken ct)
    {
        if (access.CanEditAnything)
            foreach (var row in Result.Items)
                if (await access.CanEditCountryAsync(row.CountryId, ct)) EditablePostings.Add(row.Id);
    }

    protected override string ExportName => text["affectations"];

    protected override IReadOnlyList<Column<PostingRow>> ExportColumns() =>
    [
        new(text["Coopérant"], r => r.CooperantName),
        new(text["Administration d'origine"], r => r.AdministrationName),
        new(text["Pays"], r => r.CountryName),
        new(text["Organisation"], r => r.Organisation),
        new(text["Type d'autorité d'accueil"], r => r.HostAuthorityTypeName),
        new(text["Autorité d'accueil"], r => r.HostAuthorityName),
        new(text["Intitulé du poste"], r => r.PositionTitle),
        new(text["Date de début"], r => r.StartDate),
        new(text["Date de fin prévue"], r => r.PlannedEndDate),
        new(text["Date de fin effective"], r => r.ActualEndDate),
        new(text["En cours"], r => r.Active ? text["Oui"].Value : text["Non"].Value),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Countries = await references.CountriesAsync(await list.CountriesInUseAsync(ct));
        Organisations = await references.OrganisationsAsync();
        Zones = await references.ZonesAsync();
        Administrations = await references.AdministrationsAsync();
    }

    protected override ListPostings.Query Query => new()
    {
        Country = CountryCodes, Organisation = Organisation, Zone = Zone, Administration = Administration,
        Active = Active switch { "true" => true, "false" => false, _ => null }, CooperantId = CooperantId, Sort = Sort,
        Page = PageNumber, PageSize = PageSize, EndingBy = Date(nameof(EndingBy), EndingBy), ActiveOn = Date(nameof(ActiveOn), ActiveOn),
        StartedIn = StartedIn, EndedIn = EndedIn,
    };
}
