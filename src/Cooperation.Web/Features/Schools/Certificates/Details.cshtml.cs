namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>A certificate, for those who may see its holder: what it states, and its PDF in French or English.</summary>
public class DetailsModel(GetCertificate get, CertificatePdf pdf) : PageModel
{
    public CertificateData Certificate { get; private set; } = null!;
    public string VerificationUrl => VerifyCertificate.Url(Request, Certificate.Code);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        try
        {
            if (await get.HandleAsync(code, ct) is not { } certificate) return NotFound();
            Certificate = certificate;
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnGetPdfAsync(string code, string? lang, CancellationToken ct)
    {
        try
        {
            if (await get.HandleAsync(code, ct) is not { } certificate) return NotFound();
            var bytes = pdf.Render(certificate, CertificatePdf.Language(lang), VerifyCertificate.Url(Request, certificate.Code));
            return File(bytes, "application/pdf", $"certificat-{certificate.Code}.pdf");
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}
