using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cooperation.Web.Data;

/// <summary>
/// The audit trail's chain in the database: appending one writer at a time, sealing the entries of a database that
/// predates the chain, and verifying it (<see cref="AuditChain"/> holds the rules).
/// </summary>
public static class AuditTrail
{
    /// <summary>
    /// The PostgreSQL advisory lock (two int keys) that serialises appends to the chain across connections and
    /// instances, held until the transaction ends. SQLite needs none: its write transactions (BEGIN IMMEDIATE) already
    /// take turns. On both, the unique index on the sequence refuses a second entry at the same place.
    /// </summary>
    public const int LockClass = 0x434F4F50;   // "COOP"
    public const int LockKey = 0x41554454;     // "AUDT"

    /// <summary>Waits for the chain's lock, in the current transaction (there must be one).</summary>
    public static async Task LockAsync(CooperationDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockClass}, {LockKey})", ct);
    }

    /// <summary>The last sealed entry's place and hash; null for an empty chain. Read under the lock.</summary>
    public static async Task<(long Sequence, string Hash)?> HeadAsync(CooperationDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && e.Hash != null)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? null : (head.Sequence!.Value, head.Hash!);
    }

    /// <summary>
    /// Seals, once, the entries written before the chain existed (a database migrated from an earlier version): they
    /// take their places in the order they were written, before anything new is appended. It runs at start, right
    /// after the migrations, so that the application never serves a trail that is partly unsealed. Entries without a
    /// seal that come after sealed ones are not legacy but rows slipped in behind the application's back: they are left
    /// for <see cref="VerifyAsync"/> to report. Returns how many entries it sealed.
    /// </summary>
    public static async Task<int> SealLegacyAsync(CooperationDbContext db, CancellationToken ct = default)
    {
        if (!await AnyUnsealedAsync(db, ct)) return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        if (await HeadAsync(db, ct) is not null) return 0;
        var previous = ((long Sequence, string Hash)?)null;
        var sealedCount = 0;
        var lastId = 0L;
        while (true)
        {
            var batch = await db.AuditEntries.Where(e => e.Hash == null && e.Id > lastId).OrderBy(e => e.Id).Take(2000).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var entry in batch)
            {
                // The time is hashed as stored: the entry was written before times were cut to the microsecond.
                AuditChain.Seal(entry, previous, truncateTime: false);
                previous = (entry.Sequence!.Value, entry.Hash!);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            sealedCount += batch.Count;
            lastId = batch[^1].Id;
        }
        await transaction.CommitAsync(ct);
        return sealedCount;
    }

    /// <summary>
    /// Whether the trail holds an entry without a seal, asked in plain SQL: on an up-to-date database it is the start's
    /// only question before the first request, and as a LINQ query it made EF Core build its query pipeline first
    /// (0.3–0.4 s of one core), which the first requests and the upkeep after the start do anyway.
    /// </summary>
    private static async Task<bool> AnyUnsealedAsync(CooperationDbContext db, CancellationToken ct)
    {
        var entries = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entries.GetTableName()!, entries.GetSchema());
        var hash = entries.FindProperty(nameof(AuditEntry.Hash))!.GetColumnName(table)!;
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT 1 FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(hash)} IS NULL LIMIT 1";
            return await command.ExecuteScalarAsync(ct) is not null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Walks the whole chain in order, a batch at a time, and says whether it is intact and where it first breaks: an
    /// entry altered, entries deleted, an entry replaced, a row without a seal, or a content rewritten without a
    /// pseudonymisation naming it. Writers may go on meanwhile: what they append comes after what has been read.
    /// </summary>
    public static async Task<AuditIntegrity> VerifyAsync(CooperationDbContext db, CancellationToken ct = default)
    {
        const int batchSize = 5000;
        var verifier = new AuditChainVerifier();
        long last = 0;
        var going = true;
        while (going)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && e.Sequence > last)
                .OrderBy(e => e.Sequence).Take(batchSize).ToListAsync(ct);
            foreach (var entry in batch)
                if (!(going = verifier.Add(entry))) break;
            if (batch.Count < batchSize) break;
            last = batch[^1].Sequence!.Value;
        }
        foreach (var stray in await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(1).ToListAsync(ct))
            verifier.Unsealed(stray);
        var result = verifier.Result();
        // Rows after a break are not read one by one; the count says how many the trail holds in all.
        return result with { Entries = await db.AuditEntries.LongCountAsync(ct) };
    }
}
