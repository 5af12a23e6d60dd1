using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The one row (<c>DataGenerations</c>, id 1) through which the instances on one database tell each other that they
/// wrote: each adds one to <see cref="Writes"/> after its committed writes, and one to <see cref="PastWrites"/> too when
/// a write may reach a year before the current one (<see cref="FigureCache.DataChanged"/>). It is read and written
/// only by <see cref="SharedGenerationsSync"/>, in SQL, never through the change tracker.
/// </summary>
public class DataGeneration
{
    public int Id { get; set; }
    public long Writes { get; set; }
    public long PastWrites { get; set; }
}

/// <summary>
/// What this process has heard of the others' writes through <see cref="DataGeneration"/>: when it last read the row,
/// and how many changes it found there that were not its own. <see cref="FigureCache"/> keeps the figures of past
/// years while the row is heard (a change made elsewhere would have been found there), instead of counting them again
/// at their age.
/// </summary>
public sealed class SharedGenerations
{
    /// <summary>
    /// The writes of this process not yet added to the row of their database: static, like the process's own
    /// generations (<see cref="FigureCache.DataChanged"/> is called from the context and its interceptor), and kept by
    /// connection string, so that each host of a process (the tests run several) publishes those of its own database.
    /// </summary>
    private sealed class Unpublished
    {
        public int Writes;
        public int Past;
        public TaskCompletionSource Signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Unpublished> ByDatabase = new();

    private static Unpublished Of(string database) => ByDatabase.GetOrAdd(database, _ => new Unpublished());

    private long _heardAtTicks;
    private long _foreign;
    private long _foreignPast;
    private (long Writes, long PastWrites)? _last;

    /// <summary>When the row was last read (UTC), or null before the first read and while it cannot be read.</summary>
    public DateTime? HeardAt
    {
        get { var ticks = Interlocked.Read(ref _heardAtTicks); return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc); }
    }

    /// <summary>The changes of the row made by others (other instances, a command run beside), all and of past years.</summary>
    public long Foreign => Interlocked.Read(ref _foreign);

    public long ForeignPast => Interlocked.Read(ref _foreignPast);

    /// <summary>True when the row was read less than <paramref name="maxAge"/> before <paramref name="now"/>.</summary>
    public bool HeardWithin(TimeSpan maxAge, DateTime now) => HeardAt is { } at && now - at < maxAge;

    /// <summary>For the tests of the figures' rule: the row read at that moment.</summary>
    internal void MarkHeard(DateTime at) => Interlocked.Exchange(ref _heardAtTicks, at.Ticks);

    /// <summary>A committed write of this process on that database (its connection string), to add to its row at the next sync.</summary>
    internal static void Publish(string? database, bool pastYears)
    {
        if (database is null) return;
        var unpublished = Of(database);
        if (pastYears) Volatile.Write(ref unpublished.Past, 1);
        Volatile.Write(ref unpublished.Writes, 1);
        Volatile.Read(ref unpublished.Signal).TrySetResult();
    }

    /// <summary>True when this process wrote on that database since its last sync.</summary>
    internal static bool Pending(string database) =>
        ByDatabase.TryGetValue(database, out var u) && (Volatile.Read(ref u.Writes) == 1 || Volatile.Read(ref u.Past) == 1);

    /// <summary>Completes when a write on that database is to be published; the sync waits on it, or on its interval.</summary>
    internal static Task Signalled(string database) => Volatile.Read(ref Of(database).Signal).Task;

