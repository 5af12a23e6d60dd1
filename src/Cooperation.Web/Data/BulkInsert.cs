using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cooperation.Web.Data;

/// <summary>
/// Writes the records a context holds as added with multi-row INSERTs, table after table in the order of their foreign
/// keys, giving new records their keys itself (after the highest in the table): what <c>SaveChanges</c> writes, without
/// its per-record commands, which at the demo's scale 10 (some 700,000 records) took minutes and gigabytes. Only for a
/// bulk load nobody else writes to at the same time (the demo generator on a database without coopérants); no audit
/// entries: the caller records the load as one. The records keep their new keys and foreign keys; the context should
/// be cleared after.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters a PostgreSQL statement at most (it allows 65,535).</summary>
    private const int MaxParameters = 30_000;
    private const int MaxRows = 500;

    public static async Task<int> SaveAddedAsync(DbContext db, CancellationToken ct = default)
    {
        db.ChangeTracker.DetectChanges();
        var byType = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added) continue;
            if (!byType.TryGetValue(entry.Metadata, out var list)) byType[entry.Metadata] = list = [];
            list.Add(entry);
        }
        if (byType.Count == 0) return 0;

        var sql = db.GetService<ISqlGenerationHelper>();
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        // The real key of each new record, by its temporary key, for the foreign keys of the records written after it.
        var keys = new Dictionary<IProperty, Dictionary<object, object>>();
        var written = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Within the caller's transaction if there is one (the demo generator writes in several steps, all or nothing).
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await using var owned = own;
            var transaction = db.Database.CurrentTransaction!;
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            foreach (var type in InDependencyOrder(byType.Keys))
            {
                var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} maps to no table.");
                var schema = type.GetSchema();
                var store = StoreObjectIdentifier.Table(table, schema);
                var qualified = sql.DelimitIdentifier(table, schema);
                var columns = type.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(store))).Where(c => c.Column is not null).ToList();
                var entries = byType[type];

                // New keys: after the highest in the table, in the order the records were added.
                var generated = type.FindPrimaryKey() is { Properties: [var keyProperty] } && keyProperty.ValueGenerated == ValueGenerated.OnAdd
                    && (keyProperty.ClrType == typeof(int) || keyProperty.ClrType == typeof(long)) ? keyProperty : null;
                if (generated is not null)
                {
                    var column = sql.DelimitIdentifier(generated.GetColumnName(store)!);
                    long next;
                    await using (var max = connection.CreateCommand())
                    {
                        max.Transaction = dbTransaction;
                        max.CommandText = $"SELECT MAX({column}) FROM {qualified}";
                        var found = await max.ExecuteScalarAsync(ct);
                        next = found is null or DBNull ? 0 : Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    var map = keys.TryGetValue(generated, out var m) ? m : keys[generated] = [];
                    foreach (var entry in entries)
                    {
                        var key = entry.Property(generated);
                        if (!key.IsTemporary && !IsUnset(key.CurrentValue)) continue;
                        var real = generated.ClrType == typeof(int) ? (object)checked((int)++next) : ++next;
                        if (key.CurrentValue is { } temporary) map[temporary] = real;
                    }
                }

                // Where each column's temporary values find their real keys: its own new keys, or those of the records it refers to.
                var maps = columns.Select(c => KeyMaps(type, c.Property, keys)).ToArray();
                var values = new object?[entries.Count][];
                for (var i = 0; i < entries.Count; i++)
                {
                    var entry = entries[i];
                    var row = values[i] = new object?[columns.Count];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var property = columns[c].Property;
                        var value = entry.Property(property).CurrentValue;
                        if (value is not null)
                            foreach (var map in maps[c])
                                if (map.TryGetValue(value, out var real)) { value = real; break; }
                        row[c] = value;
                    }
                }

                // Microsoft.Data.Sqlite looks each parameter up by name in the command's list: short statements there.
                var perStatement = Math.Max(1, postgres ? Math.Min(MaxRows, MaxParameters / Math.Max(1, columns.Count)) : Math.Min(50, 500 / Math.Max(1, columns.Count)));
                var head = $"INSERT INTO {qualified} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column!)))}) VALUES ";
                for (var start = 0; start < entries.Count; start += perStatement)
                {
                    var count = Math.Min(perStatement, entries.Count - start);
                    await using var command = connection.CreateCommand();
                    command.Transaction = dbTransaction;
                    var text = new StringBuilder(head);
                    for (var r = 0; r < count; r++)
                    {
                        text.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var name = "p" + (r * columns.Count + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                            if (c > 0) text.Append(", ");
                            text.Append(sql.GenerateParameterNamePlaceholder(name));
                            var property = columns[c].Property;
                            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, values[start + r][c], property.IsNullable));
                        }
                        text.Append(')');
                    }
                    command.CommandText = text.ToString();
                    written += await command.ExecuteNonQueryAsync(ct);
                }

                // PostgreSQL's identity sequences go on after the keys given here.
                if (postgres && generated is not null && entries.Count > 0)
                {
                    await using var sequence = connection.CreateCommand();
                    sequence.Transaction = dbTransaction;
                    var column = generated.GetColumnName(store)!;
                    sequence.CommandText = $"SELECT setval(pg_get_serial_sequence('{qualified.Replace("'", "''", StringComparison.Ordinal)}', "
                        + $"'{column.Replace("'", "''", StringComparison.Ordinal)}'), (SELECT MAX({sql.DelimitIdentifier(column)}) FROM {qualified}))";
                    await sequence.ExecuteScalarAsync(ct);
                }

                // The records take their keys and foreign keys, as after SaveChanges.
                for (var i = 0; i < entries.Count; i++)
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var property = columns[c].Property;
                        if (property.IsShadowProperty() || property.IsIndexerProperty() || property.PropertyInfo is not { CanWrite: true } info) continue;
                        if (!Equals(info.GetValue(entries[i].Entity), values[i][c])) info.SetValue(entries[i].Entity, values[i][c]);
                    }
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return written;
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

    /// <summary>Tables whose records others refer to first; a table referring to itself is not supported.</summary>
    private static List<IEntityType> InDependencyOrder(IEnumerable<IEntityType> types)
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
