using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cooperation.Tests.Schools.Nominations;

namespace Cooperation.Tests.Security;

/// <summary>
/// Reads an answer as its reader would (JSON values, a page's text and the values of its fields, a CSV, the cells of an
/// .xlsx, the text of a PDF) and finds in it the names, e-mail addresses and telephone numbers of persons foreign to
/// the reader (<see cref="ForeignPersons"/>). Names are matched as the application normalises them, in both orders,
/// across the cells and fields where a first and a last name stand side by side.
/// </summary>
public static partial class LeakScanner
{
    private const int MaxNameWords = 8;

    /// <summary>The readable text of an answer, by its content type.</summary>
    public static string TextOf(string? contentType, byte[] body)
    {
        var type = contentType ?? "";
        if (type.Contains("json")) return JsonText(body);
        if (type.Contains("spreadsheetml")) return XlsxText(body);
        if (type.Contains("pdf")) return body.Length == 0 ? "" : PdfText.Extract(body);
        var text = Encoding.UTF8.GetString(body);
        return type.Contains("html") ? HtmlText(text) : text;
    }

    /// <summary>
    /// What of <paramref name="foreign"/> appears in the text: each leak once, as found. A name is matched within one
    /// segment (a line: one JSON value, one cell or block of a page, one row of a sheet or CSV, one line of a PDF), so
    /// that the first name of one person and the last name of the next do not make up a third.
    /// </summary>
    public static IReadOnlyList<string> Find(string text, ForeignPersons foreign)
    {
        var found = new List<string>();
        foreach (Match m in Email().Matches(text))
            if (foreign.Emails.Contains(m.Value.ToLowerInvariant())) found.Add(m.Value);
        foreach (Match m in Phone().Matches(text))
        {
            var digits = new string(m.Value.Where(char.IsDigit).ToArray());
            if (foreign.Phones.Contains(digits)) found.Add(m.Value);
        }
        foreach (var segment in text.Split('\n'))
        {
            var words = Text.NormalizeName(segment).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (foreign.Words.Contains(words[i])) found.Add(words[i]);
                var phrase = new StringBuilder(words[i]);
                for (var n = 1; n < MaxNameWords && i + n < words.Length; n++)
                {
                    phrase.Append(' ').Append(words[i + n]);
                    if (foreign.Names.Contains(phrase.ToString())) found.Add(phrase.ToString());
                }
            }
        }
        return found.Distinct().ToList();
    }

    /// <summary>Every string value of the document, one a line; a first and a last name of one object also side by side.</summary>
    private static string JsonText(byte[] body)
    {
        if (body.Length == 0) return "";
        try
        {
            using var document = JsonDocument.Parse(body);
            var text = new StringBuilder();
            Walk(document.RootElement, text);
            return text.ToString();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(body);
        }
    }

    private static void Walk(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                string? first = null, last = null;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        if (property.NameEquals("firstName")) first = property.Value.GetString();
                        if (property.NameEquals("lastName")) last = property.Value.GetString();
                    }
                    Walk(property.Value, text);
                }
                if (first is not null && last is not null) text.Append(first).Append(' ').Append(last).Append(" ;\n");
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, text);
                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append(" ;\n");
                break;
        }
    }

    /// <summary>
    /// A page's text without its tags, a segment per block (cell, item, option, paragraph; inline tags are spaces), then
    /// the values of its attributes, a segment each.
    /// </summary>
    private static string HtmlText(string html)
    {
        var text = new StringBuilder(WebUtility.HtmlDecode(Tag().Replace(Block().Replace(html, "\n"), " ")));
        foreach (Match m in Attribute().Matches(html)) text.Append('\n').Append(WebUtility.HtmlDecode(m.Groups[1].Value));
        return text.ToString();
    }

    /// <summary>The cells of a workbook's sheets, a segment per row (its cells side by side, shared strings resolved).</summary>
    private static string XlsxText(byte[] body)
    {
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        static XDocument Read(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            return XDocument.Load(stream);
        }
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } sst
            ? Read(sst).Root!.Elements(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(t => t.Value))).ToList()
            : [];
        var text = new StringBuilder();
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            foreach (var row in Read(sheet).Descendants(ns + "row"))
            {
                foreach (var cell in row.Elements(ns + "c"))
                {
                    var value = cell.Element(ns + "v")?.Value;
                    text.Append(' ').Append((string?)cell.Attribute("t") switch
                    {
                        "s" when int.TryParse(value, out var i) && i < shared.Count => shared[i],
                        "inlineStr" => string.Concat(cell.Descendants(ns + "t").Select(t => t.Value)),
                        _ => value,
                    });
                }
                text.Append('\n');
            }
        return text.ToString();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d[\d ().\-]{4,}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(?:/?(?:td|th|tr|li|p|div|option|h[1-6]|dd|dt|caption|section|table|ul|ol|nav|header|footer|form|label|legend)\b[^>]*|br\s*/?)>",
        RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"\s(?:value|title|content|aria-label|alt|placeholder|data-[\w\-]+)=""([^""]*)""")]
    private static partial Regex Attribute();
}
