namespace Cooperation.Web.Features.Shared;

/// <summary>
/// A list page: its filters (bound from the query string by the page), and here the sort, the paging and how a
/// filter refused by the use case shows (above the list, which stays empty). The page's <c>OnGetExportAsync</c>
/// answers the whole filtered list with <see cref="Export.File{T}"/>.
/// </summary>
public abstract class ListPageModel : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "page" is also the route value naming the Razor page: read from the query string only, else it never binds (and
    // leaves an error that every list shows as a refused filter).
    [BindProperty(SupportsGet = true)][FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    /// <summary>The list's order when none is asked: a key, "-" first for descending ("name", "-start").</summary>
    protected abstract string DefaultSort { get; }

    public ListSort Sorting => new(Request, Sort, DefaultSort);

    /// <summary>The pager of a page of the list, keeping its filters and sort.</summary>
    public PageLinks Pager<T>(Paged<T> page) => new(page.Page, page.PageSize, page.Total, Request.Path, Request.Query);

    /// <summary>A filter's error has no field beside it: it shows above the list.</summary>
    public override string FormField(string field) => "";
}
