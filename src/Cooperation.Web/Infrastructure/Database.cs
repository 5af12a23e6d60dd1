using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Infrastructure;

public static class Database
{
    /// <summary>
    /// The database chosen by <c>Database:Provider</c> (SQLite by default, in the git-ignored data/ folder; PostgreSQL
    /// with <c>ConnectionStrings:Cooperation</c>), the keys of cookies and tokens kept in it, reference and demo data.
    /// </summary>
    public static IServiceCollection AddCooperationDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var (postgres, connection) = Connection(config, env);
        // Each provider's model is compiled ahead (Data/CompiledModels, written by ./migrations.sh): a start loads it
        // instead of building it from the configurations, which took half a second. The options are built once for the
        // process (they depend on nothing of a request). The contexts are pooled: a request leases one whose EF Core
        // services are already resolved (a new context's first use was an eighth of a list's time), and gives it back
        // at its end; the request's author, clock and guard are set on the lease (CooperationDbContext.Serve) and cleared
        // on the return. EF Core's checks that a context is not used by two threads at once stay on in development and
        // in the tests, where they catch the mistake; in production they are off: they marked every row read in the
        // request's execution context (11-45 KB of allocations a list request at scale 10, a sixth of the programmes').
        var checks = !env.IsProduction();
        if (postgres)
        {
            services.AddPooledDbContextFactory<PostgresCooperationDbContext>(o => o.UseNpgsql(connection)
                .UseModel(Data.CompiledModels.Postgres.PostgresCooperationDbContextModel.Instance).AddInterceptors(DataChangeInterceptor.Instance, ConstantsInSql.Instance)
                .EnableThreadSafetyChecks(checks));
            services.AddScoped<CooperationDbContext>(Lease<PostgresCooperationDbContext>);
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteCooperationDbContext>(o => o.UseSqlite(connection)
                .UseModel(Data.CompiledModels.Sqlite.SqliteCooperationDbContextModel.Instance).AddInterceptors(DataChangeInterceptor.Instance, ConstantsInSql.Instance)
                .EnableThreadSafetyChecks(checks));
            services.AddScoped<CooperationDbContext>(Lease<SqliteCooperationDbContext>);
        }

        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<IWriteGuard, LockedPeriods>();
        services.AddDataProtection().SetApplicationName("Cooperation").PersistKeysToDbContext<CooperationDbContext>();
        services.AddHealthChecks().AddDbContextCheck<CooperationDbContext>();
        services.AddOptions<DemoOptions>().Bind(config.GetSection("Demo"));
        services.AddScoped<ReferenceData>();
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>
    /// The key ring (sign-in cookies, antiforgery tokens) read from the database just after the start instead of before
    /// Kestrel listens: ASP.NET Core's own hosted service read it there, and with it EF Core built its query pipeline
    /// (0.3–0.4 s of one core) before the first answer. Called after every other registration: each call of
    /// <c>AddDataProtection</c> (Identity's too) adds that service again.
    /// </summary>
    public static IServiceCollection ReadKeyRingAfterStart(this IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService"));
        return services.AddHostedService<KeyRingAfterStart>();
    }

    /// <summary>A context from the pool for one scope (a request, a job), with its author of writes, clock and guard.</summary>
    private static CooperationDbContext Lease<TContext>(IServiceProvider sp) where TContext : CooperationDbContext =>
        sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Serve(sp.GetService<IAuditActor>(), sp.GetService<TimeProvider>(), sp.GetService<IWriteGuard>());

