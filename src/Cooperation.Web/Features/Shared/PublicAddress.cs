namespace Cooperation.Web.Features.Shared;

/// <summary>
/// The address the service answers on for those who read a printed link (a certificate's verification link, a mail's
/// link): <c>App:PublicBaseUrl</c> when configured, else the scheme and host of the request — never a guessed one.
/// </summary>
public static class PublicAddress
{
    public static string Base(HttpRequest request) =>
        Configured(request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()) ?? $"{request.Scheme}://{request.Host}";

    /// <summary><c>App:PublicBaseUrl</c> without its trailing slash, or null when unset (then a link stays a path).</summary>
    public static string? Configured(IConfiguration config) =>
        config["App:PublicBaseUrl"] is { } url && !string.IsNullOrWhiteSpace(url) ? url.Trim().TrimEnd('/') : null;
}
