using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cooperation.Tests.Infrastructure;

/// <summary>
/// Generating the demo directorate (ten years of network and training) takes seconds; a test run does it once, into a
/// template database — a SQLite file, or a PostgreSQL database used as TEMPLATE — that every factory copies.
/// </summary>
internal static class DemoTemplate
{
    private static readonly Lock Gate = new();
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];
    private static string? _sqliteFile;
    private static string? _postgresTemplate;

    public static string SqliteFile()
    {
        lock (Gate)
        {
            if (_sqliteFile is not null) return _sqliteFile;
            var folder = Path.Combine(Path.GetTempPath(), "cooperation-tests", "template-" + RunId);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "cooperation.db");
            Generate(builder =>
            {
                builder.UseSetting("Database:Provider", "Sqlite");
                builder.UseSetting("ConnectionStrings:Cooperation", $"Data Source={file};Pooling=False");
            });
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, true); } catch (IOException) { } };
            return _sqliteFile = file;
        }
    }

    public static string PostgresConnection(string database) =>
        new NpgsqlConnectionStringBuilder(CooperationFactory.PostgresServer) { Database = database }.ConnectionString;

    public static void CreatePostgresCopy(string database)
    {
        string template;
        lock (Gate)
        {
            if (_postgresTemplate is null)
            {
                var name = "coop_template_" + RunId;
                Generate(builder =>
                {
                    builder.UseSetting("Database:Provider", "Postgres");
                    builder.UseSetting("ConnectionStrings:Cooperation", PostgresConnection(name) + ";Pooling=false");
                });
                NpgsqlConnection.ClearAllPools();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                _postgresTemplate = name;
            }
            template = _postgresTemplate;
            // PostgreSQL copies a template only while nobody else is connected to it: one copy at a time.
            Execute($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(CooperationFactory.PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void Generate(Action<IWebHostBuilder> database)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            CooperationFactory.Configure(builder);
            database(builder);
        });
        // Starting the host migrates the database and generates the demo data.
        _ = factory.Services.GetRequiredService<Cooperation.Web.Data.CooperationDbContext>();
    }
}
