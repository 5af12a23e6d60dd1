using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>
/// Reads back the text of a PDF written by PDFsharp: its text operators carry glyph ids (Identity-H), which the
/// fonts' ToUnicode maps turn back into characters. Words come out separated by single spaces.
/// </summary>
public static partial class PdfText
{
    public static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    public static string Extract(byte[] pdf)
    {
        using var document = Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = Maps(page);
            Dictionary<int, string>? map = null;
            foreach (var op in ContentReader.ReadContent(page).OfType<COperator>())
            {
                switch (op.OpCode.Name)
                {
                    case "Tf" when op.Operands.Count > 0 && op.Operands[0] is CName name:
                        maps.TryGetValue(name.Name, out map);
                        break;
                    case "Tj" or "'" or "\"":
                        foreach (var s in op.Operands.OfType<CString>()) text.Append(Decode(s, map));
                        text.Append(' ');
                        break;
                    case "TJ":
                        foreach (var array in op.Operands.OfType<CArray>())
                            foreach (var s in array.OfType<CString>()) text.Append(Decode(s, map));
                        text.Append(' ');
                        break;
                }
            }
        }
        return Spaces().Replace(text.ToString(), " ").Trim();
    }

    private static string Decode(CString s, Dictionary<int, string>? map)
    {
        if (map is null) return s.Value;
        var sb = new StringBuilder();
        var bytes = s.Value;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var glyph = (bytes[i] << 8) | bytes[i + 1];
            sb.Append(map.TryGetValue(glyph, out var c) ? c : "?");
        }
        return sb.ToString();
    }

    private static Dictionary<string, Dictionary<int, string>> Maps(PdfPage page)
    {
        var result = new Dictionary<string, Dictionary<int, string>>();
        var fonts = page.Resources.Elements.GetDictionary("/Font");
        if (fonts is null) return result;
        foreach (var key in fonts.Elements.Keys)
        {
            var font = fonts.Elements.GetDictionary(key);
            var toUnicode = font?.Elements.GetDictionary("/ToUnicode");
            if (toUnicode?.Stream is null) continue;
            result[key] = ParseCMap(Encoding.ASCII.GetString(toUnicode.Stream.UnfilteredValue));
        }
        return result;
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
                map[Hex(pair.Groups[1].Value)] = Unicode(pair.Groups[2].Value);
        foreach (Match block in BfRange().Matches(cmap))
            foreach (Match range in Range().Matches(block.Groups[1].Value))
            {
                var (from, to, start) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
                for (var g = from; g <= to; g++) map[g] = char.ConvertFromUtf32(start + g - from);
            }
        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Unicode(string hex)
    {
        var sb = new StringBuilder();
        for (var i = 0; i + 4 <= hex.Length; i += 4) sb.Append((char)Hex(hex.Substring(i, 4)));
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
