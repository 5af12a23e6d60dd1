using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

public class FigureOptions
{
    /// <summary>
    /// The longest a figure computed by an instance is served before it is counted again (<c>Figures:MaxAgeSeconds</c>,
    /// 60 by default; 0: never kept). An instance's own writes drop its figures at once; another instance's writes
    /// show within this time, and within a second while the instances hear each other (<see cref="SharedGenerations"/>),
    /// when the figures of past years are kept until such a write whatever their age.
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// Figures whose last count took this long or longer (<c>Figures:BackgroundRecountAfterSeconds</c>, 2 by default)
    /// and whose caller can count them without its request (<see cref="FigureCache.GetOrRecountAsync"/>) are, once a
    /// write has made them out of date, counted again in the background while the figures they replace are served: at
    /// most <see cref="MaxAgeSeconds"/> after the write. 0: every such figure.
    /// </summary>
    public double BackgroundRecountAfterSeconds { get; set; } = 2;
}

/// <summary>
/// The aggregates (the dashboard's key figures, the training steering figures) counted once and served again until the
/// data changes: an entry holds the data generation it was counted at, and every write committed through
/// <see cref="CooperationDbContext"/> starts a new generation (<see cref="DataChanged"/>). Entries are kept by what
/// decides what they count — the user's scope (<see cref="Access.ScopeKey"/>), the language, the day and the
/// arguments — never longer than <see cref="FigureOptions.MaxAgeSeconds"/>, which bounds how stale a figure may be
/// when another instance's write is not heard (<see cref="SharedGenerations"/>); a past year's figures, while it is
/// heard, until a write that may reach them.
/// </summary>
/// <param name="writes">
/// The count of committed writes the figures follow: the process's (<see cref="DataChanged"/>) unless given. The
/// cache's own tests give theirs, so that the writes of other tests in the same process do not move it under them.
/// </param>
/// <param name="pastWrites">The count of those that may reach a past year: <paramref name="writes"/> if given, else the process's.</param>
/// <param name="shared">
/// What the process hears of the other instances' writes: while it is heard, the figures of past years are kept until
/// a write that may reach them, here or elsewhere, rather than counted again at their age (the dashboard's five years
/// took 30-45 s at scale 100 on PostgreSQL, and were counted again every minute).
/// </param>
/// <param name="scopes">Where a count made in the background gets its services (<see cref="GetOrRecountAsync"/>).</param>
public sealed class FigureCache(IOptions<FigureOptions> options, TimeProvider? clock = null, Func<long>? writes = null, Func<long>? pastWrites = null,
    SharedGenerations? shared = null, IServiceScopeFactory? scopes = null, ILogger<FigureCache>? log = null) : IDisposable
{
    private static long _generation;

    /// <summary>
    /// The count of committed writes that may change a year before the current one: every write but those whose records
    /// all lie in this year or later, as the annual report places them (<see cref="LockedPeriods.LeavesPastYearsAsync"/>).
    /// </summary>
    private static long _pastGeneration;

    private TimeProvider Clock => clock ?? TimeProvider.System;

    private long Generation => writes?.Invoke() ?? Interlocked.Read(ref _generation);

    private long PastGeneration => (pastWrites ?? writes)?.Invoke() ?? Interlocked.Read(ref _pastGeneration);

    /// <summary>
    /// What the cache holds at most, in units: a figure or a count weighs one, a kept order or file one for each
    /// <see cref="BytesPerUnit"/> it holds (<see cref="Weight"/>): about 40 MB of orders at most. An entry that would go
    /// over is not kept, and the oldest are let go.
    /// </summary>
    internal const long Capacity = 10_000;

    /// <summary>The bytes of a kept order or file that weigh one unit, as much as a figure.</summary>
    internal const int BytesPerUnit = 4_096;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The units of an entry holding <paramref name="bytes"/> bytes: one at least.</summary>
    internal static long Weight(long bytes) => 1 + bytes / BytesPerUnit;

    /// <summary>
    /// Called after every committed write of the data: what was counted before is counted again. A write whose records
    /// all lie in this year or later (<paramref name="pastYears"/> false) leaves the figures of past years counted.
    /// </summary>
    /// <param name="database">The connection string of the database written, whose other instances are told (<see cref="SharedGenerations"/>).</param>
    public static void DataChanged(string? database, bool pastYears = true)
    {
        NewGeneration(pastYears);
        SharedGenerations.Publish(database, pastYears);
    }

    /// <summary>A write of another instance, heard through <see cref="SharedGenerations"/>: counted again, not published.</summary>
    internal static void ChangedElsewhere(bool pastYears) => NewGeneration(pastYears);

    private static void NewGeneration(bool pastYears)
    {
        if (pastYears) Interlocked.Increment(ref _pastGeneration);
        Interlocked.Increment(ref _generation);
    }

    private readonly Lock gate = new();

    /// <summary>
    /// Figures of one generation, being counted or counted, from the moment their count began: the requests that want
    /// them meanwhile wait for the one count. <see cref="Next"/> is the count that will replace them, under way.
    /// </summary>
    private sealed class Entry(long generation, DateTime started)
    {
        public long Generation { get; } = generation;
        public DateTime Started { get; } = started;
        public Lazy<Task<object>> Value { get; set; } = null!;
        public Entry? Next { get; set; }
        /// <summary>How long the count took, once done.</summary>
        public TimeSpan? Took { get; set; }
        /// <summary>
        /// The last moment the data were known to be of <see cref="Generation"/>: any write these figures miss came
        /// after it. Moved on by every request that finds the generation unchanged.
        /// </summary>
        public DateTime Confirmed { get; set; } = started;
        /// <summary>Its units in the cache (<see cref="Capacity"/>), known once counted.</summary>
        public long Weight { get; set; } = 1;
        public bool Failed => Value.IsValueCreated && Value.Value.IsCompleted && !Value.Value.IsCompletedSuccessfully;
        public bool Counted => Value.IsValueCreated && Value.Value.IsCompletedSuccessfully;
    }

    /// <summary>
    /// The figures counted for this key at the current generation, or counted now (once, however many ask at the same
    /// time). Past half their allowed age, the next request counts them again while the others are still served the
    /// figures it replaces: nobody waits for a recount that only the clock asked for, and no figure is served past
    /// <see cref="FigureOptions.MaxAgeSeconds"/> from the moment its count began, except those of a past year while the
    /// other instances' writes are heard (<see cref="SharedGenerations"/>): those have no age.
    /// </summary>
    /// <param name="ofYear">
    /// The year the figures are of, if one: figures of a year before today's are kept across the writes that leave past
    /// years as they were (a nomination to this year's session, a notification read), and counted again only after a
    /// write that may reach a past year, or at their age. The dashboard's ten years were counted again after any write
    /// (6.7 s at scale 10).
    /// </param>
    public Task<T> GetOrComputeAsync<T>(string kind, Access access, string arguments, DateOnly today, Func<Task<T>> compute, int? ofYear = null)
        where T : notnull =>
        GetOrComputeAsync(Key(kind, access, arguments, today), compute, pastYear: ofYear < today.Year);

    /// <summary>
    /// As <see cref="GetOrComputeAsync{T}(string, Access, string, DateOnly, Func{Task{T}}, int?)"/>, for figures whose
    /// count may take seconds (a year of the dashboard at scale 100: 6-9 s). <paramref name="count"/> counts them with
    /// <paramref name="owner"/>, a use case of the request, or with the same use case of a service scope of its own:
    /// once a write has made figures out of date whose last count took
    /// <see cref="FigureOptions.BackgroundRecountAfterSeconds"/> or more, they are counted again in the background, as
    /// the same user and in the same language, while the figures they replace are served — as long as the data were
    /// known unchanged less than <see cref="FigureOptions.MaxAgeSeconds"/> ago, so that no figure served misses a
    /// write for longer than that. Past that, or at the first count, the request waits for the count as elsewhere.
    /// </summary>
    public Task<T> GetOrRecountAsync<T, TOwner>(string kind, Access access, string arguments, DateOnly today, TOwner owner,
        Func<TOwner, CancellationToken, Task<T>> count, CancellationToken ct, int? ofYear = null)
        where T : notnull where TOwner : class
    {
        var user = access.User;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return GetOrComputeAsync(Key(kind, access, arguments, today), () => count(owner, ct), pastYear: ofYear < today.Year,
            background: scopes is null ? null : () => CountApartAsync(user, culture, uiCulture, count));
    }

    /// <summary>
    /// What is the same for every user and day, kept by language only: the reference lists (countries, zones...) that
    /// the filters and forms of every page offer. They are read again after any write, like the figures. Counts that
    /// name nothing (<paramref name="byLanguage"/> false) are kept once for every language.
    /// </summary>
    /// <param name="bytes">The size of what is kept, for what weighs more than a figure (a file): see <see cref="Capacity"/>.</param>
    public Task<T> GetOrComputeSharedAsync<T>(string kind, Func<Task<T>> compute, bool byLanguage = true, Func<T, long>? bytes = null) where T : notnull =>
        GetOrComputeAsync(byLanguage ? string.Join('|', "shared", kind, CultureInfo.CurrentUICulture.Name) : string.Join('|', "shared", kind), compute,
            bytes: bytes);

    private static string Key(string kind, Access access, string arguments, DateOnly today) =>
        string.Join('|', kind, access.ScopeKey, CultureInfo.CurrentUICulture.Name, today.DayNumber, arguments);

    /// <summary>
    /// A count made apart from any request: in a service scope of its own, signed in as <paramref name="user"/> (as
    /// <see cref="BackgroundUser"/> runs a job), in the request's language, without the request's execution context
    /// (its <c>HttpContext</c> must stay the request's).
    /// </summary>
    private Task<T> CountApartAsync<T, TOwner>(ClaimsPrincipal user, CultureInfo culture, CultureInfo uiCulture, Func<TOwner, CancellationToken, Task<T>> count)
        where TOwner : class
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(async () =>
            {
                await using var scope = scopes!.CreateAsyncScope();
                var services = scope.ServiceProvider;
                services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = user, RequestServices = services };
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
                var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
                return await count(services.GetRequiredService<TOwner>(), stopping);
            });
    }

    private async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute, bool pastYear = false, Func<Task<T>>? background = null,
        Func<T, long>? bytes = null) where T : notnull
    {
        var maxAge = options.Value.MaxAgeSeconds;
        if (maxAge <= 0) return await compute();
        var limit = TimeSpan.FromSeconds(maxAge);
        // Read before counting: a write committed while it counts makes the entry out of date at once.
        var generation = pastYear ? PastGeneration : Generation;
        var now = Clock.GetUtcNow().UtcDateTime;
        // A past year's figures, while every instance's writes are heard: a write that may change them starts a new
        // generation, here or through the shared row, so their age tells nothing.
        var ageless = pastYear && shared?.HeardWithin(limit, now) == true;
        Entry entry;
        Entry? replaced = null, served = null;
        var counts = false;
        lock (gate)
        {
            cache.TryGetValue(key, out Entry? kept);
            var age = kept is null || ageless ? TimeSpan.Zero : now - kept.Started;
            if (kept?.Generation == generation) kept.Confirmed = now;
            if (background is not null && kept is { Counted: true, Took: { } took } && took.TotalSeconds >= options.Value.BackgroundRecountAfterSeconds
                && (kept.Generation != generation || age >= limit / 2) && age < limit && now - kept.Confirmed < limit)
            {
                // A slow count out of date: counted again apart from this request, the figures it replaces served meanwhile.
                if (kept.Next is null)
                {
                    var next = kept.Next = New(background);
                    _ = ReplaceWhenCountedAsync(key, kept, next);
                }
                entry = served = kept;
            }
            else if (kept is { Next: { } under } && under.Generation == generation && !under.Failed && kept.Generation != generation)
                entry = under; // the count of this generation is under way: wait for it rather than count again
            else if (kept is null || kept.Generation != generation || kept.Failed || age >= limit)
            {
                entry = New(compute);
                cache.Set(key, entry, Expiry(entry));
                counts = true;
            }
            else if (age >= limit / 2 && kept.Counted && kept.Next is null)
            {
                // This request counts the next figures; the others keep reading the ones counted until it is done.
                entry = kept.Next = New(compute);
                replaced = kept;
            }
            else entry = kept;
        }
        if (served is not null) return (T)await served.Value.Value;
        if (replaced is not null)
        {
            try
            {
                var value = (T)await entry.Value.Value;
                lock (gate)
                    if (cache.TryGetValue(key, out Entry? current) && current == replaced) cache.Set(key, entry, Expiry(entry));
                return value;
            }
            catch (Exception)
            {
                lock (gate) replaced.Next = null;
                throw;
            }
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

        Entry New(Func<Task<T>> count)
        {
            var e = new Entry(generation, now);
            e.Value = new Lazy<Task<object>>(async () =>
            {
                var value = await count();
                e.Took = Clock.GetUtcNow().UtcDateTime - e.Started;
                if (bytes is not null)
                {
                    // Kept at its weight, now known: one that would go over the capacity is let go.
                    e.Weight = Weight(bytes(value));
                    lock (gate)
                        if (cache.TryGetValue(key, out Entry? current) && current == e) cache.Set(key, e, Expiry(e));
                }
                return value;
            });
            return e;
        }

        // Once the background count is done, its figures replace those it was counted for (unless something else did).
        async Task ReplaceWhenCountedAsync(string k, Entry old, Entry next)
        {
            try
            {
                await next.Value.Value;
                lock (gate)
                    if (cache.TryGetValue(k, out Entry? current) && current == old) cache.Set(k, next, Expiry(next));
                log?.LogInformation("Figures {Kind} counted again in the background in {Seconds:F1} s", k[..k.IndexOf('|')], next.Took?.TotalSeconds);
            }
            catch (Exception e)
            {
                // The next request that finds them out of date counts them again.
                lock (gate) old.Next = null;
                if (e is not OperationCanceledException) // the application stopping
                    log?.LogWarning(e, "Figures {Kind} could not be counted again in the background", k[..k.IndexOf('|')]);
            }
        }

        // A past year's figures stay in memory while they are read (within the hour), whatever their age: the rule
        // above decides whether they may be served.
        MemoryCacheEntryOptions Expiry(Entry e) => pastYear
            ? new() { SlidingExpiration = TimeSpan.FromSeconds(Math.Max(maxAge, 3600)), Size = e.Weight }
            : new() { AbsoluteExpiration = e.Started + TimeSpan.FromSeconds(maxAge), Size = e.Weight };
    }

    /// <summary>
    /// A list's total, counted once for its filters (<paramref name="filter"/>, without its page and sort), the user
    /// and the day, then kept like the figures: counting a long history (300,000 trainees) on every page of it would
    /// cost more than reading the page.
    /// </summary>
    public Task<int> CountAsync<T>(string list, Access access, object filter, IQueryable<T> query, CancellationToken ct) =>
        GetOrComputeAsync("count", access, $"{list}|{access.UserId}|{filter}", Clock.Today(),
            () => query.CountAsync(ct));

    /// <summary>
    /// A list's total as <see cref="CountAsync{T}"/> keeps it, counted up to <paramref name="most"/> rows when given: past
    /// them it is <paramref name="most"/> at least (a name searched, <see cref="Paging.CountLimit"/>).
    /// </summary>
    public async Task<ListTotal> CountUpToAsync<T>(string list, Access access, object filter, IQueryable<T> query, int? most, CancellationToken ct)
    {
        if (most is not { } limit) return new(await CountAsync(list, access, filter, query, ct), AtLeast: false);
        var counted = await GetOrComputeAsync("count", access, $"{list}|{access.UserId}|{filter}|{limit}", Clock.Today(),
            () => query.Take(limit + 1).CountAsync(ct));
        return counted > limit ? new(limit, AtLeast: true) : new(counted, AtLeast: false);
    }

    /// <summary>
    /// The ids of a list in their order, read once for its filters and sort (<paramref name="arguments"/>, without the
    /// page), the user and the day, then kept like the figures: for a list sorted on another table's column (the
    /// overdue recommendations by their mission's zone), where every page would otherwise sort the whole history. The
    /// rows of a page are then read by id, as they are now.
    /// </summary>
    public Task<List<int>> OrderAsync(string list, Access access, object arguments, IQueryable<int> ids, CancellationToken ct) =>
        KeepOrderAsync(list, access, arguments, async () =>
        {
            var order = await ids.ToListAsync(ct);
            order.TrimExcess();
            return order;
        });

    /// <summary>An order read by <paramref name="read"/>, kept at its weight (<see cref="Capacity"/>): 298,000 trainees weigh 292 units.</summary>
    internal Task<List<int>> KeepOrderAsync(string list, Access access, object arguments, Func<Task<List<int>>> read) =>
        GetOrComputeAsync(Key("order", access, $"{list}|{access.UserId}|{arguments}", Clock.Today()), read,
            bytes: order => (long)order.Count * sizeof(int));

    public void Dispose() => cache.Dispose();
}

public static class FigureCacheSetup
{
    public static IServiceCollection AddCooperationFigures(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<FigureOptions>(config.GetSection("Figures"));
        services.AddSingleton<SharedGenerations>();
        services.AddSingleton<SharedGenerationsSync>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedGenerationsSync>());
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

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Changed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Changed(eventData.Context);
        return Task.CompletedTask;
    }

    // A command that changed no row (the health check's SELECT 1, a PRAGMA, an UPDATE that matched nothing) changes no
    // figure: every /health had all figures counted again, here and, through the shared row, on every instance.
    public int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0) Changed(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0) Changed(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Past years are left counted only within a save that placed all its records in this year or later.</summary>
    private static void Changed(DbContext? context) =>
        FigureCache.DataChanged(context?.Database.GetConnectionString(), pastYears: context is not CooperationDbContext { SavesOnlyThisYearOn: true });
}
