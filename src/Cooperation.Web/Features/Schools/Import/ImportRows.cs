using System.Globalization;
using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>The data rows of an import file, its columns found by their headers in either language.</summary>
public sealed class ImportSheet
{
    private readonly Dictionary<ImportColumn, int> _columns;

    private ImportSheet(Dictionary<ImportColumn, int> columns, List<SheetRow> rows) => (_columns, Rows) = (columns, rows);

    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>The cell's text, trimmed; null when empty or when the optional column is absent.</summary>
    public string? Value(SheetRow row, ImportColumn column) =>
        _columns.TryGetValue(column, out var i) && row[i] is { } v && v.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>A file was sent, not larger than an import takes.</summary>
    public static void Check(Stream? file, FieldErrors errors, ImportLimits limits)
    {
        if (file is null || file.Length == 0) errors.Add("file", "import.fileRequired");
        else if (file.Length > limits.MaxFileBytes) errors.Add("file", "import.tooLarge", limits.MaxFileMegabytes);
    }

    /// <summary>
    /// Reads the file, or refuses it with why it cannot be used (not a workbook, past a limit of <see cref="ImportLimits"/>,
    /// a column missing, no row, too many rows).
    /// </summary>
    public static ImportSheet Open(Stream file, ImportKind kind, ImportErrors errors, ImportLimits limits)
    {
        List<SheetRow> rows;
        try { rows = SpreadsheetRows.Read(file, limits); }
        catch (SpreadsheetRows.NotASpreadsheetException)
        {
            rows = [];
            errors.File("file", "import.notSpreadsheet");
        }
        catch (SpreadsheetRows.TooLargeException e)
        {
            rows = [];
            errors.File("file", e.MessageKey, e.Args);
        }
        if (rows.Count == 0 && !errors.Any) errors.File("file", "import.empty");
        errors.ThrowIfAny();
        var header = rows[0];
        var columns = new Dictionary<ImportColumn, int>(ReferenceEqualityComparer.Instance);
        foreach (var column in ImportColumns.For(kind))
        {
            var index = Array.FindIndex(header.Cells, h => h is not null && column.Matches(h));
            if (index >= 0) columns[column] = index;
            else if (column.Required) errors.File("file", "import.missingColumn", column.Header);
        }
        errors.ThrowIfAny();
        if (rows.Count == 1) errors.File("file", "import.empty");
        else if (rows.Count > limits.MaxRows + 1) errors.File("file", "import.tooManyRows", limits.MaxRows);
        errors.ThrowIfAny();
        return new ImportSheet(columns, rows.GetRange(1, rows.Count - 1));
    }

    /// <summary>
    /// The identity columns of a row checked by the trainee's one rule set (<see cref="TraineeIdentity"/>), as a
    /// nomination is; null once each faulty column of the row is recorded.
    /// </summary>
    public async Task<TraineeIdentity?> IdentityAsync(SheetRow row, ReferenceCodes codes, ImportErrors errors, DateOnly today, CancellationToken ct)
    {
        var birthText = Value(row, ImportColumns.BirthDate);
        var birthDate = ImportValues.Date(birthText);
        var faults = errors.ForRow();
        var input = new IdentityInput
        {
            FirstName = Value(row, ImportColumns.FirstName), LastName = Value(row, ImportColumns.LastName), BirthDate = birthDate,
            Gender = Value(row, ImportColumns.Gender), Nationality = Value(row, ImportColumns.Nationality),
            Administration = Value(row, ImportColumns.Administration), Rank = Value(row, ImportColumns.Rank),
            Position = Value(row, ImportColumns.Position), Email = Value(row, ImportColumns.Email),
        };
        var identity = await TraineeIdentity.CheckAsync(input, codes, faults, today, ct: ct);
        // A cell that holds no date says so, rather than that the birth date is missing.
        var unread = birthText is not null && birthDate is null ? ImportColumns.BirthDate : null;
        if (unread is not null) errors.Row(row.Number, unread, birthText, "import.date", birthText!);
        if (faults.Any) errors.Row(this, row, faults, unread);
        return unread is null ? identity : null;
    }
}

/// <summary>The values of the coded columns, as people type them.</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>An ISO or day-first date written as text, or an Excel date (its serial number).</summary>
    public static DateOnly? Date(string? value)
    {
        if (value is null) return null;
        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var text))
            return DateOnly.FromDateTime(text);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466
            && serial == Math.Floor(serial))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    public static TrainingResult? Result(string? value)
    {
        var v = Text.NormalizeName(value ?? "");
        foreach (var (fr, en, result, _, _) in ImportColumns.Results)
            if (v == Text.NormalizeName(fr) || v == Text.NormalizeName(en) || v == result.ToString().ToUpperInvariant())
                return result;
        return null;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
