using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cooperation.Tests.Schools.Import;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cooperation.Tests.Admin.Backups;

/// <summary>
/// The backup and restore commands, as an operator runs them (a process of the application, on SQLite or PostgreSQL as
/// the suite runs), and what a crash does to an import: nothing of it stays.
/// </summary>
public class BackupTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cooperation-backup-").FullName;
    private readonly List<string> _databases = [];

    /// <summary>A fresh, empty database of the suite's provider: its command-line arguments and an open connection to read it.</summary>
    private (string[] Arguments, Func<DbConnection> Open) FreshDatabase()
    {
        if (factory.OnPostgres)
        {
            var name = "coop_restore_" + Guid.NewGuid().ToString("N")[..12];
            using (var server = new NpgsqlConnection(CooperationFactory.PostgresServer))
            {
                server.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                create.ExecuteNonQuery();
            }
            _databases.Add(name);
            var connection = new NpgsqlConnectionStringBuilder(CooperationFactory.PostgresServer) { Database = name, Pooling = false }.ConnectionString;
            return (AppProcess.DatabaseArguments("Postgres", connection), () => new NpgsqlConnection(connection));
        }
        var file = Path.Combine(_folder, $"restored-{Guid.NewGuid():N}.db");
        var sqlite = $"Data Source={file};Pooling=False";
        return (AppProcess.DatabaseArguments("Sqlite", sqlite), () => new SqliteConnection(sqlite));
    }

    private DbConnection OpenSource()
    {
        var arguments = AppProcess.DatabaseArguments(factory);
        var connection = arguments[1]["--ConnectionStrings:Cooperation=".Length..];
        return factory.OnPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
    }

    /// <summary>Every table of a database (the scheduler's by their presence only): its row count and a SHA-256 of its rows (sorted, so that the physical order does not count).</summary>
    private static async Task<SortedDictionary<string, (int Rows, string Hash)>> ContentAsync(Func<DbConnection> open)
    {
        await using var connection = open();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var content = new SortedDictionary<string, (int, string)>(StringComparer.Ordinal);
        // The scheduler's tables hold the state of the running processes, not data: instances check in every few
        // seconds, recurring triggers advance as they fire. They may change between two readings of the same database,
        // so only their presence is compared.
        foreach (var table in tables.Where(t => t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)))
            content[table] = (-1, "scheduler state");
        foreach (var table in tables.Where(t => !t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)))
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join('\u001F', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    DBNull => "∅",
                    byte[] bytes => Convert.ToBase64String(bytes),
                    DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                    DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString(),
                })));
            rows.Sort(StringComparer.Ordinal);
            content[table] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)))));
        }
        return content;
    }

    [Fact]
    public async Task A_backup_restores_into_a_fresh_database_with_every_table_the_same_and_restore_refuses_to_overwrite_unless_forced()
    {
        var file = Path.Combine(_folder, "cooperation.backup");

        var backup = await AppProcess.RunAsync(["backup", "--to", file, .. AppProcess.DatabaseArguments(factory)]);

        backup.ExitCode.ShouldBe(0, backup.Output + backup.Errors);
        backup.Output.ShouldContain($"Backup written to {file}");
        backup.Output.ShouldMatch(@"Audit trail at the backup: last no\. \d+, hash [0-9a-f]{64}\.");
        var source = await ContentAsync(OpenSource);
        source.Keys.ShouldContain("AuditEntries");
        source.Keys.ShouldContain("Trainees");
        source.Keys.ShouldContain("__EFMigrationsHistory");
        source["Trainees"].Rows.ShouldBeGreaterThan(1000);
        var twice = await AppProcess.RunAsync(["backup", "--to", file, .. AppProcess.DatabaseArguments(factory)]);
        (twice.ExitCode, twice.Errors.Trim()).ShouldBe((1, $"{file} already exists: choose another name, a backup never overwrites one."));

        var (target, open) = FreshDatabase();
        var restore = await AppProcess.RunAsync(["restore", "--from", file, .. target]);

        restore.ExitCode.ShouldBe(0, restore.Output + restore.Errors);
        restore.Output.ShouldContain("Audit trail intact");
        var restored = await ContentAsync(open);
        restored.ShouldBe(source);

        var again = await AppProcess.RunAsync(["restore", "--from", file, .. target]);
        again.ExitCode.ShouldBe(1);
        again.Errors.ShouldContain("restore refuses to overwrite it. Add --force");
        var forced = await AppProcess.RunAsync(["restore", "--from", file, "--force", .. target]);
        forced.ExitCode.ShouldBe(0, forced.Output + forced.Errors);
        (await ContentAsync(open)).ShouldBe(source);
    }

    [Fact]
    public async Task A_process_killed_in_the_middle_of_an_import_leaves_the_database_as_it_was()
    {
        var session = await factory.SessionAsync(quotas: new Dictionary<string, int> { ["CI"] = 10 });
        var suffix = Unique(6);
        var rows = Enumerable.Range(1, 4000).Select(i => new Candidate(UniqueName("Kouassi"), $"Aya{i}", new DateOnly(1980, 1, 1).AddDays(i), "F", "CI", "ARM",
            Email: $"aya{i}.{suffix.ToLowerInvariant()}@defense.gouv.ci"));
        var workbook = ImportTestData.Nominations(rows);
        using var app = await AppProcess.StartServerAsync(AppProcess.DatabaseArguments(factory));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(3) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Admin, password = CooperationFactory.Password });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await JsonAsync(login)).GetProperty("accessToken").GetString());
        // Read after the login, which may write (a key, a stamp): the import is what must leave nothing behind.
        var before = await ContentAsync(OpenSource);

        var import = http.PostAsync($"/api/v1/imports/nominations?sessionId={session.Id}", ImportTestData.Upload(workbook));
        var writing = await WaitForImportTransactionAsync(import);
        writing.ShouldBeTrue("the import ended before its transaction could be caught");
        await app.KillAsync();
        var answered = false;
        try { answered = (await import).IsSuccessStatusCode; }
        catch (HttpRequestException) { }
        answered.ShouldBeFalse("the import answered although its process was killed");
        await WaitUntilNobodyWritesAsync();

        var after = await ContentAsync(OpenSource);
        after.ShouldBe(before);
        (await factory.WithDbAsync(db => AuditTrail.VerifyAsync(db))).Intact.ShouldBeTrue();
        if (!factory.OnPostgres)
        {
            await using var check = OpenSource();
            await check.OpenAsync();
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            (await command.ExecuteScalarAsync()).ShouldBe("ok");
        }
    }

    /// <summary>
    /// Watches the database until the import holds its write transaction (SQLite: the write lock another connection
    /// cannot take; PostgreSQL: the audit chain's advisory lock, taken when the import starts to save).
    /// </summary>
    private async Task<bool> WaitForImportTransactionAsync(Task<HttpResponseMessage> import)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !import.IsCompleted)
        {
            if (await SomeoneWritesAsync()) return true;
            await Task.Delay(3);
        }
        return false;
    }

    private async Task WaitUntilNobodyWritesAsync()
    {
        for (var i = 0; i < 200 && await SomeoneWritesAsync(); i++) await Task.Delay(50);
    }

    private async Task<bool> SomeoneWritesAsync()
    {
        await using var connection = OpenSource();
        await connection.OpenAsync();
        if (connection is SqliteConnection sqlite)
        {
            SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, 0);
            if (SQLitePCL.raw.sqlite3_exec(sqlite.Handle, "BEGIN IMMEDIATE") == SQLitePCL.raw.SQLITE_BUSY) return true;
            SQLitePCL.raw.sqlite3_exec(sqlite.Handle, "ROLLBACK");
            return false;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = {AuditTrail.LockClass} AND objid = {AuditTrail.LockKey}";
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        if (_databases.Count == 0) return;
        using var server = new NpgsqlConnection(CooperationFactory.PostgresServer);
        server.Open();
        foreach (var name in _databases)
        {
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            drop.ExecuteNonQuery();
        }
    }
}
