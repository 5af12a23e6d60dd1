using System.Globalization;
using System.Net;
using System.Text;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>
/// The report's charts as inline SVG for the pages (the dashboard), from the same data as the pictures of the files
/// (<see cref="ReportImages"/>): a <see cref="ReportTable"/>, whose table the page shows beside the chart. SkiaSharp's
/// SVG canvas would write the print drawing (1000 px wide, 19 px text: unreadable once a phone shrinks it, and each
/// glyph run positioned character by character); this writes a few hundred bytes laid out for a narrow screen,
/// coloured by CSS classes (<c>coop-s1</c>…, the design system's colours in site.css), with no script and no style
/// attribute (the Content-Security-Policy forbids them).
/// </summary>
public static class ChartSvg
{
    private const int Width = 400;

    /// <summary>Horizontal bars of the table's first column, largest first as the table orders them, each labelled above its bar.</summary>
    public static string Bars(ReportTable table, string id)
    {
        var lines = table.Lines.Take(ReportImages.MaxBars).ToList();
        const int row = 36;
        var height = Math.Max(1, lines.Count) * row + 4;
        var kind = table.Columns[0].Kind;
        var max = lines.Count == 0 ? 0 : lines.Max(l => l.Values[0]);
        var svg = Open(id, table.Caption, height);
        for (var i = 0; i < lines.Count; i++)
        {
            var y = i * row;
            var value = lines[i].Values[0];
            var length = max <= 0 ? 0 : (double)(value / max) * (Width - 110);
            var text = ReportFormat.Value(value, kind);
            svg.Append($"<text class=\"coop-chart-label\" x=\"0\" y=\"{N(y + 13)}\">{E(Clip(lines[i].Label, 60))}</text>");
            svg.Append($"<rect class=\"coop-s1\" x=\"0\" y=\"{N(y + 18)}\" width=\"{N(Math.Max(length, 1))}\" height=\"12\"><title>{E(lines[i].Label)} : {E(text)}</title></rect>");
            svg.Append($"<text class=\"coop-chart-value\" x=\"{N(length + 6)}\" y=\"{N(y + 28)}\">{E(text)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Columns: one group a line of the table (a year), one bar a column (a series: planned, committed, disbursed), on a
    /// scale from zero with three grid lines; the legend is the page's (the series' names, in HTML).
    /// </summary>
    public static string Columns(ReportTable table, string id)
    {
        const int height = 210, left = 52, right = Width - 4, top = 12, bottom = 182;
        var kind = table.Columns[0].Kind;
        var series = table.Columns.Count;
        var max = table.Lines.Count == 0 ? 0 : table.Lines.Max(l => l.Values.Take(series).DefaultIfEmpty(0).Max());
        var scale = Nice(kind == FigureKind.Share ? Math.Max(max, 0.01m) : max);
        var svg = Open(id, table.Caption, height);
        for (var g = 0; g <= 2; g++)
        {
            var value = scale * g / 2;
            var y = bottom - (bottom - top) * g / 2.0;
            svg.Append($"<line class=\"coop-chart-grid\" x1=\"{left}\" x2=\"{right}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            svg.Append($"<text class=\"coop-chart-axis\" x=\"{left - 4}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{E(Compact(value, kind))}</text>");
        }
        var group = (right - left) / (double)Math.Max(1, table.Lines.Count);
        var bar = group * 0.72 / series;
        for (var i = 0; i < table.Lines.Count; i++)
        {
            var line = table.Lines[i];
            var x0 = left + i * group + group * 0.14;
            for (var s = 0; s < series; s++)
            {
                var value = line.Values[s];
                var h = scale <= 0 ? 0 : (double)(value / scale) * (bottom - top);
                svg.Append($"<rect class=\"coop-s{s + 1}\" x=\"{N(x0 + s * bar)}\" y=\"{N(bottom - h)}\" width=\"{N(bar - 1)}\" height=\"{N(Math.Max(h, 0))}\">"
                           + $"<title>{E(line.Label)} — {E(table.Columns[s].Header)} : {E(ReportFormat.Value(value, table.Columns[s].Kind))}</title></rect>");
            }
            svg.Append($"<text class=\"coop-chart-axis\" x=\"{N(left + i * group + group / 2)}\" y=\"{bottom + 18}\" text-anchor=\"middle\">{E(line.Label)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The upper bound of a scale: 1, 2, 2.5 or 5 times a power of ten, at least the largest value.</summary>
    public static decimal Nice(decimal max)
    {
        if (max <= 0) return 1;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
            if (step * power >= max) return step * power;
        return 10 * power;
    }

    /// <summary>A value of the axis, short: "40 %", "2,5 M", "500 k", "120".</summary>
    public static string Compact(decimal value, FigureKind kind)
    {
        var culture = CultureInfo.CurrentCulture;
        if (kind == FigureKind.Share) return (value * 100).ToString("0.#", culture) + " %";
        var unit = kind == FigureKind.Euros ? " €" : "";
        return value switch
        {
            >= 1_000_000 => (value / 1_000_000).ToString("0.#", culture) + " M" + unit,
            >= 10_000 => (value / 1_000).ToString("0.#", culture) + " k" + unit,
            _ => value.ToString("0.#", culture) + unit,
        };
    }

    private static StringBuilder Open(string id, string caption, int height) => new StringBuilder()
        .Append($"<svg class=\"coop-chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\" data-testid=\"chart-svg-{id}\">")
        .Append($"<title id=\"{id}-title\">{E(caption)}</title>");

    private static string Clip(string label, int length) => label.Length <= length ? label : label[..(length - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
