namespace Cooperation.Web.Features.Network.Headcounts;

public class IndexModel(CountHeadcounts headcounts, IStringLocalizer<IndexModel> text) : PageModel
{
    public HeadcountReport Counts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Counts = await headcounts.HandleAsync(ct);

    /// <summary>The three tables in one sheet, one line each, told apart by their first column.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var counts = await headcounts.HandleAsync(ct);
        ExportTable<(string? Code, string Name, int Count)>[] tables =
        [
            new(text["Administration d'origine"].Value, counts.ByAdministration.Select(l => ((string?)l.Code, l.Name, l.Count)).ToList()),
            new(text["Zone"].Value, counts.ByZone.Select(l => ((string?)l.Code, l.Name, l.Count)).ToList()),
            new(text["Pays"].Value, counts.ByDestination.Where(d => d.Kind != CountHeadcounts.OrganisationKind).Select(d => ((string?)d.Code, d.Name, d.Count)).ToList()),
            new(text["Organisation"].Value, counts.ByDestination.Where(d => d.Kind == CountHeadcounts.OrganisationKind).Select(d => ((string?)d.Code, d.Name, d.Count)).ToList()),
        ];
        Column<(string? Code, string Name, int Count)>[] columns =
        [
            new(text["Code"], l => l.Code),
            new(text["Libellé"], l => l.Name),
            new(text["Coopérants en poste"], l => l.Count),
        ];
        return Export.Tables(format, text["effectifs"], text["Tableau"], columns, tables);
    }
}
