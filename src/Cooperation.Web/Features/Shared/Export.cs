using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cooperation.Web.Features.Shared;

/// <summary>A column of an exported list: its header (already in the user's language) and how to read a row.</summary>
public record Column<T>(string Header, Func<T, object?> Value);

/// <summary>Writes a list as an Excel workbook or a CSV file (UTF-8 with BOM, semicolons, as French Excel opens it).</summary>
public static class Export
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static byte[] Xlsx<T>(string sheetName, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName.Length > 31 ? sheetName[..31] : sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.Value = columns[c].Header;
            cell.Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (columns[c].Value(row))
                {
                    case null: break;
                    case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = "yyyy-mm-dd"; break;
                    case int i: cell.Value = i; break;
                    case long l: cell.Value = l; break;
                    case decimal m: cell.Value = m; break;
                    case double x: cell.Value = x; break;
                    case bool b: cell.Value = b; break;
                    case var v: cell.SetValue(Convert.ToString(v, CultureInfo.CurrentCulture)); break;
                }
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.RangeUsed()?.SetAutoFilter();
        for (var c = 1; c <= columns.Count; c++) sheet.Column(c).Width = Math.Clamp(columns[c - 1].Header.Length + 6, 12, 40);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Csv<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
               {
                   Delimiter = ";",
                   // A neutralised cell is quoted whole, as OWASP advises; the others only when they must be.
                   ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field is ['\'', var first, ..] && IsFormulaStart(first),
               }))
        {
            foreach (var column in columns) csv.WriteField(column.Header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                    csv.WriteField(column.Value(row) switch
                    {
                        null => "",
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var v => Neutralised(v.ToString()),
                    });
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A text cell as a spreadsheet opens it without running it (OWASP's advice on CSV injection): one that starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — a formula to Excel and LibreOffice, such as
    /// <c>=HYPERLINK(...)</c> in a candidate's name — is prefixed with a single quote, and the writer quotes it whole.
    /// Numbers and dates are written by the export itself and keep their sign.
    /// </summary>
    public static string? Neutralised(string? text) => text is [var first, ..] && IsFormulaStart(first) ? "'" + text : text;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The Export handler of a list page: the whole list as Excel (default) or CSV, named after the list and the day.</summary>
    public static Microsoft.AspNetCore.Mvc.FileContentResult File<T>(string? format, string name, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == "csv"
            ? new(Csv(columns, rows), CsvType) { FileDownloadName = $"{name}-{stamp}.csv" }
            : new(Xlsx(name, columns, rows), XlsxType) { FileDownloadName = $"{name}-{stamp}.xlsx" };
    }
}
