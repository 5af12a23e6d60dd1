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

/// <summary>Either everything was imported (the summary), or nothing was (the errors, every one of them).</summary>
public sealed record ImportResult(ImportSummary? Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Imported is not null;

    public IDictionary<string, string[]> ErrorsByKey() =>
        Errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}

/// <summary>Collects the faults of a file in the user's language.</summary>
public sealed class ImportErrors(IStringLocalizer text)
{
    private readonly List<ImportError> _list = [];

    public IReadOnlyList<ImportError> List => _list;
    public bool Any => _list.Count > 0;
    public int Count => _list.Count;

    public void File(string field, string messageKey, params object[] args) =>
        _list.Add(new ImportError(null, field, "", null, text[messageKey, args].Value));

    public void Row(int row, ImportColumn column, string? value, string messageKey, params object[] args) =>
        _list.Add(new ImportError(row, column.Field, column.Header, value, text[messageKey, args].Value));

    public ImportResult Result() => new(null, _list.OrderBy(e => e.Row ?? 0).ToList());
}
