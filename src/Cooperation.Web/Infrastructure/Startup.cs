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
            .Configure<Features.Projects.Iati.IatiOptions>(builder.Configuration.GetSection(Features.Projects.Iati.IatiOptions.Section));
        return builder;
    }

    /// <summary>Brings the database up to date (reference data, demo data where asked), then wires the pipeline and the endpoints.</summary>
    public static async Task<WebApplication> UseCooperationAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        app.UseCooperationMiddleware();
        app.MapCooperationEndpoints();
        return app;
    }
}
