using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>
/// The public verification (page and API) shares one budget per client address, Security:CertificateChecksPerMinute
/// (20 by default): plenty for a person checking certificates, nothing for a program trying codes.
/// </summary>
public static class CertificateChecks
{
    public const string RateLimit = "certificate-check";

    public static IServiceCollection AddCertificateChecks(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
            o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = config.GetValue("Security:CertificateChecksPerMinute", 20),
                    Window = TimeSpan.FromMinutes(1),
                })));
        return services;
    }
}
