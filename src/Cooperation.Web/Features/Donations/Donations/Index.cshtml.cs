namespace Cooperation.Web.Features.Donations.Donations;

public class IndexModel(ListDonations list, ReferenceLists references, Access access, IStringLocalizer<IndexModel> text)
    : ListPageModel<ListDonations.Query, DonationRow>(list)
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProjectId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "NotFound")] public string? ItemsNotFound { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Zones { get; private set; } = [];
    public bool CanPropose => access.CanProposeDonations;

    protected override string DefaultSort => "-proposed";

    protected override string ExportName => text["dons"];

    protected override IReadOnlyList<Column<DonationRow>> ExportColumns() =>
    [
        new(text["Intitulé du don"], r => r.Title),
        new(text["Pays"], r => r.CountryName),
        new(text["Projet"], r => r.ProjectTitle),
        new(text["Statut"], r => r.StatusName),
        new(text["Catégories"], r => string.Join(", ", r.Categories)),
        new(text["Articles"], r => r.ItemCount),
        new(text["Valeur (€)"], r => r.EuroValue),
        new(text["Proposé le"], r => r.ProposedOn),
        new(text["Remis le"], r => r.HandedOverOn),
        new(text["Contrôles en retard"], r => r.OverdueChecks),
        new(text["Articles introuvables"], r => r.ItemsNotFound),
    ];

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesDonations);
        Countries = await references.CountriesAsync(access.VisibleCountryIds);
        Zones = await references.ZonesAsync();
    }

    protected override ListDonations.Query Query => new()
    {
        Country = CountryCodes, Zone = Zone, Status = Status, Category = Category, Year = FormValues.Int(Year),
        ProjectId = FormValues.Int(ProjectId), Overdue = Overdue == "true" ? true : null,
        NotFound = ItemsNotFound == "true" ? true : null, Search = Search, Sort = Sort, Page = PageNumber,
        PageSize = PageSize,
    };
}
