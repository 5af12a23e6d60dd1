using Microsoft.Data.Sqlite;

namespace Cooperation.Tests.Shared;

/// <summary>
/// The bulk load's SQLite settings (journal in memory, no sync, a large page cache) hold only during the load: the
/// connection, which goes back to the pool after, finds its own settings again.
/// </summary>
public class BulkInsertTests
{
    [Fact]
    public async Task A_load_sets_its_SQLite_settings_and_gives_the_connection_its_own_back_after()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cooperation-bulk-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCooperationDbContext>().UseSqlite($"Data Source={file}").Options;
            await using var db = new SqliteCooperationDbContext(options);
            await db.Database.OpenConnectionAsync();
            var before = await SettingsAsync(db);
            before.ShouldBe(("delete", 2L, -2000L));

            await using (await BulkInsert.BeginLoadAsync(db))
                (await SettingsAsync(db)).ShouldBe(("memory", 0L, -65536L));

            (await SettingsAsync(db)).ShouldBe(before);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<(string Journal, long Synchronous, long Cache)> SettingsAsync(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        async Task<object?> Read(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            return await command.ExecuteScalarAsync();
        }
        return ((string)(await Read("journal_mode"))!, (long)(await Read("synchronous"))!, (long)(await Read("cache_size"))!);
    }
}
