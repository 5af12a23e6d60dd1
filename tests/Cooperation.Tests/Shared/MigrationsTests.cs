using Microsoft.EntityFrameworkCore.Migrations;

namespace Cooperation.Tests.Shared;

/// <summary>
/// A start checks the pending migrations itself (<see cref="Cooperation.Web.Infrastructure.Database.PendingMigrationsAsync"/>, from the assembly's
/// metadata and the history table) instead of asking EF Core, which loads every type of the application to find them:
/// both must name the same migrations, on a database up to date, one a migration behind, and one never migrated.
/// </summary>
public class MigrationsTests
{
    [Fact]
    public async Task A_start_finds_pending_the_migrations_EF_Core_finds_pending()
    {
        using var app = new JoblessFactory();
        await app.WithDbAsync(async db =>
        {
            var all = db.Database.GetMigrations().ToList();
            all.Count.ShouldBeGreaterThan(10);
            (await Cooperation.Web.Infrastructure.Database.PendingMigrationsAsync(db)).ShouldBeEmpty();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();

            // A migration behind: the last one's row taken out of the history (its schema stays; the check reads the history).
            var last = all[^1];
            var version = await db.Database.SqlQueryRaw<string>(
                $"SELECT \"ProductVersion\" AS \"Value\" FROM \"{HistoryRepository.DefaultTableName}\" WHERE \"MigrationId\" = {{0}}", last).SingleAsync();
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{HistoryRepository.DefaultTableName}\" WHERE \"MigrationId\" = {{0}}", last);
            (await Cooperation.Web.Infrastructure.Database.PendingMigrationsAsync(db)).ShouldBe([last]);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBe([last]);
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"{HistoryRepository.DefaultTableName}\" (\"MigrationId\", \"ProductVersion\") VALUES ({{0}}, {{1}})", last, version);

            // Never migrated: no history table at all (set aside under another name, then put back).
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{HistoryRepository.DefaultTableName}\" RENAME TO \"HistorySetAside\"");
            try
            {
                (await Cooperation.Web.Infrastructure.Database.PendingMigrationsAsync(db)).ShouldBe(all);
                (await db.Database.GetPendingMigrationsAsync()).ShouldBe(all);
            }
            finally { await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"HistorySetAside\" RENAME TO \"{HistoryRepository.DefaultTableName}\""); }
            (await Cooperation.Web.Infrastructure.Database.PendingMigrationsAsync(db)).ShouldBeEmpty();
            return true;
        });
    }
}
