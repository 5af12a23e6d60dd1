using System.Linq.Expressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Cooperation.Web.Features.Shared;

/// <summary>
/// A page of a list, as the API returns it: <c>{items, total, totalIsLowerBound, page, pageSize}</c>. The total is
/// exact, or with <see cref="TotalIsLowerBound"/> the most a name search counts (<see cref="Paging.CountLimit"/>),
/// which found more.
/// </summary>
public record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public Paged(IReadOnlyList<T> items, ListTotal total, int page, int pageSize) : this(items, total.Count, page, pageSize) =>
        TotalIsLowerBound = total.AtLeast;

    /// <summary>The list holds more than <see cref="Total"/> rows, which were not all counted.</summary>
    public bool TotalIsLowerBound { get; init; }
}

/// <summary>A list's total as counted: exact, or with <see cref="AtLeast"/> the bound the counting stopped at, exceeded.</summary>
public readonly record struct ListTotal(int Count, bool AtLeast);

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>The last page a list may be asked for: its first row still counts in an int (an offset the database accepts).</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>
    /// Up to how many rows a list searched by a name is counted (<see cref="CountLimit"/>); more, and it says "more than
    /// 10,000" (<see cref="Paged{T}.TotalIsLowerBound"/>). A word of two letters (BA, a surname) is held by a fifth of
    /// the names, which no index finds: counting its 63,200 nominations at scale 10 read every nomination's candidate
    /// (SQLite 94-109 ms, PostgreSQL 191 ms), up to 10,001 of them 13 and 32 ms. A search is for finding someone: past
    /// that many, the user narrows it.
    /// </summary>
    public const int SearchCountLimit = 10_000;

    /// <summary>Up to how many rows a list is counted: <see cref="SearchCountLimit"/> when searched by a name, all of them otherwise.</summary>
    public static int? CountLimit(string? nameSearched) => Access.NameWords(nameSearched).Length > 0 ? SearchCountLimit : null;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>
    /// One page of a query sorted in the database. The first page has no OFFSET, and its size is written into the SQL as
    /// a number (<see cref="Infrastructure.ConstantsInSql"/>), so that PostgreSQL keeps one plan for a list's first page:
    /// with both sent as parameters it judged its generic plan too dear (an unknown LIMIT) and planned every call anew,
    /// 1 ms of the server's time for a list joining eight tables, against 0.25 ms to run it. A later page keeps its
    /// OFFSET as a parameter.
    /// </summary>
    public static IQueryable<T> PageOf<T>(this IQueryable<T> query, int page, int pageSize) =>
        (page > 1 ? query.Skip((page - 1) * pageSize) : query).Take(pageSize);

    /// <summary>The rows a page of a long list must skip before it reads the ids of its rows first (<see cref="DeepPageOf{T}"/>).</summary>
    public const int DeepOffset = 1_000;

    /// <summary>Whether a page starts past the list's first <see cref="DeepOffset"/> rows.</summary>
    public static bool IsDeep(int page, int pageSize) => (long)(page - 1) * pageSize >= DeepOffset;

    /// <summary>
    /// One page of a long list sorted in the database (the trainees, the nominations): <see cref="PageOf{T}"/> within
    /// its first <see cref="DeepOffset"/> rows; deeper, the page's ids are read first, the rows before it skipped in the
    /// index of the list's order alone, and its rows are then those ids, in the same order. An OFFSET over the rows
    /// themselves reads every row it skips: PostgreSQL fetched 50,000 trainees from their table for the trainees' page
    /// 2,000 at scale 10 (bench/PLANS.md).
    /// </summary>
    public static IQueryable<T> DeepPageOf<T>(this IQueryable<T> query, int page, int pageSize, Expression<Func<T, int>> id)
    {
        if (!IsDeep(page, pageSize)) return query.PageOf(page, pageSize);
        var skipped = (page - 1) * pageSize;
        var ids = query.Select(id).Skip(skipped).Take(pageSize);
        // row => ids.Contains(row.Id), on a parameter of its own: the ids' lambda keeps its own.
        var row = Expression.Parameter(typeof(T), "row");
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], ids.Expression,
            ReplacingExpressionVisitor.Replace(id.Parameters[0], row, id.Body));
        // No LIMIT on the rows: with one, a planner may walk the order's index testing each row against the ids.
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, row));
    }

    /// <summary>
    /// The rows of a page (<paramref name="query"/>, from <see cref="PageOf{T}"/>) of a list whose total was counted
    /// first, read only when the page does not lie past the end: a filter that matches nothing (a zone without
    /// nominations, a search that finds no one) or a page beyond the last is answered without its statement. The list's
    /// order walks an index until it has its page, and finding none it walks it whole: PostgreSQL read the 341,000
    /// nominations for a zone without any, 280 ms a request at scale 10 (bench/PLANS.md). The total is the list's own,
    /// kept like the figures (<see cref="Infrastructure.FigureCache.CountAsync{T}"/>): a write of the instance counts
    /// it again, another instance's write within <c>Figures:MaxAgeSeconds</c>.
    /// </summary>
    public static async Task<List<T>> ToPageAsync<T>(this IQueryable<T> query, int total, int page, int pageSize, CancellationToken ct) =>
        (long)(page - 1) * pageSize >= total ? [] : await query.ToListAsync(ct);

    /// <summary>As <see cref="ToPageAsync{T}(IQueryable{T}, int, int, int, CancellationToken)"/>; past a total counted only up to its bound, the page is read.</summary>
    public static Task<List<T>> ToPageAsync<T>(this IQueryable<T> query, ListTotal total, int page, int pageSize, CancellationToken ct) =>
        total.AtLeast ? query.ToListAsync(ct) : query.ToPageAsync(total.Count, page, pageSize, ct);

    /// <summary>
    /// A page of a list whose order is kept as its ids (<see cref="Infrastructure.FigureCache.OrderAsync"/>): the page's
    /// ids, read by <paramref name="read"/> (not called for a page past the end), then put back in that order. A row
    /// that left the list since it was ordered, not read again under the list's filters, is left out.
    /// </summary>
    public static async Task<List<T>> KeptPageAsync<T>(IReadOnlyList<int> order, int page, int pageSize,
        Func<List<int>, Task<List<T>>> read, Func<T, int> id)
    {
        var ids = order.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        if (ids.Count == 0) return [];
        var byId = (await read(ids)).ToDictionary(id);
        return ids.Where(byId.ContainsKey).Select(i => byId[i]).ToList();
    }

    /// <summary>
    /// The total of a list whose page was read: told by the page itself when it is not full and not past the end (a
    /// list of ten partnerships needs no count beside its first page), counted otherwise by <paramref name="count"/>.
    /// The page is read first, so that a short list makes one statement, not two.
    /// </summary>
    public static async Task<int> TotalAsync(int page, int pageSize, int rowsRead, Func<Task<int>> count) =>
        rowsRead < pageSize && (rowsRead > 0 || page == 1) ? (page - 1) * pageSize + rowsRead : await count();

    /// <summary>A page of a list read whole, already in order: the small lists sorted in memory (by name in the user's language).</summary>
    public static Paged<T> Page<T>(IReadOnlyList<T> rows, int? page, int? pageSize)
    {
        var (number, size) = Normalize(page, pageSize);
        return new Paged<T>(rows.Skip((number - 1) * size).Take(size).ToList(), rows.Count, number, size);
    }
}

/// <summary>
/// Links of a list page's pager, keeping its filters and sort in the query string. A total that is a lower bound
/// (<see cref="Paged{T}.TotalIsLowerBound"/>) has no last page to link to.
/// </summary>
public record PageLinks(int Page, int PageSize, int Total, string Path, IQueryCollection Query, bool TotalIsLowerBound = false)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    /// <summary>The page the "next" link leads to: the next one, the last at most when the total is known.</summary>
    public int Next => TotalIsLowerBound ? Page + 1 : Math.Min(PageCount, Page + 1);

    public string Url(int page)
    {
        var q = Query.Where(kv => kv.Key != "page").ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["page"] = page.ToString();
        return QueryHelpers.AddQueryString(Path, q);
    }
}
