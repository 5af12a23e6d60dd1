using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cooperation.Web.Features.Shared;

/// <summary>How an exported column's numbers read: as they are (dates, counts, amounts), or as shares of a whole.</summary>
public enum ColumnKind { Auto, Percent }

/// <summary>
/// A column of an exported list: its header (already in the user's language), how to read a row, and its
/// <see cref="ColumnKind"/> (a share, 0.194, is a percentage: 19.4 %).
/// </summary>
public record Column<T>(string Header, Func<T, object?> Value, ColumnKind Kind = ColumnKind.Auto)
{
    /// <summary>A share of a whole (0 to 1), written as a percentage.</summary>
    public static Column<T> Percent(string header, Func<T, double?> value) => new(header, r => value(r), ColumnKind.Percent);
}

/// <summary>One table of an export with several: its name (a sheet of the workbook) and its rows.</summary>
public record ExportTable<T>(string Name, IReadOnlyList<T> Rows);

/// <summary>Writes a list as an Excel workbook or a CSV file (UTF-8 with BOM, semicolons, as French Excel opens it).</summary>
public static class Export
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>Excel's formats: dates as dates, counts and amounts with thousands separators, shares as percentages.</summary>
    public const string DateFormat = "dd/mm/yyyy", DateTimeFormat = "dd/mm/yyyy hh:mm", IntegerFormat = "#,##0",
        DecimalFormat = "#,##0.00", PercentFormat = "0.0%";

    public static byte[] Xlsx<T>(string sheetName, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows) =>
        Xlsx(columns, [new ExportTable<T>(sheetName, rows as IReadOnlyList<T> ?? rows.ToList())]);

    /// <summary>A workbook with one sheet a table, each with the same columns.</summary>
    public static byte[] Xlsx<T>(IReadOnlyList<Column<T>> columns, IReadOnlyList<ExportTable<T>> tables)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables) WriteSheet(workbook.Worksheets.Add(SheetName(workbook, table.Name)), columns, table.Rows);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A sheet's name as Excel takes it: at most 31 characters, none of <c>[]:*?/\</c>, not one the workbook has already.
    /// </summary>
    private static string SheetName(XLWorkbook workbook, string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '-' : c).ToArray()).Trim();
        if (clean.Length == 0) clean = "1";
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; workbook.Worksheets.Any(w => string.Equals(w.Name, candidate, StringComparison.OrdinalIgnoreCase)); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }

    private static void WriteSheet<T>(IXLWorksheet sheet, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
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
                var value = columns[c].Value(row);
                if (columns[c].Kind == ColumnKind.Percent && value is double or decimal or float)
                {
                    cell.Value = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    cell.Style.NumberFormat.Format = PercentFormat;
                    continue;
                }
                switch (value)
                {
                    case null: break;
                    case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = DateFormat; break;
                    case DateTime t: cell.Value = t; cell.Style.DateFormat.Format = t.TimeOfDay == TimeSpan.Zero ? DateFormat : DateTimeFormat; break;
                    case int i: cell.Value = i; cell.Style.NumberFormat.Format = IntegerFormat; break;
                    case long l: cell.Value = l; cell.Style.NumberFormat.Format = IntegerFormat; break;
                    case decimal m: cell.Value = m; cell.Style.NumberFormat.Format = DecimalFormat; break;
                    case double x: cell.Value = x; cell.Style.NumberFormat.Format = DecimalFormat; break;
                    case bool b: cell.Value = b; break;
                    case var v: cell.SetValue(Convert.ToString(v, CultureInfo.CurrentCulture)); break;
                }
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.RangeUsed()?.SetAutoFilter();
        for (var c = 1; c <= columns.Count; c++) sheet.Column(c).Width = Math.Clamp(columns[c - 1].Header.Length + 6, 12, 40);
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
                        // A share as a percentage, which a spreadsheet opening the file reads as one: 19.4%.
                        double x when column.Kind == ColumnKind.Percent => (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
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

    /// <summary>
    /// The export of a page with several tables (one set of columns): as Excel, one sheet a table; as CSV, one file whose
    /// first column (<paramref name="tableHeader"/>) names each line's table.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.FileContentResult Tables<T>(string? format, string name, string tableHeader,
        IReadOnlyList<Column<T>> columns, IReadOnlyList<ExportTable<T>> tables)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (format != "csv") return new(Xlsx(columns, tables), XlsxType) { FileDownloadName = $"{name}-{stamp}.xlsx" };
        var lines = tables.SelectMany(t => t.Rows.Select(row => (Table: t.Name, Row: row))).ToList();
        var withTable = new List<Column<(string Table, T Row)>> { new(tableHeader, l => l.Table) };
        withTable.AddRange(columns.Select(c => new Column<(string Table, T Row)>(c.Header, l => c.Value(l.Row), c.Kind)));
        return new(Csv(withTable, lines), CsvType) { FileDownloadName = $"{name}-{stamp}.csv" };
    }

    /// <summary>The Export handler of a list page: the whole list as Excel (default) or CSV, named after the list and the day.</summary>
    public static Microsoft.AspNetCore.Mvc.FileContentResult File<T>(string? format, string name, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == "csv"
            ? new(Csv(columns, rows), CsvType) { FileDownloadName = $"{name}-{stamp}.csv" }
            : new(Xlsx(name, columns, rows), XlsxType) { FileDownloadName = $"{name}-{stamp}.xlsx" };
    }
}
