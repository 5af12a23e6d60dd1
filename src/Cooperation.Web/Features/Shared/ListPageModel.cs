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

    /// <summary>
    /// The countries a list is filtered by, several at once (<c>?Country=SN&amp;Country=CI</c>, a multiple select in the
    /// filter form); a list that filters by country passes <see cref="CountryCodes"/> to its query.
    /// </summary>
    [BindProperty(SupportsGet = true)] public string[] Country { get; set; } = [];

    /// <summary>The chosen countries as the list use cases read them (<see cref="ListFilters.Codes"/>); null for all.</summary>
    protected string? CountryCodes => ListFilters.Join(Country);

    /// <summary>Whether a country is one of the filter's.</summary>
    public bool IsChosenCountry(string? iso2) => iso2 is not null && Country.Contains(iso2, StringComparer.OrdinalIgnoreCase);

    /// <summary>The list's order when none is asked: a key, "-" first for descending ("name", "-start").</summary>
    protected abstract string DefaultSort { get; }

    public ListSort Sorting => new(Request, Sort, DefaultSort);

    /// <summary>The pager of a page of the list, keeping its filters and sort.</summary>
    public PageLinks Pager<T>(Paged<T> page) => new(page.Page, page.PageSize, page.Total, Request.Path, Request.Query, page.TotalIsLowerBound);

    /// <summary>A filter's error has no field beside it: it shows above the list.</summary>
    public override string FormField(string field) => "";
}

/// <summary>
/// A list use case: a page of rows for a query (filters, sort, paging), or every row of it for an export, both
/// within the user's scope. The query is a record of settable properties, not a positional record: the API binds it
/// with <c>[AsParameters]</c> in code generated at build time, which cannot be built from a constructor with nullable
/// references (dotnet/aspnetcore#58953; <c>docs/ARCHITECTURE.md</c>, the start).
/// </summary>
public interface IListUseCase<in TQuery, TRow> : IUseCase
{
    Task<Paged<TRow>> HandleAsync(TQuery query, CancellationToken ct = default);

    Task<IReadOnlyList<TRow>> AllAsync(TQuery query, CancellationToken ct = default);
}

/// <summary>
/// A list page on its use case: the page of rows (<see cref="Result"/>) and the whole filtered list as Excel or CSV
/// (<c>?handler=Export&amp;format=csv</c>), as every list of the application offers them.
/// </summary>
public abstract class ListPageModel<TQuery, TRow>(IListUseCase<TQuery, TRow> list) : ListPageModel
{
    public Paged<TRow> Result { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    /// <summary>The page's filters, sort and paging, as the use case reads them.</summary>
    protected abstract TQuery Query { get; }

    /// <summary>The file name of an export (without the day and the extension), in the user's language.</summary>
    protected abstract string ExportName { get; }

    /// <summary>The columns of an export, their headers in the user's language.</summary>
    protected abstract IReadOnlyList<Column<TRow>> ExportColumns();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Result = await list.HandleAsync(Query, ct);
        await OnListedAsync(ct);
    }

    /// <summary>What the page adds once the rows are read (which rows the user may act on). Nothing by default.</summary>
    protected virtual Task OnListedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct) =>
        Export.File(format, ExportName, ExportColumns(), await list.AllAsync(Query, ct));
}
