using System.Collections.Concurrent;
using Cooperation.Tests.Schools.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Admin.PersonalData;

/// <summary>Every message the application logs, whatever its category, as a console would receive it.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Messages.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}

/// <summary>The application logging everything at Information, ASP.NET Core and EF Core included, into a <see cref="LogCapture"/>.</summary>
public class VerboseLoggingFactory : CooperationFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>
/// No personal data in the logs: a run that creates, searches, edits, imports, exports and pseudonymises persons, logged
/// at Information in every category (an operator raising the levels to investigate), never writes a name, an address
/// or a phone number — not in the request lines (a name searched in a query string), nor in EF Core's commands (their
/// parameters stay '?': sensitive data logging is off).
/// </summary>
public class LogsTests(VerboseLoggingFactory factory) : IClassFixture<VerboseLoggingFactory>
{
    [Fact]
    public async Task A_run_that_touches_personal_data_logs_none_of_it()
    {
        var last = UniqueName("Zorglubovic");
        var email = $"{last.ToLowerInvariant()}@interieur.gouv.fr";
        const string phone = "+33 6 41 52 63 74";
        var trainee = UniqueName("Zorglubienne");
        var traineeEmail = $"{trainee.ToLowerInvariant()}@defense.gouv.ci";
        factory.Logs.Messages.Clear();

        var anonymous = factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Mauvais-1!" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await api.PostAsJsonAsync("/api/v1/cooperants", new
        {
            firstName = "Hélène", lastName = last, administration = "INT", rank = "Commissaire", email, phone,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var cooperant = await JsonAsync(created);
        var id = cooperant.GetProperty("id").GetInt32();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants?q={last}&status=all")).GetProperty("total").GetInt32().ShouldBe(1);
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        (await HtmlAsync(page, $"/Network/Cooperants?q={Uri.EscapeDataString(last)}&status=all")).ShouldContain(last.ToUpperInvariant());
        (await api.PutAsJsonAsync($"/api/v1/cooperants/{id}", new
        {
            firstName = "Hélène", lastName = last, administration = "INT", rank = "Commissaire", email, phone = "+33 6 41 52 63 75",
            version = cooperant.GetProperty("version").GetInt64(),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/cooperants", new { firstName = last, lastName = last, administration = "INT", rank = "X", email = $"{last}@@x" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var session = await factory.SessionAsync(quotas: new Dictionary<string, int> { ["CI"] = 5 });
        var file = ImportTestData.Nominations([new Candidate(trainee, "Awa", "1988-03-04", "F", "CI", "ARM", Email: traineeEmail)]);
        (await api.PostAsync($"/api/v1/imports/nominations?sessionId={session.Id}", ImportTestData.Upload(file))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/personal-data/cooperants/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync($"/api/v1/personal-data/cooperants/{id}/pseudonymise", new { reason = "Demande n° 8" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var messages = factory.Logs.Messages.ToList();
        messages.ShouldContain(m => m.Category == "Microsoft.EntityFrameworkCore.Database.Command" && m.Level == LogLevel.Information
                                    && m.Message.Contains("INSERT INTO \"Cooperants\""), "EF Core logged its commands at Information");
        messages.ShouldContain(m => m.Message.Contains("='?'"), "EF Core logs parameters without their values");
        foreach (var secret in new[] { last, last.ToUpperInvariant(), email, phone, "41 52 63", trainee, trainee.ToUpperInvariant(), traineeEmail })
            messages.Where(m => m.Message.Contains(secret, StringComparison.OrdinalIgnoreCase))
                .Select(m => $"{m.Category} [{m.Level}]: {m.Message}").ShouldBeEmpty($"'{secret}' was logged");
    }
}
