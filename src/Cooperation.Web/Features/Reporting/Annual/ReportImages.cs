using System.Text.Json;
using SkiaSharp;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>
/// The report's charts and map, drawn on the server with SkiaSharp into PNG images that the PDF and the DOCX both
/// embed (the same picture in both). Text is drawn in the DejaVu Sans the PDFs ship (Data/Fonts), so that a chart looks
/// the same on every machine.
/// </summary>
public static class ReportImages
{
    private static readonly string Fonts = Path.Combine(AppContext.BaseDirectory, "Data", "Fonts");
    private static readonly Lazy<SKTypeface> Regular = new(() => SKTypeface.FromFile(Path.Combine(Fonts, "DejaVuSans.ttf")));
    private static readonly Lazy<SKTypeface> Bold = new(() => SKTypeface.FromFile(Path.Combine(Fonts, "DejaVuSans-Bold.ttf")));
    // Properties, not static fields: a static field of SkiaSharp's type would load SkiaSharp with this class, which the
    // start's look for use cases and routes (UseCaseRegistration.ApplicationTypes) loads: 1 MB mapped for nothing.
    private static SKColor Blue => new(0, 0, 145);
    private static SKColor Red => new(225, 0, 15);
    private static SKColor Grey => new(221, 221, 221);
    private static SKColor Text => new(22, 22, 22);

    /// <summary>The most lines a chart draws; the table beside it holds them all.</summary>
    public const int MaxBars = 12;

    /// <summary>Horizontal bars of a table's first column, largest first, the value written at the end of each bar.</summary>
    public static byte[] Bars(ReportTable table, int width = 1000)
    {
        var lines = table.Lines.Take(MaxBars).ToList();
        const int row = 34, top = 16, labelWidth = 380, valueWidth = 150;
        var height = top * 2 + Math.Max(1, lines.Count) * row;
        var max = lines.Count == 0 ? 0 : lines.Max(l => l.Values[0]);
        var kind = table.Columns[0].Kind;
        return Draw(width, height, canvas =>
        {
            using var font = new SKFont(Regular.Value, 19);
            using var ink = new SKPaint { Color = Text, IsAntialias = true };
            using var bar = new SKPaint { Color = Blue, IsAntialias = true };
            var barRoom = width - labelWidth - valueWidth - 20;
            for (var i = 0; i < lines.Count; i++)
            {
                var y = top + i * row;
                canvas.DrawText(Clip(lines[i].Label, font, labelWidth - 12), labelWidth - 12, y + 23, SKTextAlign.Right, font, ink);
                var length = max <= 0 ? 0 : (float)(lines[i].Values[0] / max) * barRoom;
                canvas.DrawRect(labelWidth, y + 5, Math.Max(length, 1), row - 10, bar);
                canvas.DrawText(ReportFormat.Value(lines[i].Values[0], kind), labelWidth + length + 10, y + 23, SKTextAlign.Left, font, ink);
            }
        });
    }

    /// <summary>
    /// The world map of the report: countries shaded by coopérants in post (five blues, as the map page), a red disc on
    /// each country with actions in the year (its area in proportion to their number), and the legend.
    /// </summary>
    public static byte[] Map(IReadOnlyList<ReportMapCountry> countries, WorldShapes shapes, string cooperantsLegend, string actionsLegend, int width = 1600)
    {
        var height = width / 2 + 60;
        var byCode = countries.ToDictionary(c => c.NumericCode);
        var bounds = WorldMap.Classes(countries.Select(c => (long)c.Cooperants));
        var maxActions = countries.Count == 0 ? 0 : countries.Max(c => c.Actions);
        SKColor[] shades = [new(232, 237, 255), new(188, 200, 240), new(130, 150, 225), new(70, 95, 200), Blue];
        return Draw(width, height, canvas =>
        {
            SKPoint Project(double lon, double lat) =>
                new((float)((lon + 180) / 360 * width), (float)((90 - Math.Clamp(lat, -60, 90)) / 150 * (width / 2.0)));
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColors.White, StrokeWidth = 0.8f };
            using var disc = new SKPaint { IsAntialias = true, Color = Red.WithAlpha(200) };
            foreach (var shape in shapes.Countries)
            {
                using var builder = new SKPathBuilder();
                foreach (var ring in shape.Rings)
                {
                    builder.MoveTo(Project(ring[0].Lon, ring[0].Lat));
                    // A ring that crosses the antimeridian is broken there rather than drawn across the whole map.
                    for (var i = 1; i < ring.Count; i++)
                        if (Math.Abs(ring[i].Lon - ring[i - 1].Lon) > 180) builder.MoveTo(Project(ring[i].Lon, ring[i].Lat));
                        else builder.LineTo(Project(ring[i].Lon, ring[i].Lat));
                    builder.Close();
                }
                using var path = builder.Detach();
                var cooperants = byCode.GetValueOrDefault(shape.Id)?.Cooperants ?? 0;
                fill.Color = cooperants == 0 ? Grey : shades[WorldMap.ClassOf(bounds, cooperants) - 1];
                canvas.DrawPath(path, fill);
                canvas.DrawPath(path, edge);
            }
            foreach (var shape in shapes.Countries)
                if (byCode.GetValueOrDefault(shape.Id) is { Actions: > 0 } country)
                {
                    var centre = Project(shape.Centre.Lon, shape.Centre.Lat);
                    canvas.DrawCircle(centre, 3 + 9 * (float)Math.Sqrt(country.Actions / (double)maxActions), disc);
                }
            using var font = new SKFont(Regular.Value, 20);
            using var ink = new SKPaint { Color = Text, IsAntialias = true };
            var y = height - 22;
            var x = 20f;
            canvas.DrawText(cooperantsLegend, x, y, SKTextAlign.Left, font, ink);
            x += font.MeasureText(cooperantsLegend) + 12;
            for (var i = 0; i < shades.Length; i++)
            {
                fill.Color = shades[i];
                canvas.DrawRect(x, y - 16, 22, 18, fill);
                var label = i == 0 ? $"1–{bounds[0]}" : bounds[i - 1] + 1 == bounds[i] ? $"{bounds[i]}" : $"{bounds[i - 1] + 1}–{bounds[i]}";
                canvas.DrawText(label, x + 28, y, SKTextAlign.Left, font, ink);
                x += 40 + font.MeasureText(label);
            }
            canvas.DrawCircle(x + 14, y - 7, 9, disc);
            canvas.DrawText(actionsLegend, x + 30, y, SKTextAlign.Left, font, ink);
        });
    }

    private static string Clip(string label, SKFont font, float room)
    {
        if (font.MeasureText(label) <= room) return label;
        var cut = label;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > room) cut = cut[..^1];
        return cut + "…";
    }

    private static byte[] Draw(int width, int height, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}

