namespace Cooperation.Web.Features.Shared;

/// <summary>
/// The codes of a list filter that takes several at once: <c>?country=SN&amp;country=CI</c> (the API binds the repeated
/// values as one string joined by commas, as <c>?country=SN,CI</c>); a page binds them to an array and passes
/// <see cref="Join"/>. Every list that filters by country reads its filter with <see cref="Codes"/>.
/// </summary>
public static class ListFilters
{
    /// <summary>The distinct codes, trimmed and upper-case; null when none is given (no filter).</summary>
    public static IReadOnlyList<string>? Codes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var codes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        return codes.Count == 0 ? null : codes;
    }

    /// <summary>A page's several values of a filter, as the list's query takes them; null when none is chosen.</summary>
    public static string? Join(IEnumerable<string>? values)
    {
        var joined = string.Join(',', (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)));
        return joined.Length == 0 ? null : joined;
    }
}
