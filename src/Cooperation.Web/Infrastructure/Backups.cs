using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cooperation.Web.Infrastructure;

/// <summary>A backup or restore that cannot go on, with the reason for the operator.</summary>
public sealed class BackupException(string message, bool usageError = false) : Exception(message)
{
    public bool UsageError { get; } = usageError;
}

/// <summary>
/// Backs up and restores the database the configuration names (<c>Database:Provider</c>,
/// <c>ConnectionStrings:Cooperation</c>). SQLite: the online backup API, a consistent copy while the application
/// runs, into a file that is itself a SQLite database; restoring copies it back the same way, in one step. PostgreSQL:
/// <c>pg_dump</c> in its custom format, and <c>pg_restore</c> in one transaction, so that a failed restore leaves the
/// database as it was; the tools come from <c>Backup:PostgresBin</c>, the PATH, or the newest
/// /usr/lib/postgresql/*/bin, and the password goes through the environment, never the command line.
/// A restore refuses a database that already holds tables unless told <c>--force</c>.
/// </summary>
public sealed class Backups(CooperationDbContext db, IConfiguration config)
{
    public async Task<int> BackupAsync(string? file, TextWriter output, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(file)) throw new BackupException("usage: backup --to FILE", usageError: true);
        var target = Path.GetFullPath(file);
        if (File.Exists(target)) throw new BackupException($"{target} already exists: choose another name, a backup never overwrites one.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside, then renamed: a backup that fails half-way never passes for a whole one.
        var partial = target + ".partial";
        try
        {
            if (db.Database.IsSqlite()) await BackupSqliteAsync(partial, ct);
            else await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"], ct);
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
        var head = await AuditTrail.HeadAsync(db, ct);
        output.WriteLine($"Backup written to {target} ({new FileInfo(target).Length:N0} bytes).");
        // The chain's last entry, to keep with the backup: a trail cut short at its end is proven only against it.
        output.WriteLine(head is { } h ? $"Audit trail at the backup: last no. {h.Sequence}, hash {h.Hash}." : "Audit trail at the backup: empty.");
        return 0;
    }

    public async Task<int> RestoreAsync(string? file, bool force, TextWriter output, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(file)) throw new BackupException("usage: restore --from FILE [--force]", usageError: true);
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new BackupException($"{source} does not exist.");
        var tables = await TableCountAsync(ct);
        if (tables > 0 && !force)
            throw new BackupException($"The database already holds {tables} tables: restore refuses to overwrite it. Add --force to replace its content with the backup.");

        if (db.Database.IsSqlite()) await RestoreSqliteAsync(source, ct);
        else
        {
            List<string> arguments = ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", $"--dbname={Postgres.Database}"];
            if (tables > 0) arguments.AddRange(["--clean", "--if-exists"]);
            arguments.Add(source);
            await RunPostgresToolAsync("pg_restore", arguments, ct);
        }
        output.WriteLine($"Restored {source} into the configured database.");
        if ((await Database.PendingMigrationsAsync(db, ct)).Count > 0)
            output.WriteLine("The backup comes from an earlier version: the next start migrates it.");
        else
            output.WriteLine(Commands.Describe(await AuditTrail.VerifyAsync(db, ct)));
        return 0;
    }

    private string ConnectionString => db.Database.GetConnectionString()
        ?? throw new BackupException("ConnectionStrings:Cooperation is not set.");

    private async Task<int> TableCountAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (!File.Exists(path)) return 0;
        }
        var sql = db.Database.IsSqlite()
            ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE schemaname = current_schema()";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
    }

    private async Task BackupSqliteAsync(string file, CancellationToken ct)
    {
        await using var source = new SqliteConnection(ConnectionString);
        await source.OpenAsync(ct);
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        await CheckSqliteAsync(file, ct);
    }

    private async Task RestoreSqliteAsync(string file, CancellationToken ct)
    {
        await CheckSqliteAsync(file, ct);
        var target = new SqliteConnectionStringBuilder(ConnectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target.DataSource))!);
        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await backup.OpenAsync(ct);
        target.Pooling = false;
        await using var destination = new SqliteConnection(target.ToString());
        await destination.OpenAsync(ct);
        // One step: the destination takes the whole copy in one write transaction, or keeps what it had.
        backup.BackupDatabase(destination);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A file that SQLite reads whole and that holds this application's migrations, or a refusal.</summary>
    private static async Task CheckSqliteAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var integrity = (string?)await check.ExecuteScalarAsync(ct);
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            var migrations = (long)(await check.ExecuteScalarAsync(ct))!;
            if (integrity != "ok") throw new BackupException($"{file} is damaged: {integrity}");
            if (migrations == 0) throw new BackupException($"{file} is not a backup of this application (it holds no migration history).");
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{file} is not a SQLite database this application can read: {e.Message}");
        }
    }

    private NpgsqlConnectionStringBuilder Postgres => new(ConnectionString);

    private async Task RunPostgresToolAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(ToolPath(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var pg = Postgres;
        if (pg.Host is { } host) start.Environment["PGHOST"] = host;
        start.Environment["PGPORT"] = pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (pg.Database is { } database) start.Environment["PGDATABASE"] = database;
        if (pg.Username is { } user) start.Environment["PGUSER"] = user;
        if (pg.Password is { } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = pg.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await errors).Trim()}");
    }

    private string ToolPath(string tool)
    {
        if (config["Backup:PostgresBin"] is { Length: > 0 } folder) return Path.Combine(folder, tool);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, tool))) return Path.Combine(dir, tool);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", tool)))
                .OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", tool)).FirstOrDefault()
            : null;
        return installed ?? throw new BackupException($"{tool} was not found: install the PostgreSQL client tools or set Backup:PostgresBin.");
    }
}
