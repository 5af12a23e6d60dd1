namespace Cooperation.Web.Features.Network.Headcounts;

public class IndexModel(CountHeadcounts headcounts, IStringLocalizer<IndexModel> text) : PageModel
{
    public HeadcountReport Counts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Counts = await headcounts.HandleAsync(ct);

    /// <summary>The three tables in one sheet, one line each, told apart by their first column.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var counts = await headcounts.HandleAsync(ct);
        var lines = counts.ByAdministration.Select(l => (Table: text["Administration d'origine"].Value, l.Code, l.Name, l.Count))
            .Concat(counts.ByZone.Select(l => (Table: text["Zone"].Value, l.Code, l.Name, l.Count)))
            .Concat(counts.ByDestination.Select(d => (Table: d.Kind == CountHeadcounts.OrganisationKind ? text["Organisation"].Value : text["Pays"].Value,
                (string?)d.Code, d.Name, d.Count)))
            .ToList();
        Column<(string Table, string? Code, string Name, int Count)>[] columns =
        [
            new(text["Tableau"], l => l.Table),
            new(text["Code"], l => l.Code),
            new(text["Libellé"], l => l.Name),
            new(text["Coopérants en poste"], l => l.Count),
        ];
        return Export.File(format, text["effectifs"], columns, lines);
    }
}