    /// <summary>
    /// The database of <c>Database:Provider</c> and its connection string: PostgreSQL with <c>ConnectionStrings:Cooperation</c>,
    /// or SQLite (that string, else cooperation.db in <c>Database:Folder</c> or the git-ignored data/ folder). The
    /// scheduler's store (<see cref="JobsSetup"/>) opens the same database.
    /// </summary>
    public static (bool Postgres, string Connection) Connection(IConfiguration config, IHostEnvironment env)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Cooperation");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Cooperation is not set.");
            // The statements a request sends again and again are prepared once a connection: PostgreSQL then neither
            // parses nor plans them anew (a third more requests a second on the lists). A string that sets it keeps its own.
            if (!connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
                connection = new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 64 }.ConnectionString;
            return (true, connection);
        }
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        if (string.IsNullOrWhiteSpace(connection))
        {
            var folder = Path.Combine(env.ContentRootPath, "..", "..", "data");
            folder = Path.GetFullPath(config["Database:Folder"] ?? folder);
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "cooperation.db")}";
        }
        return (false, connection);
    }

    /// <summary>
    /// Migrates the database, loads the reference data and the roles, and generates the demo data where asked. On a
    /// database already up to date without demo data to generate, only the migrations are checked before the first
    /// request (and a legacy audit trail sealed): the rest (reference rows added since, roles) is upkeep of a database that
    /// already holds them, done a few seconds after the start (<see cref="Startup.DeferredWorkDelay"/>) so that the
    /// application answers within a second or two.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
            var pending = (await PendingMigrationsAsync(db)).Count > 0;
            if (pending) await db.Database.MigrateAsync();
            // Before anything is appended: the entries of a database older than the chain take their places first.
            await AuditTrail.SealLegacyAsync(db);
            if (!pending && !demo.Enabled)
            {
                var delay = Startup.DeferredWorkDelay(app.Configuration);
                app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => UpkeepAfterStartAsync(app.Services, delay, app.Lifetime.ApplicationStopping)));
                return;
            }
        }
        using (var scope = app.Services.CreateScope())
            await UpkeepAsync(scope.ServiceProvider, CancellationToken.None);
        if (!demo.Enabled) return;
        using var demoScope = app.Services.CreateScope();
        var sp = demoScope.ServiceProvider;
        var generated = await sp.GetRequiredService<DemoData>().GenerateAsync(demo);
        if (generated is not { } g)
        {
            Console.WriteLine(string.IsNullOrWhiteSpace(demo.Password)
                ? "Demo data already present: sign in as admin@demo.local (or directeur@, desk.africa@, cooperant.sn@, auditor@demo.local) with the password printed at first start; delete the data/ folder to start afresh."
                : "Demo data already present: demo accounts use the configured Demo:Password.");
            return;
        }
        await RefreshPlannerStatisticsAsync(sp.GetRequiredService<CooperationDbContext>(), CancellationToken.None, afterLoad: true);
        var lines = new List<string> { "", "Demo accounts (password shown once):" };
        lines.AddRange(g.Accounts.Select(a => $"  {a.Email,-28} {a.Role,-14} {a.Scope}"));
        lines.Add($"  password: {g.Password}");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    /// <summary>
    /// The migrations of the context's provider that the database has not applied: EF Core's pending migrations, found
    /// without what EF Core spends on them at every start (issue 12, start), a third of the database's preparation:
    /// it loads every type of the application to find the migrations among them, and builds a model of its history
    /// table with its conventions (nothing else at run time builds a model: the application's is compiled). Here the
    /// migrations' identifiers are read from the assembly's metadata (the types that carry <see cref="MigrationAttribute"/>
    /// and name the context in <see cref="DbContextAttribute"/>, EF Core's own rule), and the applied ones from the
    /// history table. When one is pending, EF Core's <c>MigrateAsync</c> applies it with its own machinery.
    /// <c>MigrationsTests</c> holds this list to EF Core's on a database up to date, one a migration behind and one never migrated.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(CooperationDbContext db, CancellationToken ct = default)
    {
        var migrations = MigrationIds(db.GetType());
        // A database not created yet (PostgreSQL) has no history: everything is pending, and MigrateAsync creates it.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return migrations;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        const string table = HistoryRepository.DefaultTableName;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Whether the history table exists, where the unqualified name below finds it.
            command.CommandText = db.Database.IsSqlite()
                ? $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
                : $"SELECT count(*) FROM (SELECT to_regclass('\"{table}\"') AS t) AS h WHERE t IS NOT NULL";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0)
            {
                command.CommandText = $"SELECT \"MigrationId\" FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return migrations.Where(id => !applied.Contains(id)).ToList();
    }

    /// <summary>The identifiers of a context's migrations in its assembly, in order, read from the metadata alone.</summary>
    private static List<string> MigrationIds(Type context)
    {
        using var pe = new PEReader(File.OpenRead(context.Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var ids = new List<string>();
        foreach (var type in metadata.TypeDefinitions)
        {
            var values = metadata.GetTypeDefinition(type).GetCustomAttributes().Select(metadata.GetCustomAttribute)
                .Select(a => (Name: AttributeName(metadata, a), Value: a.Value))
                .Where(a => a.Name is nameof(MigrationAttribute) or nameof(DbContextAttribute))
                .ToDictionary(a => a.Name!, a => SingleString(metadata, a.Value));
            if (values.TryGetValue(nameof(MigrationAttribute), out var id) && values.TryGetValue(nameof(DbContextAttribute), out var named)
                && named.Split(',')[0] == context.FullName)
                ids.Add(id);
        }
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The name of an attribute's type when it comes from another assembly (EF Core's), null otherwise.</summary>
    private static string? AttributeName(MetadataReader metadata, CustomAttribute attribute) =>
        attribute.Constructor.Kind == HandleKind.MemberReference
        && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
            ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) : null;

    /// <summary>An attribute's one string argument (a type's name for <c>typeof</c>): after the blob's prolog.</summary>
    private static string SingleString(MetadataReader metadata, BlobHandle value)
    {
        var blob = metadata.GetBlobReader(value);
        blob.ReadUInt16();
        return blob.ReadSerializedString() ?? "";
    }

    /// <summary>The reference data and the roles loaded, the planner's statistics refreshed: what a start owes a database.</summary>
    private static async Task UpkeepAsync(IServiceProvider sp, CancellationToken ct)
    {
        await sp.GetRequiredService<ReferenceData>().LoadAsync(ct);
        await RefreshPlannerStatisticsAsync(sp.GetRequiredService<CooperationDbContext>(), ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>
    /// Gives SQLite's query planner the statistics of the tables (<c>PRAGMA optimize</c>, as SQLite advises a long-lived
    /// application to run it: every table is looked at, and analysed when it never was or has changed much since, each
    /// on a sample). Without them it guesses, and read the nominations of two hundred countries by country where a
    /// year's sessions and their nominations were the way: 287 ms against 25 ms for a programme's follow-up at scale 10.
    /// PostgreSQL keeps its own statistics (autovacuum), but after a bulk load (<paramref name="afterLoad"/>: the demo
    /// data) every table is analysed at once, as PostgreSQL advises after loading: autovacuum came by a minute or two
    /// later, and until then the planner, on the empty tables' statistics, took 390 ms for the trainees' list at scale 10
    /// (7 ms after) and 49 ms for the coopérants'. Sent on the connection itself: it writes no record, and is no data
    /// change for the figures.
    /// </summary>
    private static async Task RefreshPlannerStatisticsAsync(CooperationDbContext db, CancellationToken ct, bool afterLoad = false)
    {
        var statement = db.Database.IsSqlite() ? "PRAGMA optimize=0x10002" : afterLoad ? "ANALYZE" : null;
        if (statement is null) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = statement;
            // ANALYZE reads a sample of each table: seconds at most, even at scale 100.
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync(ct);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static async Task UpkeepAfterStartAsync(IServiceProvider services, TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            using var scope = services.CreateScope();
            await UpkeepAsync(scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database)).LogError(e, "The database's upkeep after the start failed");
        }
    }
}

/// <summary>
/// Reads the data protection key ring (and makes its first key on a new database) once the application has started. A
/// host stopped at once (a command, a test's template database) waits for the read rather than pulling its services
/// from under it.
/// </summary>
internal sealed class KeyRingAfterStart(IDataProtectionProvider protection, IHostApplicationLifetime lifetime, ILogger<KeyRingAfterStart> log)
    : IHostedService
{
    private Task _read = Task.CompletedTask;

    public Task StartAsync(CancellationToken ct)
    {
        lifetime.ApplicationStarted.Register(() => _read = Task.Run(() =>
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested) return;
            try
            {
                protection.CreateProtector(nameof(KeyRingAfterStart)).Protect([0]);
            }
            catch (Exception e)
            {
                log.LogError(e, "The data protection key ring could not be read after the start");
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => _read.WaitAsync(ct);
}
