namespace Cooperation.Web.Infrastructure;

/// <summary>The application's services and pipeline, one extension method a concern (each in the file of its concern).</summary>
public static class Startup
{
    public static WebApplicationBuilder AddCooperation(this WebApplicationBuilder builder)
    {
        // Outside Development (tests, `dotnet run -e Production`) the build's precompressed assets live in obj/, known only
        // to the static web assets manifest: without it a request accepting gzip got an empty 200. A published app has
        // no such manifest and serves wwwroot's .gz/.br files, so this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.AddCooperationLogging();

        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddCooperationDatabase(builder.Configuration, builder.Environment)
            .AddCooperationIdentity(builder.Configuration)
            .AddCooperationSecurity(builder.Configuration)
            .AddCooperationLocalization()
            .AddCooperationPages()
            .AddCooperationProblems()
            .AddCooperationJson()
            .AddCooperationOpenApi()
            .AddCooperationCompression()
            .AddUseCases()
            .AddCooperationFigures(builder.Configuration)
            .AddCooperationNotifications(builder.Configuration)
            .AddCooperationJobs(builder.Configuration, builder.Environment)
            .AddCooperationObservability(builder.Configuration)
            .Configure<Features.Schools.Import.ImportLimits>(builder.Configuration.GetSection(Features.Schools.Import.ImportLimits.Section))
            .Configure<Features.Shared.FileLimits>(builder.Configuration.GetSection(Features.Shared.FileLimits.Section))
            .Configure<Features.Legal.LegalOptions>(builder.Configuration.GetSection(Features.Legal.LegalOptions.Section))
            .Configure<Features.Projects.Iati.IatiOptions>(builder.Configuration.GetSection(Features.Projects.Iati.IatiOptions.Section))
            .AddNativeHeapTrim()
            .ReadKeyRingAfterStart();
        return builder;
    }

    /// <summary>
    /// How long after the start the work a start owes but that can wait begins (<c>Start:DeferredWorkSeconds</c>, 3 by
    /// default): the database's upkeep (<see cref="Database.PrepareDatabaseAsync"/>) and the scheduler's first check-in and
    /// recovery (<see cref="JobsSetup"/>). Both once ran beside the first requests and slowed them: on PostgreSQL at scale 10
    /// the first answer came after 1.75 s (median of six starts) with both at once, 1.54 s with both deferred.
    /// </summary>
    public static TimeSpan DeferredWorkDelay(IConfiguration config) =>
        TimeSpan.FromSeconds(Math.Max(0, config.GetValue("Start:DeferredWorkSeconds", 3.0)));

    /// <summary>Brings the database up to date (reference data, demo data where asked) while it wires the pipeline and builds the endpoints.</summary>
    public static async Task<WebApplication> UseCooperationAsync(this WebApplication app)
    {
        // The database's preparation (the EF Core context and model loaded, the migrations checked) and the endpoints'
        // (each API route's request delegate, the pages' routes; a page's model is built at its first request:
        // PageOnFirstRequest) are each about half a second of one core's work, and neither needs the other: side by
        // side, a start costs the longer of the two.
        var database = Task.Run(app.PrepareDatabaseAsync);
        app.UseCooperationMiddleware();
        app.MapCooperationEndpoints();
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
            _ = source.Endpoints;
        await database;
        return app;
    }
}
