namespace Cooperation.Web.Features.Partners.Organisations;

public class IndexModel(ListOrganisations list, IStringLocalizer<IndexModel> text) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public Paged<OrganisationRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    /// <summary>Organisations are listed by acronym only.</summary>
    protected override string DefaultSort => "acronym";

    private ListOrganisations.Query Query => new(Q, Kind, PageNumber, PageSize);

    public async Task OnGetAsync(CancellationToken ct) => Result = await list.HandleAsync(Query, ct);

    public string KindLabel(string kind) => OrganisationKinds.Label(kind, text);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await list.AllAsync(Query, ct);
        Column<OrganisationRow>[] columns =
        [
            new(text["Sigle"], r => r.Acronym),
            new(text["Nom (français)"], r => r.NameFr),
            new(text["Nom (anglais)"], r => r.NameEn),
            new(text["Type"], r => KindLabel(r.Kind)),
            new(text["Pays du siège"], r => r.SeatCountry),
            new(text["Coopérants en poste"], r => r.ActivePostings),
            new(text["Postes vacants"], r => r.OpenVacancies),
        ];
        return Export.File(format, text["organisations"], columns, rows);
    }
}
