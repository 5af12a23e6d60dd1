using System.Linq.Expressions;

namespace Cooperation.Web.Features.Shared;

public static class Tallies
{
    /// <summary>How many of the rows given fall under each key (an id), counted by the database in one grouped query.</summary>
    public static Task<Dictionary<int, int>> CountByAsync<T>(this IQueryable<T> rows, Expression<Func<T, int>> key, CancellationToken ct) =>
        rows.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>
    /// How many different values the rows hold (nulls not counted), as one <c>COUNT(DISTINCT …)</c>. Counting the rows of a
    /// <c>SELECT DISTINCT</c> subquery (what <c>Distinct().CountAsync()</c> writes) lets PostgreSQL plan a parallel hash
    /// aggregate, which at scale 100 spilled to disk and ran for minutes on the year's 250,000 trainees instead of half a
    /// second. The one group (none without rows) is read as the single one it is: read as the first, EF Core warned in
    /// the log of every start that a first row was taken without an order.
    /// </summary>
    public static async Task<int> CountDistinctAsync<T>(this IQueryable<T> values, CancellationToken ct) =>
        await values.GroupBy(_ => 1).Select(g => g.Distinct().Count()).SingleOrDefaultAsync(ct);
}
