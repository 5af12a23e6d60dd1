using Microsoft.AspNetCore.WebUtilities;

namespace Cooperation.Web.Features.Home;

/// <summary>
/// A figure of the home page: how many, and the list that shows them with its filters set (<see cref="Href"/>). The
/// count is that list's total, read from the list's own use case, so that the figure and the list never disagree.
/// </summary>
public record HomeFigure(int Count, string Href)
{
    /// <summary>A list's address with its filters (the empty ones left out).</summary>
    public static string Link(string path, params (string Name, string? Value)[] filters) =>
        QueryHelpers.AddQueryString(path, filters.Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)));

    /// <summary>A date as a list's filter reads it (the ISO form of an input of type date).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
