namespace Cooperation.Web.Features.Partners.Organisations;

public class IndexModel(ListOrganisations list, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<OrganisationRow> Result { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;

    private ListOrganisationsQuery Query => new(Q, Kind, PageNumber);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await list.HandleAsync(Query, ct);
        Links = new PageLinks(Result.Page, Result.PageSize, Result.Total, Request.Path, Request.Query);
    }

    public string KindLabel(string kind) => kind == "International" ? text["Internationale"] : text["Régionale"];

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
