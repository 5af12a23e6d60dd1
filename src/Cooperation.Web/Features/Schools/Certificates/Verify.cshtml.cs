using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>
/// The public page where anyone holding a certificate checks its code: no sign-in, no personal data, and the same
/// rate limit as the API so that codes cannot be tried in bulk.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.CertificateChecks)]
public class VerifyModel(VerifyCertificate verify) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public CertificateCheck? Check { get; private set; }
    public bool Asked => !string.IsNullOrWhiteSpace(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Asked) return Page();
        Check = await verify.HandleAsync(Code, ct);
        if (Check is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
