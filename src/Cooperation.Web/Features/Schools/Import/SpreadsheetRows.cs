using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>A row of the first sheet: its number as Excel shows it, and its cells' text by column (0 = A).</summary>
public sealed record SheetRow(int Number, string?[] Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads the first sheet of an .xlsx file as text, streaming its XML: some ten times faster than loading the workbook
/// with ClosedXML, which matters for 10,000 rows. Numbers come back in invariant culture: a date typed as a date in
/// Excel is its serial number, which the date columns turn back into a date.
/// </summary>
public static class SpreadsheetRows
{
    public sealed class NotASpreadsheetException(Exception inner) : Exception("Not an .xlsx file", inner);

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    /// <summary>The rows, header first, blank rows left out; stops once it holds <paramref name="limit"/> rows.</summary>
    public static List<SheetRow> Read(Stream file, int limit)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(file, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook");
            var first = workbook.Workbook.Sheets?.ChildElements.OfType<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault()
                        ?? throw new InvalidDataException("No sheet");
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var shared = workbook.SharedStringTablePart is { } strings ? SharedStrings(strings) : [];
            using var stream = sheet.GetStream(FileMode.Open, FileAccess.Read);
            return Rows(stream, shared, limit);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException
                                      or IOException or ArgumentException or InvalidOperationException or KeyNotFoundException
                                      or XmlException or FormatException or OverflowException)
        {
            throw new NotASpreadsheetException(e);
        }
    }

    private static List<SheetRow> Rows(Stream sheet, string[] shared, int limit)
    {
        var rows = new List<SheetRow>();
        var cells = new List<string?>(16);
        var rowNumber = 0;
        using var xml = XmlReader.Create(sheet, Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "row")
            {
                if (rowNumber > 0) Add();
                if (rows.Count >= limit) return rows;
                rowNumber = xml.GetAttribute("r") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : rowNumber + 1;
                cells.Clear();
            }
            else if (xml.LocalName == "c")
            {
                var column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : cells.Count;
                var type = xml.GetAttribute("t");
                var value = xml.IsEmptyElement ? null : CellValue(xml, type, shared);
                while (cells.Count <= column) cells.Add(null);
                cells[column] = value;
            }
        }
        if (rowNumber > 0 && rows.Count < limit) Add();
        return rows;

        void Add()
        {
            var row = new SheetRow(rowNumber, [.. cells]);
            if (!row.IsBlank) rows.Add(row);
        }
    }

    /// <summary>Reads a cell element's content, leaving the reader on its end tag.</summary>
    private static string? CellValue(XmlReader xml, string? type, string[] shared)
    {
        var depth = xml.Depth;
        string? value = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v") value = xml.ReadElementContentAsString();
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is") value = RichText(xml);
            else xml.Read();
        }
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : null,
            "b" => value == "1" ? "TRUE" : value is null ? null : "FALSE",
            _ => value,
        };
    }

    private static string[] SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si") strings.Add(RichText(xml));
            else xml.Read();
        }
        return [.. strings];
    }

    /// <summary>The text of a string item (plain, or rich-text runs joined; phonetic hints left out); the reader ends past it.</summary>
    private static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") xml.Skip();
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t") text.Append(xml.ReadElementContentAsString());
            else xml.Read();
        }
        xml.Read();
        return text.ToString();
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}
