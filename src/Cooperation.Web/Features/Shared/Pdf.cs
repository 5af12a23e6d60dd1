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

    /// <summary>How far down the page the next line goes, for a document that turns the page itself.</summary>
    public double Y => _y;

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

    /// <summary>The ministry's block (<see cref="LetterSignature.Ministry"/>, its first line in blue), a rule, then the place and day.</summary>
    public void Letterhead(IStringLocalizer text, string day, LetterSignature signature)
    {
        Line("RÉPUBLIQUE FRANÇAISE", 9, bold: true);
        var lines = signature.Ministry;
        for (var i = 0; i < lines.Count; i++)
            if (i == 0) Line(lines[i], 13, bold: true, brush: Blue);
            else Line(lines[i], 10, brush: Blue);
        Rule(Blue);
        Line(text["Paris, le {0}", day], 10, align: XStringFormats.TopRight);
    }

    /// <summary>The signatory's title, then his name, on the right.</summary>
    public void Signature(LetterSignature signature)
    {
        Line(signature.Title, 11, bold: true, align: XStringFormats.TopRight);
        if (signature.Name.Length > 0)
        {
            Space(28);
            Line(signature.Name, 11, align: XStringFormats.TopRight);
        }
    }

    public void Rule(XBrush brush)
    {
        _y += 4;
        gfx.DrawRectangle(brush, Margin, _y, Width, 1.2);
        _y += 10;
    }

    public void Space(double points) => _y += points;
}

/// <summary>
/// Who signs the directorate's letters and the ministry's block that heads them, from configuration:
/// <c>Letters:Ministry</c> (lines separated by "\n"; <c>Letters:MinistryEn</c> for an English letter),
/// <c>Letters:Signatory</c> (his name) and <c>Letters:SignatoryTitle</c> (<c>Letters:SignatoryTitleEn</c>).
/// </summary>
public sealed record LetterSignature(IReadOnlyList<string> Ministry, string Name, string Title)
{
    private const string DefaultMinistry = "Ministère de l'Europe et des Affaires étrangères\nDirection de la coopération de sécurité et de défense";
    private const string DefaultTitle = "Le directeur de la coopération de sécurité et de défense";

    public static LetterSignature From(IConfiguration config, bool english)
    {
        string? Read(string key) => english && !string.IsNullOrWhiteSpace(config[$"Letters:{key}En"]) ? config[$"Letters:{key}En"] : config[$"Letters:{key}"];
        var ministry = (Read("Ministry") is { Length: > 0 } m ? m : DefaultMinistry)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new(ministry, Read("Signatory")?.Trim() ?? "", Read("SignatoryTitle") is { Length: > 0 } t ? t.Trim() : DefaultTitle);
    }
}
