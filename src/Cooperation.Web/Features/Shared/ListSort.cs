using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;

namespace Cooperation.Web.Features.Shared;

/// <summary>
/// The sortable headers of a list page: the address that sorts by a key (ascending, or descending when the list is
/// already ascending on it; filters stay, the page goes back to 1), the arrow and aria-sort of the current one.
/// A sort is a key, prefixed with "-" for descending order; <c>defaultSort</c> is the list's own when none is asked.
/// </summary>
public sealed class ListSort(HttpRequest request, string? sort, string defaultSort)
{
    private string Current => string.IsNullOrWhiteSpace(sort) ? defaultSort : sort.Trim().ToLowerInvariant();

    public string Key => Current.TrimStart('-');
    public bool Descending => Current.StartsWith('-');

    public string Url(string key)
    {
        var next = Key == key && !Descending ? "-" + key : key;
        var query = Without(request, "sort", "page", "handler", "format");
        query["sort"] = next;
        return QueryHelpers.AddQueryString(request.Path, query);
    }

    public string Mark(string key) => Key != key ? "" : Descending ? " ▼" : " ▲";

    public string Aria(string key) => Key != key ? "none" : Descending ? "descending" : "ascending";

    /// <summary>
    /// A sortable column header: a link that sorts the list by this column (<paramref name="label"/>, in the user's
    /// language), aria-sort and an arrow on the current one. Written here rather than by a partial view: a list has
    /// several and a partial costs a view of its own each.
    /// </summary>
    public IHtmlContent Header(string key, string label) => new HtmlContentBuilder(11)
        .AppendHtml("<th scope=\"col\" aria-sort=\"").Append(Aria(key))
        .AppendHtml("\"><a class=\"fr-link\" href=\"").Append(Url(key))
        .AppendHtml("\" data-testid=\"sort-").Append(key).AppendHtml("\">")
        .Append(label).Append(Mark(key)).AppendHtml("</a></th>");

    /// <summary>The list's query string on another handler of the page (Export, Ics): filters and sort kept, paging dropped.</summary>
    public static string HandlerUrl(HttpRequest request, string handler)
    {
        var query = Without(request, "page", "format", "handler");
        query["handler"] = handler;
        return QueryHelpers.AddQueryString(request.Path, query);
    }

    /// <summary>The query string but the given keys, whatever their case (a form may send Sort, a link sort).</summary>
    private static Dictionary<string, string?> Without(HttpRequest request, params string[] keys) =>
        request.Query.Where(kv => !keys.Contains(kv.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
}

