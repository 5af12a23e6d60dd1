using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cooperation.Web.Data;

/// <summary>
/// Writes new records in bulk (on SQLite by prepared multi-row INSERTs reused batch after batch, on PostgreSQL by a
/// binary <c>COPY</c> a table), giving them their keys itself (after the highest in the table): what <c>SaveChanges</c>
/// writes, without its per-record commands, which at the demo's scale 10 (some 700,000 records) took minutes and
/// gigabytes. Only where nobody else adds to these tables meanwhile: the demo generator's load, and the audit trail's
/// and an import's writes under the chain's lock (<see cref="CooperationDbContext.SaveInBulkAsync"/>). It writes no
/// audit entries itself. Two ways in: <see cref="SaveAddedAsync"/> for what a context tracks as added (the context
/// should stop tracking them after), <see cref="InsertNewAsync"/> for records no context tracks.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Writes the records the context tracks as added, table after table in the order of their foreign keys. The records
    /// keep their new keys and foreign keys.
    /// </summary>
    /// <param name="detectChanges">False where the caller has just detected the changes itself (a pass over every tracked record).</param>
    public static async Task<int> SaveAddedAsync(DbContext db, CancellationToken ct = default, bool detectChanges = true)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (detectChanges) db.ChangeTracker.DetectChanges();
        var byType = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added) continue;
            if (!byType.TryGetValue(entry.Metadata, out var list)) byType[entry.Metadata] = list = [];
            list.Add(entry);
        }
        if (byType.Count == 0) return 0;

        // The real key of each new record, by its temporary key, for the foreign keys of the records written after it.
        var keys = new Dictionary<IProperty, Dictionary<object, object>>();
        var written = await InTransactionAsync(db, async writer =>
        {
            var written = 0;
            foreach (var type in InDependencyOrder(byType.Keys))
            {
                var table = writer.TableOf(type);
                var columns = table.Columns;
                var entries = byType[type];

                // New keys: after the highest in the table, in the order the records were added.
                if (table.Key is { } generated)
                {
                    var next = await writer.HighestKeyAsync(table, ct);
                    var map = keys.TryGetValue(generated, out var m) ? m : keys[generated] = [];
                    foreach (var entry in entries)
                    {
                        var key = entry.Property(generated);
                        if (!key.IsTemporary && !IsUnset(key.CurrentValue)) continue;
                        var real = NewKey(generated, ref next);
                        if (key.CurrentValue is { } temporary) map[temporary] = real;
                    }
                }

                // Where each column's temporary values find their real keys: its own new keys, or those of the records it refers to.
                var maps = columns.Select(c => KeyMaps(type, c.Property, keys)).ToArray();
                var values = new object?[entries.Count][];
                for (var i = 0; i < entries.Count; i++)
                {
                    var current = entries[i].CurrentValues;
                    var row = values[i] = new object?[columns.Count];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = current[columns[c].Property];
                        if (value is not null)
                            foreach (var map in maps[c])
                                if (map.TryGetValue(value, out var real)) { value = real; break; }
                        row[c] = value;
                    }
                }

                written += await writer.WriteAsync(table, values, ct);

                // The records take their keys and foreign keys, as after SaveChanges.
                for (var i = 0; i < entries.Count; i++)
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var property = columns[c].Property;
                        if (property.IsShadowProperty() || property.IsIndexerProperty() || property.PropertyInfo is not { CanWrite: true } info) continue;
                        if (!Equals(info.GetValue(entries[i].Entity), values[i][c])) info.SetValue(entries[i].Entity, values[i][c]);
                    }
            }
            return written;
        }, ct);
        db.GetService<ILoggerFactory>().CreateLogger(typeof(BulkInsert))
            .LogDebug("Bulk insert: {Rows} rows of {Tables} tables in {Elapsed} ms", written, byType.Count, watch.ElapsedMilliseconds);
        return written;
    }

    /// <summary>
    /// Writes records of one table that no context tracks, without tracking them: for a generator's hundreds of
    /// thousands of records, where attaching each graph to the change tracker and detecting its changes cost more than
    /// the writing. The records without a key get one (after the highest in the table, in the list's order); a foreign
    /// key takes its value from the record its reference points to (<c>nomination.Session</c>), which must have been
    /// written before; a collection (<c>session.Quotas</c>) sets nothing. Many-to-many links and shadow properties
    /// are not written: such records go by <see cref="SaveAddedAsync"/>.
    /// </summary>
    public static async Task<int> InsertNewAsync<T>(DbContext db, IReadOnlyList<T> records, CancellationToken ct = default) where T : class
    {
        if (records.Count == 0) return 0;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not a record of this context.");
        return await InTransactionAsync(db, async writer =>
        {
            var table = writer.TableOf(type);
            if (table.Columns.Select(c => c.Property).FirstOrDefault(p => p.PropertyInfo is not { CanWrite: true }) is { } unwritable)
                throw new InvalidOperationException($"{type.DisplayName()}.{unwritable.Name} is not a property of its class: write these records by SaveAddedAsync.");

            foreach (var fk in type.GetForeignKeys())
            {
                var reference = fk.DependentToPrincipal?.GetGetter();
                for (var p = 0; p < fk.Properties.Count; p++)
                {
                    var property = fk.Properties[p];
                    var principalKey = fk.PrincipalKey.Properties[p].GetGetter();
                    var own = property.GetGetter();
                    foreach (var record in records)
                    {
                        if (reference?.GetClrValueUsingContainingEntity(record) is { } principal)
                        {
                            var value = principalKey.GetClrValueUsingContainingEntity(principal);
                            if (IsUnset(value))
                                throw new InvalidOperationException($"{type.DisplayName()} refers to a {fk.PrincipalEntityType.DisplayName()} not written yet.");
                            property.PropertyInfo!.SetValue(record, value);
                        }
                        else if (fk.IsRequired && IsUnset(own.GetClrValueUsingContainingEntity(record)))
                            throw new InvalidOperationException($"{type.DisplayName()} refers to no {fk.PrincipalEntityType.DisplayName()} ({property.Name}).");
                    }
                }
            }

            if (table.Key is { } generated)
            {
                var next = await writer.HighestKeyAsync(table, ct);
                var key = generated.GetGetter();
                foreach (var record in records)
                    if (IsUnset(key.GetClrValueUsingContainingEntity(record))) generated.PropertyInfo!.SetValue(record, NewKey(generated, ref next));
            }

            var getters = table.Columns.Select(c => c.Property.GetGetter()).ToArray();
            var values = new object?[records.Count][];
            for (var i = 0; i < records.Count; i++)
            {
                var row = values[i] = new object?[getters.Length];
                for (var c = 0; c < getters.Length; c++) row[c] = getters[c].GetClrValueUsingContainingEntity(records[i]);
            }
            return await writer.WriteAsync(table, values, ct);
        }, ct);
    }

    private static object NewKey(IProperty key, ref long next) => key.ClrType == typeof(int) ? (object)checked((int)++next) : ++next;

    /// <summary>
    /// Runs the writes on the context's connection, within the caller's transaction if there is one (the demo generator
    /// writes in several steps, all or nothing), otherwise in one of their own.
    /// </summary>
    private static async Task<int> InTransactionAsync(DbContext db, Func<Writer, Task<int>> write, CancellationToken ct)
    {
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using var owned = own;
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            if (!postgres)
            {
                // A table whose records refer to each other (a project's results to their parent) spans several statements:
                // its foreign keys are checked at the commit (SQLite turns this off again there). COPY is one statement.
                await using var defer = connection.CreateCommand();
                defer.Transaction = transaction;
                defer.CommandText = "PRAGMA defer_foreign_keys = ON";
                await defer.ExecuteNonQueryAsync(ct);
            }
            var written = await write(new Writer(connection, transaction, postgres, db.GetService<ISqlGenerationHelper>()));
            if (own is not null) await own.CommitAsync(ct);
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A table as written: its name, its columns, and its key when the database generates it (an integer).</summary>
    private sealed record Table(IEntityType Type, string Qualified, StoreObjectIdentifier Store, List<(IProperty Property, string Column)> Columns, IProperty? Key);

    private sealed class Writer(DbConnection connection, DbTransaction transaction, bool postgres, ISqlGenerationHelper sql)
    {
        public Table TableOf(IEntityType type)
        {
            var name = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} maps to no table.");
            var schema = type.GetSchema();
            var store = StoreObjectIdentifier.Table(name, schema);
            var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(store)!)).Where(c => c.Column is not null).ToList();
            var key = type.FindPrimaryKey() is { Properties: [var keyProperty] } && keyProperty.ValueGenerated == ValueGenerated.OnAdd
                && (keyProperty.ClrType == typeof(int) || keyProperty.ClrType == typeof(long)) ? keyProperty : null;
            return new Table(type, sql.DelimitIdentifier(name, schema), store, columns, key);
        }

        public async Task<long> HighestKeyAsync(Table table, CancellationToken ct)
        {
            await using var max = connection.CreateCommand();
            max.Transaction = transaction;
            max.CommandText = $"SELECT MAX({sql.DelimitIdentifier(table.Key!.GetColumnName(table.Store)!)}) FROM {table.Qualified}";
            var found = await max.ExecuteScalarAsync(ct);
            return found is null or DBNull ? 0 : Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task<int> WriteAsync(Table table, object?[][] values, CancellationToken ct)
        {
            var converters = table.Columns.Select(c => c.Property.GetRelationalTypeMapping()).ToArray();
            var written = postgres
                ? await CopyAsync(connection, table.Qualified, table.Columns, converters, values, sql, ct)
                : await InsertAsync(connection, transaction, table.Qualified, table.Columns, converters, values, sql, ct);

            // PostgreSQL's identity sequences go on after the keys given here.
            if (postgres && table.Key is { } key && values.Length > 0)
            {
                await using var sequence = connection.CreateCommand();
                sequence.Transaction = transaction;
                var column = key.GetColumnName(table.Store)!;
                sequence.CommandText = $"SELECT setval(pg_get_serial_sequence('{table.Qualified.Replace("'", "''", StringComparison.Ordinal)}', "
                    + $"'{column.Replace("'", "''", StringComparison.Ordinal)}'), (SELECT MAX({sql.DelimitIdentifier(column)}) FROM {table.Qualified}))";
                await sequence.ExecuteScalarAsync(ct);
            }
            return written;
        }
    }

    /// <summary>
    /// SQLite: one prepared multi-row INSERT reused for every full batch of rows (its parameters given new values), and
    /// one for the rest; the statement is compiled once a table instead of once a batch.
    /// </summary>
    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, string table,
        List<(IProperty Property, string Column)> columns, RelationalTypeMapping[] mappings, object?[][] values,
        ISqlGenerationHelper sql, CancellationToken ct)
    {
        // Microsoft.Data.Sqlite binds each parameter by name at every execution: a few dozen a statement.
        var perStatement = Math.Max(1, Math.Min(32, 96 / Math.Max(1, columns.Count)));
        var written = 0;
        DbCommand? full = null, rest = null;
        try
        {
            for (var start = 0; start < values.Length; start += perStatement)
            {
                var count = Math.Min(perStatement, values.Length - start);
                var command = count == perStatement
                    ? full ??= Prepare(connection, transaction, table, columns, mappings, count, sql)
                    : rest = Prepare(connection, transaction, table, columns, mappings, count, sql);
                var parameters = command.Parameters;
                for (var r = 0; r < count; r++)
                {
                    var row = values[start + r];
                    for (var c = 0; c < columns.Count; c++)
                        parameters[r * columns.Count + c].Value = ProviderValue(mappings[c], row[c]);
                }
                written += await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
            if (rest is not null) await rest.DisposeAsync();
        }
        return written;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table,
        List<(IProperty Property, string Column)> columns, RelationalTypeMapping[] mappings, int rows, ISqlGenerationHelper sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                // Named as written ("@p0"): Microsoft.Data.Sqlite then finds it at its first look-up in the statement,
                // rather than after trying "p0" and the prefixes in turn (a third of the load's time).
                var name = sql.GenerateParameterNamePlaceholder("p" + (r * columns.Count + c).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (c > 0) text.Append(", ");
                text.Append(name);
                command.Parameters.Add(mappings[c].CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    /// <summary>PostgreSQL: the rows streamed by a binary <c>COPY</c>, each value written as its column's type.</summary>
    private static async Task<int> CopyAsync(DbConnection connection, string table, List<(IProperty Property, string Column)> columns,
        RelationalTypeMapping[] mappings, object?[][] values, ISqlGenerationHelper sql, CancellationToken ct)
    {
        var npgsql = (Npgsql.NpgsqlConnection)connection;
        // "character varying(200)" is written as "character varying": the facets do not change the binary form.
        var types = columns.Select(c => StoreTypeName(c.Property.GetColumnType())).ToArray();
        await using var import = await npgsql.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in values)
        {
            await import.StartRowAsync(ct);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = ProviderValue(mappings[c], row[c]);
                if (value is DBNull) await import.WriteNullAsync(ct);
                else await import.WriteAsync(value, types[c], ct);
            }
        }
        return checked((int)await import.CompleteAsync(ct));
    }

    private static string StoreTypeName(string columnType)
    {
        var facets = columnType.IndexOf('(', StringComparison.Ordinal);
        if (facets < 0) return columnType;
        var close = columnType.IndexOf(')', facets);
        return (columnType[..facets] + (close < 0 ? "" : columnType[(close + 1)..])).Trim();
    }

    /// <summary>The value as the provider stores it: what <see cref="RelationalTypeMapping.CreateParameter"/> would bind.</summary>
    private static object ProviderValue(RelationalTypeMapping mapping, object? value)
    {
        if (value is null) return DBNull.Value;
        if (mapping.Converter is { } converter) return converter.ConvertToProvider(value) ?? DBNull.Value;
        if (value is Enum) return Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
        return value;
    }

    /// <summary>
    /// For a bulk load on SQLite: the rollback journal kept in memory and no sync to disk until the load's end (a crash
    /// during the load leaves a database to delete, as a half-generated one would be anyway); both restored when the
    /// returned handle is disposed, after the load's transaction. The connection stays open in between: begin the
    /// load's transaction after this call. On both providers, what keeps the search by name's index of trigrams (the
    /// migration <c>TraineeNameSearch</c>) row after row is set aside for the load and made again once at its end:
    /// <list type="bullet">
    /// <item>SQLite: the triggers that keep its full-text indexes, created again, then each index rebuilt from its table
    /// (kept row after row, the trainees' names took the scale-10 demo data from 38 to 55 s);</item>
    /// <item>PostgreSQL: its GIN indexes, dropped and created again (50 to 62 s; created, 2 s).</item>
    /// </list>
    /// </summary>
    public static async Task<IAsyncDisposable> BeginLoadAsync(DbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is not null) return new Load(db, null, null, null, []);
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) != true)
        {
            var indexes = await RowsAsync(connection, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE '% USING gin %'", ct);
            foreach (var (name, _) in indexes) await ScalarAsync(connection, $"DROP INDEX {Quoted(name)}", ct);
            return new Load(db, null, null, null, indexes.Select(i => i.Sql).ToList());
        }
        var journal = Convert.ToString(await ScalarAsync(connection, "PRAGMA journal_mode", ct), System.Globalization.CultureInfo.InvariantCulture);
        var synchronous = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA synchronous", ct), System.Globalization.CultureInfo.InvariantCulture);
        await ScalarAsync(connection, "PRAGMA journal_mode = MEMORY", ct);
        var cache = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA cache_size", ct), System.Globalization.CultureInfo.InvariantCulture);
        await ScalarAsync(connection, "PRAGMA synchronous = OFF", ct);
        // The tables' indexes are written in no order (names, dates): 64 MB of page cache instead of 2 keeps most of them in
        // memory (half the system time of a scale-10 load; 128 MB saved a little more but took the load over 1 GB).
        await ScalarAsync(connection, "PRAGMA cache_size = -65536", ct);
        const string fullText = "f.type = 'table' AND f.sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'";
        var triggers = await RowsAsync(connection, $"SELECT t.name, t.sql FROM sqlite_master t, sqlite_master f WHERE t.type = 'trigger' AND {fullText} AND instr(t.sql, f.name) > 0", ct);
        foreach (var (name, _) in triggers) await ScalarAsync(connection, $"DROP TRIGGER {Quoted(name)}", ct);
        var rebuilds = (await RowsAsync(connection, $"SELECT f.name, f.sql FROM sqlite_master f WHERE {fullText}", ct))
            .Select(f => $"INSERT INTO {Quoted(f.Name)}({Quoted(f.Name)}) VALUES ('rebuild')");
        return new Load(db, journal, synchronous, cache, [.. triggers.Select(t => t.Sql), .. rebuilds]);
    }

    private static async Task<List<(string Name, string Sql)>> RowsAsync(DbConnection connection, string text, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>A name of the database's own schema, quoted as an identifier (both providers double a quote).</summary>
    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<object?> ScalarAsync(DbConnection connection, string text, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>The load's end: <paramref name="remake"/>, what was set aside made again (statements the database wrote
    /// itself: the triggers' and indexes' definitions, the rebuilds), then SQLite's settings as they were.</summary>
    private sealed class Load(DbContext db, string? journal, long? synchronous, long? cache, List<string> remake) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                foreach (var statement in remake) await ScalarAsync(db.Database.GetDbConnection(), statement, default);
                if (journal is not null && synchronous is not null && db.Database.CurrentTransaction is null)
                {
                    var connection = db.Database.GetDbConnection();
                    // Pragmas take no parameters; both values were read from SQLite itself.
                    await ScalarAsync(connection, $"PRAGMA synchronous = {synchronous.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", default);
                    if (cache is not null) await ScalarAsync(connection, $"PRAGMA cache_size = {cache.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", default);
                    if (journal.All(char.IsAsciiLetter)) await ScalarAsync(connection, $"PRAGMA journal_mode = {journal}", default);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static bool IsUnset(object? value) => value is null or 0 or 0L;

    private static List<Dictionary<object, object>> KeyMaps(IEntityType type, IProperty property, Dictionary<IProperty, Dictionary<object, object>> keys)
    {
        var maps = new List<Dictionary<object, object>>();
        if (property.IsPrimaryKey() && keys.TryGetValue(property, out var own)) maps.Add(own);
        foreach (var fk in property.GetContainingForeignKeys())
        {
            if (!fk.DeclaringEntityType.IsAssignableFrom(type)) continue;
            var principal = fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(property)];
            if (keys.TryGetValue(principal, out var map)) maps.Add(map);
        }
        return maps;
    }

    /// <summary>Tables whose records others refer to first (a table's references to itself left aside).</summary>
    internal static List<IEntityType> InDependencyOrder(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
                throw new InvalidOperationException("Records refer to each other in a circle: " + string.Join(", ", pending.Select(t => t.DisplayName())));
            ordered.AddRange(ready);
            pending.ExceptWith(ready);
        }
        return ordered;
    }
}
