namespace Cooperation.Web.Infrastructure;

/// <summary>
/// Fields of a request that cannot be used as given, by field (the API's camelCase names), already in the user's
/// language. This and the two exceptions below are how a use case refuses, whatever called it (page, API, import):
/// the API answers a ProblemDetails (<see cref="ProblemExceptionHandler"/>), a page its form again with the messages
/// or a status (<see cref="UseCaseErrorsPageFilter"/>). A rule an entity protects throws <see cref="DomainException"/>,
/// which both treat as an invalid field; a stale version (<c>DbUpdateConcurrencyException</c>) answers 409.
/// </summary>
public class InvalidInputException(IReadOnlyDictionary<string, string[]> errors, string? detail = null) : Exception("Invalid input")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>What the whole refusal says; the first error unless told otherwise.</summary>
    public string Detail { get; } = detail ?? errors.Values.SelectMany(m => m).FirstOrDefault() ?? "";

    /// <summary>More members of the API's ProblemDetails (an import's faulty rows).</summary>
    public virtual IDictionary<string, object?> Extensions => new Dictionary<string, object?>();
}

/// <summary>The record does not exist or lies outside the user's scope: both answer the same 404.</summary>
public sealed class RecordNotFoundException() : Exception("common.notFound");

/// <summary>The user may not see or do something: pages answer 403, the API a ProblemDetails 403.</summary>
public sealed class ForbiddenException(string messageKey = "common.forbidden") : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;

    /// <summary>Refuses unless the access rule allows it: <c>ForbiddenException.ThrowUnless(access.CanEditAnything)</c>.</summary>
    public static void ThrowUnless(bool allowed)
    {
        if (!allowed) throw new ForbiddenException();
    }
}

/// <summary>
/// Collects the problems of a request field by field, in the user's language, so that a form shows them all at once
/// and nothing is written while one remains: check every field, then <see cref="ThrowIfAny"/>.
/// </summary>
public sealed class FieldErrors(IStringLocalizer text)
{
    /// <summary>The longest line of text a field takes unless its rule says otherwise.</summary>
    public const int MaxText = 200;

    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;
    public int Count => _errors.Count;
    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyDictionary<string, string[]> All => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public void Add(string field, string messageKey, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        var message = text[messageKey, args].Value;
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>A broken rule of an entity, recorded against its field.</summary>
    public void Add(DomainException broken) => Add(broken.Field, broken.MessageKey, broken.Args);

    /// <summary>A field's label in the user's language, for the arguments of a message.</summary>
    public string Label(string label) => text[label].Value;

    public T? Required<T>(string field, string label, T? value) where T : struct
    {
        if (value is null) Add(field, "common.required", Label(label));
        return value;
    }

    /// <summary>
    /// A line of text, trimmed and with single spaces, at most <paramref name="max"/> characters, without a control
    /// character (<see cref="Domain.Text.ForbiddenCharacter"/>); required unless <paramref name="optional"/>.
    /// </summary>
    public string? Text(string field, string label, string? value, int max = MaxText, bool optional = false)
    {
        if (!Printable(field, label, value)) return null;
        var clean = Domain.Text.Clean(value);
        if (clean is null)
        {
            if (!optional) Add(field, "common.required", Label(label));
            return null;
        }
        if (clean.Length > max)
        {
            Add(field, "common.tooLong", Label(label), max);
            return null;
        }
        return clean;
    }

    /// <summary>
    /// Whether a value holds no control character (nor a broken surrogate pair); otherwise the field's error, naming
    /// the character. Every text a request carries passes here, whatever its entry (<see cref="RequestValues"/>).
    /// </summary>
    public bool Printable(string field, string label, string? value)
    {
        if (value is null || Domain.Text.ForbiddenCharacter(value) is not { } c) return true;
        Add(field, "input.controlCharacter", Label(label), Domain.Text.CodePoint(c));
        return false;
    }

    /// <summary>
    /// A date within the range of the directorate's calendar (<see cref="Calendar.Earliest"/> to
    /// <see cref="Calendar.Latest"/>), or null with the field's error. Every date a request carries passes here,
    /// whatever its entry: the API's JSON and query strings (<see cref="RequestValues"/>), forms
    /// (<see cref="FormValues.Date"/>), spreadsheets.
    /// </summary>
    public DateOnly? Date(string field, string label, DateOnly? value)
    {
        if (value is not { } day || Calendar.IsWithinRange(day)) return value;
        Add(field, "input.dateOutOfRange", Label(label), Calendar.Iso(day), Calendar.Iso(Calendar.Earliest), Calendar.Iso(Calendar.Latest));
        return null;
    }

    /// <summary>An optional e-mail address, checked by the one rule of <see cref="EmailAddress"/>.</summary>
    public string? Email(string field, string label, string? value)
    {
        var clean = Text(field, label, value, EmailAddress.MaxLength, optional: true);
        if (clean is null || EmailAddress.IsValid(clean)) return clean;
        Add(field, "common.invalidEmail", clean);
        return null;
    }

    /// <summary>An optional telephone number, in international format (<see cref="PhoneNumber.International"/>), or an error.</summary>
    public string? Phone(string field, string label, string? value)
    {
        var clean = Text(field, label, value, PhoneNumber.MaxLength, optional: true);
        if (clean is null) return null;
        if (PhoneNumber.International(clean) is { } international) return international;
        Add(field, "common.invalidPhone", clean);
        return null;
    }

    /// <summary>Refuses the request with every error collected, if any.</summary>
    public void ThrowIfAny()
    {
        if (Any) throw new InvalidInputException(All);
    }

    /// <summary>A refusal of one field, for a request that fails on its first check.</summary>
    public static InvalidInputException One(IStringLocalizer text, string field, string messageKey, params object[] args) =>
        new(new Dictionary<string, string[]> { [field] = [text[messageKey, args].Value] });
}
