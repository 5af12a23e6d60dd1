using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>
/// A trainee's identity and position as a form or an API client sends them. References are codes: nationality "SN",
/// administration "DOU"; gender is female or male. <see cref="Version"/> is the version that was read.
/// </summary>
public record TraineeInput(
    string? FirstName,
    string? LastName,
    DateOnly? BirthDate,
    string? Gender,
    string? Nationality,
    string? Administration,
    string? Rank = null,
    string? Position = null,
    string? Email = null,
    long? Version = null);

/// <summary>A position of an alumnus's career; <see cref="Version"/> is the trainee's version that was read.</summary>
public record CareerInput(
    string? Position,
    string? Organisation,
    DateOnly? StartDate,
    DateOnly? EndDate = null,
    bool Prominent = false,
    long? Version = null);

/// <summary>The outcome of a write: the record's id and new version, or the errors by field (nothing saved).</summary>
public sealed record TraineeSaved(int Id, long Version, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static TraineeSaved Invalid(IReadOnlyDictionary<string, string[]> errors) => new(0, 0, errors);
}

/// <summary>
/// Collects the problems of a request field by field (API field names, camelCase), in the user's language, so that a
/// form shows them all at once and nothing is written while one remains.
/// </summary>
public sealed partial class FieldErrors(IStringLocalizer text)
{
    private readonly Dictionary<string, string[]> _errors = new();

    public IReadOnlyDictionary<string, string[]> All => _errors;
    public bool Any => _errors.Count > 0;

    public void Add(string field, string messageKey, params object[] args) =>
        _errors.TryAdd(field, [text[messageKey, args].Value]);

    public string Label(string label) => text[label].Value;

    /// <summary>A line of text, trimmed and with single spaces; required unless <paramref name="optional"/>.</summary>
    public string? Text(string field, string label, string? value, int max, bool optional = false)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            if (!optional) Add(field, "common.required", Label(label));
            return null;
        }
        if (clean.Length > max)
        {
            Add(field, "trainees.tooLong", Label(label), max);
            return null;
        }
        return clean;
    }

    public T? Required<T>(string field, string label, T? value) where T : struct
    {
        if (value is null) Add(field, "common.required", Label(label));
        return value;
    }

    public string? Email(string field, string label, string? value)
    {
        var clean = Text(field, label, value, 256, optional: true);
        if (clean is not null && !EmailPattern().IsMatch(clean))
        {
            Add(field, "trainees.invalidEmail", Label(label));
            return null;
        }
        return clean;
    }

    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
