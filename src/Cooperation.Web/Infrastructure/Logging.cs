namespace Cooperation.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// No personal data in the logs. At Information, ASP.NET Core's hosting logs each request line with its query
    /// string — a name searched, an e-mail filtered on — so that category stays at Warning whatever the general levels
    /// (an operator who raises Microsoft.AspNetCore to investigate gets the rest). EF Core logs its commands with
    /// parameters as '?' as long as sensitive data logging stays off, which nothing here turns on; the application's own
    /// messages carry counts and ids, never names.
    /// </summary>
    public static WebApplicationBuilder AddCooperationLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}
