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

    private sealed class ShippedFonts : IFontResolver
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "Fonts");

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
    }
}