/// <summary>A point of a shape, in degrees.</summary>
public readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>A country of the Natural Earth shapes: its numeric ISO code, its rings, the centre of its largest ring.</summary>
public sealed record CountryShape(string Id, IReadOnlyList<IReadOnlyList<GeoPoint>> Rings, GeoPoint Centre);

/// <summary>
/// The Natural Earth country shapes of the map page (world-atlas' countries-110m.json, a TopoJSON file in wwwroot/lib),
/// decoded once: arcs delta-decoded and scaled, rings joined from their arcs (a negative index ~i is arc i reversed).
/// </summary>
public sealed class WorldShapes(IReadOnlyList<CountryShape> countries)
{
    public const string Asset = "lib/world-atlas/countries-110m.json";
    private static readonly Lock Gate = new();
    private static WorldShapes? _loaded;

    public IReadOnlyList<CountryShape> Countries { get; } = countries;

    /// <summary>The shapes of the web root's atlas, read once for the process.</summary>
    public static WorldShapes Of(IWebHostEnvironment env)
    {
        lock (Gate)
        {
            if (_loaded is not null) return _loaded;
            using var stream = env.WebRootFileProvider.GetFileInfo(Asset).CreateReadStream();
            return _loaded = Read(stream);
        }
    }

    public static WorldShapes Read(Stream topoJson)
    {
        using var doc = JsonDocument.Parse(topoJson);
        var root = doc.RootElement;
        var transform = root.GetProperty("transform");
        var (sx, sy) = (transform.GetProperty("scale")[0].GetDouble(), transform.GetProperty("scale")[1].GetDouble());
        var (tx, ty) = (transform.GetProperty("translate")[0].GetDouble(), transform.GetProperty("translate")[1].GetDouble());
        var arcs = root.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            var (x, y) = (0L, 0L);
            var points = new List<GeoPoint>();
            foreach (var p in arc.EnumerateArray())
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                points.Add(new GeoPoint(x * sx + tx, y * sy + ty));
            }
            return points;
        }).ToList();

        List<GeoPoint> Ring(JsonElement indexes)
        {
            var ring = new List<GeoPoint>();
            foreach (var index in indexes.EnumerateArray().Select(i => i.GetInt32()))
            {
                var arc = index >= 0 ? arcs[index] : Enumerable.Reverse(arcs[~index]).ToList();
                ring.AddRange(ring.Count == 0 ? arc : arc.Skip(1));
            }
            return ring;
        }

        var countries = new List<CountryShape>();
        foreach (var geometry in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            if (!geometry.TryGetProperty("id", out var id) || !geometry.TryGetProperty("arcs", out var parts)) continue;
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon" ? parts.EnumerateArray().ToList() : [parts];
            var rings = polygons.SelectMany(polygon => polygon.EnumerateArray().Select(Ring)).Where(r => r.Count > 2).ToList();
            if (rings.Count == 0) continue;
            var largest = rings.MaxBy(r => Math.Abs(Area(r)))!;
            countries.Add(new CountryShape(id.GetString()!, rings, new GeoPoint(largest.Average(p => p.Lon), largest.Average(p => p.Lat))));
        }
        return new WorldShapes(countries);
    }

    private static double Area(List<GeoPoint> ring)
    {
        double sum = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
            sum += a.Lon * b.Lat - b.Lon * a.Lat;
        }
        return sum / 2;
    }
}
