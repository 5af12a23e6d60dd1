namespace Cooperation.Web.Features.Shared;

/// <summary>
/// The address the service answers on for those who read a printed link (a certificate's verification link, a mail's
/// link): <c>App:PublicBaseUrl</c> when configured, else the scheme and host of the request — never a guessed one.
/// </summary>
public static class PublicAddress
{
    public static string Base(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetService<IConfiguration>()?["App:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.Trim().TrimEnd('/');
    }
}
