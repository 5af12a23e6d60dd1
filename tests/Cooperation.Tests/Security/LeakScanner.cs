using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
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

    /// <summary>What of <paramref name="foreign"/> appears in the text: each leak once, as found.</summary>
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
        var words = Text.NormalizeName(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
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

    /// <summary>A page's text without its tags (cells side by side), then the values of its attributes (a form's fields side by side).</summary>
    private static string HtmlText(string html)
    {
        var text = new StringBuilder(WebUtility.HtmlDecode(Tag().Replace(html, " ")));
        foreach (Match m in Attribute().Matches(html)) text.Append(' ').Append(WebUtility.HtmlDecode(m.Groups[1].Value));
        return text.ToString();
    }

    /// <summary>The shared strings and the sheets' inline cells of a workbook, in order.</summary>
    private static string XlsxText(byte[] body)
    {
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(WebUtility.HtmlDecode(Tag().Replace(reader.ReadToEnd(), " "))).Append('\n');
        }
        return text.ToString();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d[\d ().\-]{4,}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s(?:value|title|content|aria-label|alt|placeholder|data-[\w\-]+)=""([^""]*)""")]
    private static partial Regex Attribute();
}
