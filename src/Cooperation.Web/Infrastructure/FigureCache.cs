using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

public class FigureOptions
{
    /// <summary>
    /// The longest a figure computed by an instance is served before it is counted again (<c>Figures:MaxAgeSeconds</c>,
    /// 60 by default; 0: never kept). An instance's own writes drop its figures at once; another instance's writes
    /// show within this time.
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 60;
}

/// <summary>
/// The aggregates (the dashboard's key figures, the training steering figures) counted once and served again until the
/// data changes: an entry holds the data generation it was counted at, and every write committed through
/// <see cref="CooperationDbContext"/> starts a new generation (<see cref="DataChanged"/>). Entries are kept by what
/// decides what they count — the user's scope (<see cref="Access.ScopeKey"/>), the language, the day and the
/// arguments — never longer than <see cref="FigureOptions.MaxAgeSeconds"/>, which bounds how stale a figure may be
/// when another instance on the same PostgreSQL wrote.
/// </summary>
public sealed class FigureCache(IOptions<FigureOptions> options) : IDisposable
{
    private static long _generation;

    // Its own cache, bounded: a few entries a scope, a language and a set of filters.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>Called after every committed write of the data: what was counted before is counted again.</summary>
    public static void DataChanged() => Interlocked.Increment(ref _generation);

    private readonly Lock gate = new();

    /// <summary>Figures of one generation, being counted or counted: the requests that want them meanwhile wait for the one count.</summary>
    private sealed record Entry(long Generation, Lazy<Task<object>> Value);

    /// <summary>The figures counted for this key at the current generation, or counted now (once, however many ask at the same time).</summary>
    public async Task<T> GetOrComputeAsync<T>(string kind, Access access, string arguments, DateOnly today, Func<Task<T>> compute)
        where T : notnull
    {
        var maxAge = options.Value.MaxAgeSeconds;
        if (maxAge <= 0) return await compute();
        var key = string.Join('|', kind, access.ScopeKey, CultureInfo.CurrentUICulture.Name, today.DayNumber, arguments);
        // Read before counting: a write committed while it counts makes the entry out of date at once.
        var generation = Interlocked.Read(ref _generation);
        Entry entry;
        var counts = false;
        lock (gate)
        {
            if (!cache.TryGetValue(key, out Entry? kept) || kept!.Generation != generation || kept.Value.IsValueCreated && !kept.Value.Value.IsCompletedSuccessfully && kept.Value.Value.IsCompleted)
            {
                kept = new Entry(generation, new Lazy<Task<object>>(async () => await compute()));
                cache.Set(key, kept, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(maxAge), Size = 1 });
                counts = true;
            }
            entry = kept;
        }
        if (counts) return (T)await entry.Value.Value;
        try
        {
            return (T)await entry.Value.Value;
        }
        catch (Exception) when (!entry.Value.Value.IsCompletedSuccessfully)
        {
            // The request that counted failed (its client went away, say): this one counts for itself.
            return await compute();
        }
    }

    public void Dispose() => cache.Dispose();
}

public static class FigureCacheSetup
{
    public static IServiceCollection AddCooperationFigures(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<FigureOptions>(config.GetSection("Figures"));
        return services.AddSingleton<FigureCache>();
    }
}

/// <summary>
/// Starts a new data generation (<see cref="FigureCache.DataChanged"/>) on every committed transaction and every command
/// that writes without the change tracker (<c>ExecuteUpdate</c>, SQL of the operations' commands).
/// </summary>
public sealed class DataChangeInterceptor : IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly DataChangeInterceptor Instance = new();

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => FigureCache.DataChanged();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        FigureCache.DataChanged();
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result)
    {
        FigureCache.DataChanged();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FigureCache.DataChanged();
        return ValueTask.FromResult(result);
    }
}
