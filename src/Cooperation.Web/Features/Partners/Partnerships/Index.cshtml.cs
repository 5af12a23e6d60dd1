namespace Cooperation.Web.Features.Partners.Partnerships;

public class IndexModel(ListPartnerships list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListPartnerships.Query, PartnershipRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Renewal { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    /// <summary>The agreements ending within six months, listed for the desk officer to renew.</summary>
    public IReadOnlyList<PartnershipRow> DueForRenewal { get; private set; } = [];
    public bool CanCreate => access.CanCreatePartnerships;

    protected override string DefaultSort => "end";

    protected override string ExportName => text["partenariats"];

    protected override IReadOnlyList<Column<PartnershipRow>> ExportColumns() =>
    [
        new(text["Organisation"], r => r.Organisation),
        new(text["Intitulé de l'accord"], r => r.AgreementTitle),
        new(text["Référence de l'accord"], r => r.AgreementReference),
        new(text["Date de signature"], r => r.SignedOn),
        new(text["Début de l'accord"], r => r.StartDate),
        new(text["Fin de l'accord"], r => r.EndDate),
        new(text["Statut"], r => r.StatusName),
        new(text["Domaines"], r => string.Join(", ", r.Domains)),
        new(text["Pays"], r => string.Join(", ", r.Countries)),
        new(text["Régions"], r => string.Join(", ", r.Zones)),
        new(text["Sessions"], r => r.Sessions),
        new(text["Affectations"], r => r.Postings),
        new(text["Projets"], r => r.Projects),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Organisations = await references.OrganisationsAsync();
        Zones = await references.ZonesAsync();
        Domains = await references.DomainsAsync();
    }

    protected override async Task OnListedAsync(CancellationToken ct)
    {
        if (CanCreate) DueForRenewal = await list.AllAsync(new ListPartnerships.Query { Renewal = true }, ct);
    }

    protected override ListPartnerships.Query Query => new()
    {
        Organisation = Organisation, Zone = Zone, Domain = Domain, Status = Status, Renewal = Renewal ? true : null,
        Search = Search, Sort = Sort, Page = PageNumber, PageSize = PageSize, Year = Year,
    };
}
