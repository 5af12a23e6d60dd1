namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>A certificate, for those who may see its holder: what it states, and its PDF in French or English.</summary>
public class DetailsModel(GetCertificate get, CertificatePdf pdf) : PageModel
{
    public CertificateData Certificate { get; private set; } = null!;
    public string VerificationUrl => VerifyCertificate.Url(Request, Certificate.Code);

    public async Task OnGetAsync(string code, CancellationToken ct) => Certificate = await get.HandleAsync(code, ct);

    public async Task<IActionResult> OnGetPdfAsync(string code, string? lang, CancellationToken ct)
    {
        var file = pdf.File(await get.HandleAsync(code, ct), lang, Request);
        return File(file.Content, CertificateFile.ContentType, file.Name);
    }
}
