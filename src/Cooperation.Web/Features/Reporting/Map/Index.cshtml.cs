using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Cooperation.Web.Features.Reporting.Map;

public class IndexModel(ComputeNetworkMap compute, IStringLocalizer<IndexModel> text) : PageModel
{
    // Keeps accented names readable while still escaping <, > and & so the block cannot close its script element.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public NetworkMap Map { get; private set; } = null!;

    /// <summary>What the script shades: numeric ISO code → {iso2, name, count}, the ids of the world-atlas shapes.</summary>
    public string DataJson => JsonSerializer.Serialize(
        Map.Countries.ToDictionary(c => c.NumericCode, c => new { iso2 = c.Iso2, name = c.Name, count = c.Cooperants }), Json);

    public async Task OnGetAsync(CancellationToken ct) => Map = await compute.HandleAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        Map = await compute.HandleAsync(ct);
        Column<MapCountry>[] columns =
        [
            new(text["Pays"], c => c.Name),
            new(text["Code ISO"], c => c.Iso2),
            new(text["Coopérants en poste"], c => c.Cooperants),
        ];
        return Export.File(format, text["carte-reseau"], columns, Map.Countries);
    }
}
