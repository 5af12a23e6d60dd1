using Microsoft.AspNetCore.WebUtilities;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>The sortable headers of a list page: the address that sorts by a key, the arrow and aria-sort of the current one.</summary>
public sealed class ListSort(HttpRequest request, string? sort, string defaultKey)
{
    public string Key => (string.IsNullOrWhiteSpace(sort) ? defaultKey : sort.Trim().ToLowerInvariant()).TrimStart('-');
    public bool Descending => sort?.Trim().StartsWith('-') == true;

    /// <summary>Ascending on this key, or descending when already ascending on it; the filters stay, the page goes back to 1.</summary>
    public string Url(string key)
    {
        var next = Key == key && !Descending ? "-" + key : key;
        var query = request.Query.Where(kv => kv.Key is not ("sort" or "page")).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        query["sort"] = next;
        return QueryHelpers.AddQueryString(request.Path, query);
    }

    public string Mark(string key) => Key != key ? "" : Descending ? " ▼" : " ▲";

    public string Aria(string key) => Key != key ? "none" : Descending ? "descending" : "ascending";
}
