using Microsoft.AspNetCore.ResponseCompression;

namespace Cooperation.Web.Infrastructure;

public static class CompressionSetup
{
    /// <summary>Brotli or gzip for pages and JSON: links in the field can be as slow as 256 kbit/s.</summary>
    public static IServiceCollection AddCooperationCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json", "text/calendar"]);
        });
        // Pages are small and links slow: a better ratio is worth the little CPU (the default is Fastest).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }
}
