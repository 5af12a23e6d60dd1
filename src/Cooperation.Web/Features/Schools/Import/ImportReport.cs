using System.Text.Json.Serialization;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// One fault of an import file: the row as Excel numbers it (null for the whole file), the field (the API's name),
/// the column's header in the user's language, the value found, and why it is refused, in the user's language.
/// </summary>
public sealed record ImportError(int? Row, string Field, string Column, string? Value, string Message)
{
    /// <summary>The key of the error in a ValidationProblem: <c>rows[12].birthDate</c>, or the field for the whole file.</summary>
    [JsonIgnore]
    public string Key => Row is { } r ? $"rows[{r}].{Field}" : Field;
}

/// <summary>What an import wrote: rows read, trainees created and reused, nominations (or enrolments) added.</summary>
public sealed record ImportSummary(int Rows, int NewTrainees, int ReusedTrainees, int Nominations);

/// <summary>
/// A file refused whole, nothing written: every fault of it. The API answers each under its key (<c>rows[N].field</c>,
/// or the field for the whole file) and lists them in <c>rowErrors</c>; the import page shows them as a report.
/// </summary>
public sealed class InvalidImportException(IReadOnlyList<ImportError> faults, string detail)
    : InvalidInputException(faults.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), detail)
{
    public IReadOnlyList<ImportError> Faults { get; } = faults;

    public override IDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["rowErrors"] = Faults };
}

/// <summary>Collects the faults of a file in the user's language; nothing is imported while one remains.</summary>
public sealed class ImportErrors(IStringLocalizer text)
{
    private readonly List<ImportError> _list = [];

    public bool Any => _list.Count > 0;

    public void File(string field, string messageKey, params object[] args) =>
        _list.Add(new ImportError(null, field, "", null, text[messageKey, args].Value));

    public void Row(int row, ImportColumn column, string? value, string messageKey, params object[] args) =>
        _list.Add(new ImportError(row, column.Field, column.Header, value, text[messageKey, args].Value));

    /// <summary>The field errors of a rule set checking one row, for <see cref="Row(ImportSheet, SheetRow, FieldErrors, ImportColumn?)"/>.</summary>
    public FieldErrors ForRow() => new(text);

    /// <summary>
    /// A row's faults found by a rule set of the application (the fields are the columns' API names), against their
    /// columns with the values read; a column that already has a fault of the reading (<paramref name="unread"/>) keeps it.
    /// </summary>
    public void Row(ImportSheet sheet, SheetRow row, FieldErrors faults, ImportColumn? unread = null)
    {
        foreach (var (field, messages) in faults.All)
        {
            var column = ImportColumns.Of(field);
            if (ReferenceEquals(column, unread)) continue;
            foreach (var message in messages)
                _list.Add(new ImportError(row.Number, column.Field, column.Header, sheet.Value(row, column), message));
        }
    }

    /// <summary>Refuses the file with every fault found, rows in order.</summary>
    public void ThrowIfAny()
    {
        if (Any) throw new InvalidImportException(_list.OrderBy(e => e.Row ?? 0).ToList(), text["import.rejected", _list.Count].Value);
    }
}
