namespace Cooperation.Tests.Security;

/// <summary>
/// Values an attacker or a broken client sends instead of what a field expects: out-of-range dates and numbers, control
/// and odd Unicode characters, very long strings, values of another type. Each list is what a field of that kind is
/// tried with; <see cref="Any"/> mixes them all, since a client may send anything anywhere.
/// </summary>
public static class HostileValues
{
    public static readonly string[] Dates =
    [
        "9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "10000-01-01", "2024-02-30", "2024-13-01", "2024-00-10",
        "31/12/9999", "01/01/0001", "2024-01-01T00:00:00Z", "+002024-01-01", "-0001-01-01", "20240101", "9999-12-31T23:59:59.9999999",
        "1e5", "2024-1-1",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "99999999999999999999999",
        "1e308", "-1e308", "1.5", "NaN", "Infinity", "0x10", "1,5", "٣", "007",
    ];

    public static readonly string[] Booleans = ["maybe", "TRUE", "1", "yes", "null"];

    public static readonly string[] Texts =
    [
        "", " ", "\0", "Nom\0Caché", "\u0001\u0002\u0003", "\u001b[31mrouge", "\u007f", "\u0085", "\u0008\u0008", "a\tb", "ligne\r\nautre",
        "\uFEFF", "\u202Eetxet", "\u200B", "\uFFFF", "💥🇸🇳", "e\u0301\u0301\u0301", "ǅ", "İı",
        new string('A', 5_000), new string('é', 70_000), new string('\0', 300),
        "' OR 1=1 --", "\"; DROP TABLE \"Cooperants\"; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}",
        "../../../../etc/passwd", "%00", "%", "\\", "=HYPERLINK(\"http://x\")", "null", "[]", "{}",
    ];

    /// <summary>Every hostile value, whatever the field's type.</summary>
    public static readonly string[] Any = [.. Dates, .. Numbers, .. Booleans, .. Texts];

    /// <summary>The values a field of a type (OpenAPI type and format, or an HTML input type) is tried with: its own kind first.</summary>
    public static string[] For(string? type, string? format) => (type, format) switch
    {
        (_, "date" or "date-time") or ("date" or "datetime-local" or "month", _) => [.. Dates, .. Texts.Take(8), .. Numbers.Take(4)],
        ("integer" or "number", _) => [.. Numbers, .. Texts.Take(8), .. Dates.Take(3)],
        ("boolean" or "checkbox", _) => [.. Booleans, .. Numbers.Take(4), .. Texts.Take(6)],
        _ => [.. Texts, .. Numbers.Take(5), .. Dates.Take(5)],
    };

    /// <summary>JSON values of the wrong type or shape for any property.</summary>
    public static readonly string[] JsonValues =
    [
        "null", "true", "0", "-1", "2147483648", "-9223372036854775809", "1e400", "1.7976931348623157e309", "0.0000001", "[]", "[1,2,3]",
        "{}", "{\"a\":{\"b\":{\"c\":1}}}", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"9999-12-31\"", "\"0001-01-01\"",
        "\"2024-02-30\"", "\"" + new string('x', 20_000) + "\"", "\"\\u202e\\u0007\"", "\"abc\"", "\"-1\"", "\"99999999999\"",
    ];

    /// <summary>Whole bodies that are not the JSON object a route reads.</summary>
    public static readonly string[] JsonBodies =
    [
        "", " ", "{", "}", "[", "{\"a\":", "nul", "\"unterminated", "null", "[]", "[{}]", "0", "\"text\"", "{\"a\":1,}", "{'a':1}",
        "\uFEFF{}", "{\"\\u0000\":1}", new string('[', 5_000) + new string(']', 5_000), "{\"x\":" + new string('9', 10_000) + "}",
        "\0", "{\"a\":\"\\ud800\"}", "<xml/>",
    ];
}