    /// <summary>
    /// Adds this process's writes since the last sync to the row, or reads it when there are none; a change found that
    /// this process did not make starts new generations of its figures. Writes not added (the database did not answer)
    /// are added at the next sync.
    /// </summary>
    internal async Task SyncAsync(string database, Func<DbConnection> connect, TimeProvider clock, CancellationToken ct)
    {
        var unpublished = Of(database);
        if (Volatile.Read(ref unpublished.Signal).Task.IsCompleted)
            Interlocked.Exchange(ref unpublished.Signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var writes = Interlocked.Exchange(ref unpublished.Writes, 0);
        var past = Interlocked.Exchange(ref unpublished.Past, 0);
        if (past == 1) writes = 1;
        try
        {
            await using var connection = connect();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = writes == 0
                ? """SELECT "Writes", "PastWrites" FROM "DataGenerations" WHERE "Id" = 1"""
                : $"""UPDATE "DataGenerations" SET "Writes" = "Writes" + 1, "PastWrites" = "PastWrites" + {past} WHERE "Id" = 1 RETURNING "Writes", "PastWrites" """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The table DataGenerations has no row 1.");
            Heard((reader.GetInt64(0), reader.GetInt64(1)), writes, past, clock.GetUtcNow().UtcDateTime);
        }
        catch
        {
            // Published at the next sync (twice, if the update was done and its answer lost: a figure counted once more).
            if (past == 1) Volatile.Write(ref unpublished.Past, 1);
            if (writes == 1) Volatile.Write(ref unpublished.Writes, 1);
            throw;
        }
    }

    private void Heard((long Writes, long PastWrites) row, int own, int ownPast, DateTime at)
    {
        if (_last is not { } last)
        {
            // Figures counted before this first read may miss a write made elsewhere meanwhile: counted again.
            Changed(pastYears: true);
        }
        else if (row.Writes - last.Writes - own != 0 || row.PastWrites - last.PastWrites - ownPast != 0)
            Changed(pastYears: row.PastWrites - last.PastWrites - ownPast != 0);
        _last = row;
        Interlocked.Exchange(ref _heardAtTicks, at.Ticks);
    }

    private void Changed(bool pastYears)
    {
        if (pastYears) Interlocked.Increment(ref _foreignPast);
        Interlocked.Increment(ref _foreign);
        FigureCache.ChangedElsewhere(pastYears);
    }
}

/// <summary>
/// Syncs <see cref="SharedGenerations"/> with the database: at once after a write of this process, else every second
/// (a quarter of <see cref="FigureOptions.MaxAgeSeconds"/> when that is shorter). A command run beside the server
/// (apply-retention, create-admin) publishes its writes as it ends (<see cref="PublishPendingAsync"/>).
/// </summary>
public sealed class SharedGenerationsSync(SharedGenerations shared, IConfiguration config, IHostEnvironment env, IOptions<FigureOptions> options,
    ILogger<SharedGenerationsSync> log, TimeProvider? clock = null) : BackgroundService
{
    private readonly (bool Postgres, string Connection) database = Database.Connection(config, env);

    private TimeProvider Clock => clock ?? TimeProvider.System;

    private DbConnection Connect() => database.Postgres
        ? new Npgsql.NpgsqlConnection(database.Connection)
        : new Microsoft.Data.Sqlite.SqliteConnection(database.Connection);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var maxAge = options.Value.MaxAgeSeconds;
        var interval = TimeSpan.FromSeconds(maxAge <= 0 ? 1 : Math.Clamp(maxAge / 4.0, 0.1, 1));
        // Not during the start, which has the two cores' work to do (until the first read the figures follow their age).
        try { await Task.Delay(interval, Clock, stoppingToken); }
        catch (OperationCanceledException) { return; }
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var signalled = SharedGenerations.Signalled(database.Connection);
            try
            {
                await shared.SyncAsync(database.Connection, Connect, Clock, stoppingToken);
                if (failing) log.LogInformation("The shared data generations are read again.");
                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Meanwhile the figures are kept no longer than Figures:MaxAgeSeconds, as without the row.
                if (!failing) log.LogWarning(e, "The shared data generations could not be read or written; figures follow their age until they can.");
                failing = true;
            }
            catch (OperationCanceledException) { return; }
            await Task.WhenAny(signalled, Task.Delay(interval, Clock, stoppingToken));
        }
    }

    /// <summary>Publishes the writes of a command run beside the server before the process ends.</summary>
    public async Task PublishPendingAsync()
    {
        if (!SharedGenerations.Pending(database.Connection)) return;
        try { await shared.SyncAsync(database.Connection, Connect, Clock, CancellationToken.None); }
        catch (Exception e) { log.LogWarning(e, "The shared data generations could not be written: the servers' figures of past years may not show this command's writes before their next write or the next day."); }
    }
}
