using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cooperation.Tests.Infrastructure;

/// <summary>
/// The application on a database of its own, with the demo data at scale 1: a SQLite file per factory, or a fresh
/// PostgreSQL database when COOPERATION_TEST_POSTGRES holds a server connection string. With <c>kestrel: true</c>
/// it listens on a loopback port for the browser tests.
/// </summary>
public class CooperationFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Demo-Password-1!";
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("COOPERATION_TEST_POSTGRES");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cooperation-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly bool _kestrel;

    public CooperationFactory() : this(kestrel: false) { }

    protected CooperationFactory(bool kestrel)
    {
        _kestrel = kestrel;
        Directory.CreateDirectory(_folder);
        if (PostgresServer is not null) _postgresDatabase = "coop_test_" + Guid.NewGuid().ToString("N")[..12];
        if (kestrel) UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public bool OnPostgres => _postgresDatabase is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Configure(builder);
        // The demo directorate is generated once per test run into a template database; each factory starts on a copy.
        if (_postgresDatabase is not null)
        {
            DemoTemplate.CreatePostgresCopy(_postgresDatabase);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Cooperation", DemoTemplate.PostgresConnection(_postgresDatabase));
        }
        else
        {
            var file = Path.Combine(_folder, "cooperation.db");
            File.Copy(DemoTemplate.SqliteFile(), file, overwrite: true);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Cooperation", $"Data Source={file}");
        }
    }

    /// <summary>
    /// The instance's kept figures follow the writes these counts give (none, or the shared row's) rather than every
    /// write of the test process, whose other tests write on other databases.
    /// </summary>
    protected static void FiguresFollow(IWebHostBuilder builder, Func<IServiceProvider, (Func<long> Writes, Func<long> PastWrites)> counts) =>
        builder.ConfigureServices(services => services.AddSingleton(sp =>
        {
            var (writes, pastWrites) = counts(sp);
            return new Cooperation.Web.Infrastructure.FigureCache(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Cooperation.Web.Infrastructure.FigureOptions>>(), TimeProvider.System,
                writes, pastWrites, sp.GetRequiredService<Cooperation.Web.Infrastructure.SharedGenerations>(), sp.GetRequiredService<IServiceScopeFactory>());
        }));

    internal static void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Scale", "1");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
        builder.UseSetting("Localization:RecordMissing", "true");
        // The scheduler looks for work every second and its instances check in every second: a job starts at once, and
        // a stopped instance's interrupted jobs are taken over within seconds.
        builder.UseSetting("Jobs:IdleWaitSeconds", "1");
        builder.UseSetting("Jobs:CheckinSeconds", "1");
        builder.UseSetting("Jobs:CheckinMisfireSeconds", "3");
        // The scheduler and the database's upkeep begin as soon as the application has started, not seconds later.
        builder.UseSetting("Start:DeferredWorkSeconds", "0");
        // A count of the test data takes milliseconds, but the first of a process may take seconds on a busy machine: the
        // figures a test reads after its write are counted for it, not in the background (BackgroundRecountTests: 0).
        builder.UseSetting("Figures:BackgroundRecountAfterSeconds", "3600");
        // Every test signs in, most several times: at Identity's 100,000 rounds of PBKDF2 a sign-in, that is minutes of a
        // run's two cores. The tests' accounts are hashed with a light work factor instead; the application's is
        // unchanged (each hash carries its own count, and the login's decoy hash is made with the same hasher).
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    /// <summary>The root address when running on Kestrel.</summary>
    public string RootUri
    {
        get
        {
            if (!_kestrel) throw new InvalidOperationException("Not started with kestrel: true.");
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }

    /// <summary>An API client holding the Bearer token of a demo account.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string? language = null)
    {
        var client = CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client (cookies, no redirects followed) signed in through the login form.</summary>
    public async Task<HttpClient> PageClientAsync(string email, string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login of {email} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>Reads the anti-forgery token of the form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!match.Success) throw new InvalidOperationException($"No anti-forgery token on {path}");
        return match.Groups[1].Value;
    }

    public T WithDb<T>(Func<CooperationDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<CooperationDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<CooperationDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CooperationDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>
/// A second instance of the application on the database of another factory (which owns it: its copy of the demo data,
/// dropped when that one is disposed), as a second server of a cluster or a server started again.
/// </summary>
/// <param name="runsJobs">false: the instance asks for background jobs but runs none (<c>Jobs:Run</c>).</param>
/// <param name="services">Services of this instance only, in place of the application's.</param>
/// <param name="settings">Settings of this instance only (<c>UseSetting</c>).</param>
public sealed class InstanceOf(CooperationFactory owner, bool runsJobs = true, Action<IServiceCollection>? services = null,
    Action<IWebHostBuilder>? settings = null) : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Configure(builder);
        if (services is not null) builder.ConfigureServices(services);
        settings?.Invoke(builder);
        builder.UseSetting("Jobs:Run", runsJobs ? "true" : "false");
        var config = owner.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        builder.UseSetting("Database:Provider", config["Database:Provider"]);
        builder.UseSetting("ConnectionStrings:Cooperation", config["ConnectionStrings:Cooperation"]);
    }
}

/// <summary>The application on a database of its own that runs no background job (<c>Jobs:Run</c> false): it holds the database for <see cref="InstanceOf"/>.</summary>
public sealed class JoblessFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:Run", "false");
    }
}

/// <summary>The application on a loopback port, for Chromium.</summary>
public class KestrelCooperationFactory() : CooperationFactory(kestrel: true);

public static class DemoAccounts
{
    public const string Admin = "admin@demo.local";
    public const string Director = "directeur@demo.local";
    public const string DeskAfrica = "desk.africa@demo.local";
    public const string CooperantSenegal = "cooperant.sn@demo.local";
    public const string Auditor = "auditor@demo.local";
    /// <summary>Director of EMPABB (Bamako, Mali).</summary>
    public const string SchoolDirector = "school.director@demo.local";
    /// <summary>Liaison officer of Côte d'Ivoire.</summary>
    public const string LiaisonCi = "liaison.ci@demo.local";
}

/// <summary>Accounts the demo data does not hold, which tests create with <see cref="TrainingBuilder.EnsureTestAccountsAsync"/>.</summary>
public static class TestAccounts
{
    /// <summary>Director of CPADD (Ouidah, Benin): another school than the demo director's.</summary>
    public const string DirectorCpadd = "director.cpadd@test.local";
    /// <summary>Liaison officer of Senegal.</summary>
    public const string LiaisonSn = "liaison.sn@test.local";
}
