using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Cooperation.Web.Features.Shared;

/// <summary>A country of a shaded world map: its numeric ISO code (the id of its Natural Earth shape), ISO2, name,
/// value, shading class (0: none, 1 to 5), the tooltip the script shows and the page a click opens.</summary>
public sealed record WorldMapCountry(string NumericCode, string Iso2, string Name, decimal? Value, int Class, string Tooltip, string? Link);

/// <summary>An entry of the map's legend: its class and what it means ("1–3", "≥ 100 %").</summary>
public sealed record WorldMapLegend(int Class, string Label);

/// <summary>
/// What the shared map component (<c>_WorldMap.cshtml</c> and <c>wwwroot/js/map.js</c>) draws: countries shaded in
/// five classes computed here (the script only paints them), the legend, the tooltip of each country and where a click
/// leads. The page's table carries the same figures, for whom the map is not shown (no JavaScript, a screen reader).
/// <paramref name="NoneLabel"/> names the grey of countries without a figure.
/// </summary>
public sealed record WorldMap(string Label, string LegendTitle, IReadOnlyList<WorldMapLegend> Legend, IReadOnlyList<WorldMapCountry> Countries, string NoneLabel)
{
    public const int ClassCount = 5;

    // Keeps accented names readable while still escaping <, > and & so the block cannot close its script element.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>What the script shades: numeric ISO code → {iso2, name, value, c (class), t (tooltip), href}.</summary>
    public string DataJson => JsonSerializer.Serialize(
        Countries.ToDictionary(c => c.NumericCode, c => new { iso2 = c.Iso2, name = c.Name, value = c.Value, c = c.Class, t = c.Tooltip, href = c.Link }), Json);

    /// <summary>
    /// Five classes of counts: quantiles when the counts spread over enough values (a few large countries must not
    /// flatten the others), equal intervals otherwise. Bounds are strictly increasing and the last covers the maximum.
    /// </summary>
    public static IReadOnlyList<long> Classes(IEnumerable<long> counts)
    {
        var sorted = counts.Where(c => c > 0).Order().ToArray();
        var max = sorted.Length == 0 ? ClassCount : sorted[^1];
        var bounds = new long[ClassCount];
        var quantiles = sorted.Distinct().Count() >= ClassCount;
        var width = (long)Math.Ceiling(max / (double)ClassCount);
        var previous = 0L;
        for (var i = 0; i < ClassCount; i++)
        {
            var bound = quantiles ? sorted[(int)Math.Ceiling((i + 1) * sorted.Length / (double)ClassCount) - 1] : width * (i + 1);
            bounds[i] = previous = Math.Max(bound, previous + 1);
        }
        bounds[^1] = Math.Max(bounds[^1], max);
        return bounds;
    }

    /// <summary>The class (1 to 5) of a count within these bounds; 0 for none.</summary>
    public static int ClassOf(IReadOnlyList<long> bounds, long count)
    {
        if (count <= 0) return 0;
        for (var i = 0; i < bounds.Count; i++)
            if (count <= bounds[i]) return i + 1;
        return bounds.Count;
    }

    /// <summary>The legend of count classes: "1–3", "4", "5–12"..., each bound written by <paramref name="write"/>.</summary>
    public static IReadOnlyList<WorldMapLegend> LegendOf(IReadOnlyList<long> bounds, Func<long, string> write) =>
        bounds.Select((high, i) =>
        {
            var low = i == 0 ? 1 : bounds[i - 1] + 1;
            return new WorldMapLegend(i + 1, low == high ? write(high) : $"{write(low)}–{write(high)}");
        }).ToList();
}
