using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

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

    /// <summary>
    /// A workbook with one sheet a table, each with the same columns, written row after row by a streaming writer
    /// (SpreadCheetah): no model of the workbook in memory, so that a list of 100,000 rows takes a second, not a
    /// workbook's worth of objects. Header in bold, first row frozen, a filter on the columns, widths from the headers.
    /// </summary>
    public static byte[] Xlsx<T>(IReadOnlyList<Column<T>> columns, IReadOnlyList<ExportTable<T>> tables)
    {
        using var stream = new MemoryStream();
        Wait(WriteXlsxAsync(stream, columns, tables));
        return stream.ToArray();
    }

    private static async Task WriteXlsxAsync<T>(Stream stream, IReadOnlyList<Column<T>> columns, IReadOnlyList<ExportTable<T>> tables)
    {
        await using var workbook = await Spreadsheet.CreateNewAsync(stream);
        var bold = new Style();
        bold.Font.Bold = true;
        var styles = new Styles(
            workbook.AddStyle(bold), Format(workbook, DateFormat), Format(workbook, DateTimeFormat), Format(workbook, IntegerFormat),
            Format(workbook, DecimalFormat), Format(workbook, PercentFormat));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var cells = new Cell[columns.Count];
        foreach (var table in tables)
        {
            var options = new WorksheetOptions { FrozenRows = 1 };
            for (var c = 0; c < columns.Count; c++) options.Column(c + 1).Width = Math.Clamp(columns[c].Header.Length + 6, 12, 40);
            if (columns.Count > 0) options.AutoFilter = new AutoFilterOptions($"A1:{ColumnLetters(columns.Count)}{table.Rows.Count + 1}");
            await workbook.StartWorksheetAsync(SheetName(names, table.Name), options);
            for (var c = 0; c < columns.Count; c++) cells[c] = new Cell(columns[c].Header, styles.Header);
            await workbook.AddRowAsync(cells);
            foreach (var row in table.Rows)
            {
                for (var c = 0; c < columns.Count; c++) cells[c] = CellOf(columns[c], columns[c].Value(row), styles);
                await workbook.AddRowAsync(cells);
            }
        }
        await workbook.FinishAsync();
    }

    private sealed record Styles(StyleId Header, StyleId Date, StyleId DateTime, StyleId Integer, StyleId Decimal, StyleId Percent);

    private static StyleId Format(Spreadsheet workbook, string format) => workbook.AddStyle(new Style { Format = NumberFormat.Custom(format) });

    private static Cell CellOf<T>(Column<T> column, object? value, Styles styles)
    {
        if (column.Kind == ColumnKind.Percent && value is double or decimal or float)
            return new Cell(Convert.ToDouble(value, CultureInfo.InvariantCulture), styles.Percent);
        return value switch
        {
            null => new Cell((string?)null),
            DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), styles.Date),
            DateTime t => new Cell(t, t.TimeOfDay == TimeSpan.Zero ? styles.Date : styles.DateTime),
            int i => new Cell(i, styles.Integer),
            long l => new Cell(l, styles.Integer),
            decimal m => new Cell(m, styles.Decimal),
            double x => new Cell(x, styles.Decimal),
            bool b => new Cell(b),
            var v => new Cell(Convert.ToString(v, CultureInfo.CurrentCulture)),
        };
    }

    /// <summary>A column's letters: 1 is A, 27 is AA.</summary>
    private static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The exports are written into memory, where the writer's awaits complete at once.</summary>
    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    /// <summary>
    /// A sheet's name as Excel takes it: at most 31 characters, none of <c>[]:*?/\</c>, not one the workbook has already.
    /// </summary>
    private static string SheetName(HashSet<string> taken, string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '-' : c).ToArray()).Trim();
        if (clean.Length == 0) clean = "1";
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        taken.Add(candidate);
        return candidate;
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
