namespace Cooperation.Web.Features.Reporting.Map;

/// <summary>
/// The map with its layers (<c>?layer=cooperants|trainees|projects|donations</c>, <c>&amp;year=</c>, <c>&amp;measure=count|value</c>):
/// links switch them without JavaScript, the table gives the chosen layer's figures, the map shades by them.
/// </summary>
public class IndexModel(ComputeNetworkMap compute, TimeProvider clock, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Layer { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }

    public NetworkMap Map { get; private set; } = null!;
    public IReadOnlyList<MapLayer> Layers { get; private set; } = [];
    public WorldMap World { get; private set; } = null!;

    /// <summary>The years offered to the dated layers: the last ten, this one included.</summary>
    public IEnumerable<int> Years => Enumerable.Range(0, 10).Select(i => clock.Today().Year - i);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Map = await compute.HandleAsync(new ComputeNetworkMap.Query(Layer, Year, Measure), ct);
        Layers = compute.Layers();
        var bounds = Map.ClassUpperBounds;
        World = new WorldMap(
            text["Carte du monde : pays ombrés selon {0} ; le tableau qui suit donne les mêmes chiffres.", LayerMeasure(Map)],
            ValueHeader(Map),
            WorldMap.LegendOf(bounds, b => Map.ByValue ? Format.Number(b) + " €" : Format.Number(b)),
            Map.Countries.Select(c => new WorldMapCountry(c.NumericCode, c.Iso2, c.Name, c.Value, Map.ClassOf(c.Value),
                text["{0} : {1}", c.Name, ValueText(Map, c.Value)], $"/Partners/Countries/{c.Iso2}")).ToList(),
            text["aucun"]);
    }

    /// <summary>The name of a layer, as its link says it.</summary>
    public string LayerName(MapLayer layer) => layer switch
    {
        MapLayer.Trainees => text["Stagiaires par nationalité"],
        MapLayer.Projects => text["Projets en cours"],
        MapLayer.Donations => text["Dons remis"],
        _ => text["Coopérants en poste"],
    };

    /// <summary>The header of the figures' column.</summary>
    public string ValueHeader(NetworkMap map) => map.Layer switch
    {
        MapLayer.Trainees => text["Stagiaires formés en {0}", map.Year!],
        MapLayer.Projects => text["Projets en cours"],
        MapLayer.Donations when map.ByValue => text["Valeur remise en {0} (€)", map.Year!],
        MapLayer.Donations => text["Dons remis en {0}", map.Year!],
        _ => text["Coopérants en poste"],
    };

    private string LayerMeasure(NetworkMap map) => map.Layer switch
    {
        MapLayer.Trainees => text["le nombre de stagiaires formés en {0}, par nationalité", map.Year!],
        MapLayer.Projects => text["le nombre de projets en cours"],
        MapLayer.Donations when map.ByValue => text["la valeur des dons remis en {0}", map.Year!],
        MapLayer.Donations => text["le nombre de dons remis en {0}", map.Year!],
        _ => text["le nombre de coopérants en poste"],
    };

    public string ValueText(NetworkMap map, decimal value) => map.ByValue ? ReportValue(value) : Format.Number(value);

    private static string ReportValue(decimal value) => Annual.ReportFormat.Value(value, Annual.FigureKind.Euros);

    /// <summary>The address of a layer, keeping the year and the measure where they apply.</summary>
    public string LayerLink(MapLayer layer, int? year = null, string? measure = null)
    {
        var code = Projects.ProjectCodes.Of(layer);
        var dated = layer is MapLayer.Trainees or MapLayer.Donations;
        return Annual.ComputeAnnualReport.Link("/Reporting/Map",
            [("layer", code), ("year", dated ? year ?? Map.Year : null), ("measure", layer == MapLayer.Donations ? measure : null)]);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        await LoadAsync(ct);
        Column<MapCountry>[] columns =
        [
            new(text["Pays"], c => c.Name),
            new(text["Code ISO"], c => c.Iso2),
            new(ValueHeader(Map), c => c.Value),
        ];
        return Export.File(format, text["carte-reseau"], columns, Map.Countries);
    }
}
