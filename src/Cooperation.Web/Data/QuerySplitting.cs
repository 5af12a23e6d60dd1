using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cooperation.Web.Data;

/// <summary>
/// How a projection with several small collections is read: on PostgreSQL in one statement, since a round trip to the
/// server costs more than the few rows the collections' product repeats; on SQLite one statement a collection, since a
/// round trip costs nothing in the process and the single statement sorts the product. For records with a handful of
/// children each (a project's places, domains and sectors), never for long collections.
/// </summary>
public static class QuerySplitting
{
    public static IQueryable<T> CollectionsByProvider<T>(this IQueryable<T> query, DatabaseFacade database) where T : class =>
        database.IsNpgsql() ? query.AsSingleQuery() : query.AsSplitQuery();
}
