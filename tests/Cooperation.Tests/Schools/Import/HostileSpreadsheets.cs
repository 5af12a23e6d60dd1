using System.IO.Compression;
using System.Text;

namespace Cooperation.Tests.Schools.Import;

/// <summary>
/// .xlsx files written part by part, as an attacker crafts them: tiny on the wire, enormous once read by a naive
/// reader (a cell at column ZZZZZ, a shared string of twenty million characters, a zip that expands to 100 MB of rows).
/// </summary>
public static class HostileSpreadsheets
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A header row the import recognises, then one cell at column ZZZZZ (12,356,630 columns to the right).</summary>
    public static byte[] CellAtColumnZzzzz() => Package(Sheet(
        "<dimension ref=\"A1:ZZZZZ2\"/>",
        HeaderRow() + "<row r=\"2\"><c r=\"ZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));

    /// <summary>Cells only in the first columns, but a dimension that claims the whole of Excel's grid.</summary>
    public static byte[] DeclaredWholeGrid() => Package(Sheet("<dimension ref=\"A1:XFD1048576\"/>", HeaderRow()));

    /// <summary>One row far down the sheet, past any import's length.</summary>
    public static byte[] RowAtTheBottomOfTheGrid() => Package(Sheet("", HeaderRow() + "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));

    /// <summary>A header row whose first cell is a shared string of twenty million characters.</summary>
    public static byte[] HugeSharedString() => Package(
        Sheet("", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
        sharedStrings: writer =>
        {
            writer.Write($"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>");
            var block = new string('A', 1 << 16);
            for (var i = 0; i < 20_000_000 / block.Length; i++) writer.Write(block);
            writer.Write("</t></si></sst>");
        });

    /// <summary>A table of shared strings that declares a hundred million of them.</summary>
    public static byte[] DeclaredSharedStrings() => Package(
        Sheet("", HeaderRow()),
        sharedStrings: writer => writer.Write($"<sst xmlns=\"{Main}\" count=\"100000000\" uniqueCount=\"100000000\"><si><t>a</t></si></sst>"));

    /// <summary>A zip bomb: some 100 MB of identical rows, a few hundred kilobytes once compressed.</summary>
    public static byte[] ZipBombOfRows() => Package(writer =>
    {
        writer.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
        writer.Write(HeaderRow());
        const string row = "<row><c t=\"inlineStr\"><is><t>Diallo</t></is></c><c t=\"inlineStr\"><is><t>Aminata</t></is></c><c><v>30820</v></c></row>";
        for (var written = 0L; written < 100L * 1024 * 1024; written += row.Length) writer.Write(row);
        writer.Write("</sheetData></worksheet>");
    });

    private static string HeaderRow() =>
        "<row r=\"1\">" + string.Concat(ImportTestData.FrenchIdentityHeaders.Select((h, i) =>
            $"<c r=\"{(char)('A' + i)}1\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(h)}</t></is></c>")) + "</row>";

    private static Action<StreamWriter> Sheet(string dimension, string rows) =>
        writer => writer.Write($"<worksheet xmlns=\"{Main}\">{dimension}<sheetData>{rows}</sheetData></worksheet>");

    private static byte[] Package(Action<StreamWriter> sheet, Action<StreamWriter>? sharedStrings = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Données\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>"));
            Part(zip, "xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null) Part(zip, "xl/sharedStrings.xml", sharedStrings);
        }
        return stream.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        write(writer);
    }
}
