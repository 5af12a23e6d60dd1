using System.Linq.Expressions;

namespace Cooperation.Web.Features.Shared;

public static class Tallies
{
    /// <summary>How many of the rows given fall under each key (an id), counted by the database in one grouped query.</summary>
    public static Task<Dictionary<int, int>> CountByAsync<T>(this IQueryable<T> rows, Expression<Func<T, int>> key, CancellationToken ct) =>
        rows.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
