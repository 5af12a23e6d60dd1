using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;

namespace Cooperation.Web.Features.Shared;

/// <summary>
/// PDF documents use the DejaVu Sans shipped in Data/Fonts: Linux has no font PDFsharp finds by itself.
/// Call <see cref="EnsureFonts"/> before drawing, then use <c>new XFont(Pdf.Font, size)</c>.
/// </summary>
public static class Pdf
{
    public const string Font = "DejaVu Sans";
    private static readonly Lock Gate = new();

    public static void EnsureFonts()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new ShippedFonts();
        }
    }

    /// <summary>Renders a document in a culture (its dates and texts), whatever the user's.</summary>
    public static T InCulture<T>(string culture, Func<T> render)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    private sealed class ShippedFonts : IFontResolver
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "Fonts");

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
    }
}

/// <summary>Writes lines and wrapped paragraphs down an A4 page.</summary>
public sealed class PdfWriter(XGraphics gfx, double pageWidth)
{
    public const double Margin = 56;
    private readonly XTextFormatter _formatter = new(gfx);
    private double _y = 48;
    private double Width => pageWidth - 2 * Margin;

    public void Line(string value, double size, bool bold = false, XBrush? brush = null, XStringFormat? align = null)
    {
        var font = new XFont(Pdf.Font, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        gfx.DrawString(value, font, brush ?? XBrushes.Black, new XRect(Margin, _y, Width, size * 1.4), align ?? XStringFormats.TopLeft);
        _y += size * 1.45;
    }

    public void Paragraph(string value, double size, bool bold = false, double indent = 0)
    {
        var font = new XFont(Pdf.Font, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        var width = Width - indent;
        var lines = Math.Max(1, (int)Math.Ceiling(gfx.MeasureString(value, font).Width / (width * 0.92)));
        var height = lines * size * 1.35 + 2;
        _formatter.DrawString(value, font, XBrushes.Black, new XRect(Margin + indent, _y, width, height), XStringFormats.TopLeft);
        _y += height + size * 0.5;
    }

    /// <summary>The Marianne blue of the State's letterheads.</summary>
    public static readonly XSolidBrush Blue = new(XColor.FromArgb(0, 0, 145));

    /// <summary>The directorate's letterhead (its name in English too for an English letter), a rule, then the place and day.</summary>
    public void Letterhead(IStringLocalizer text, string day)
    {
        Line("RÉPUBLIQUE FRANÇAISE", 9, bold: true);
        Line("Coopération de sécurité et de défense", 14, bold: true, brush: Blue);
        if (Names.English) Line(text["Coopération de sécurité et de défense"], 10, brush: Blue);
        Rule(Blue);
        Line(text["Paris, le {0}", day], 10, align: XStringFormats.TopRight);
    }

    public void Rule(XBrush brush)
    {
        _y += 4;
        gfx.DrawRectangle(brush, Margin, _y, Width, 1.2);
        _y += 10;
    }

    public void Space(double points) => _y += points;
}
