namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>Certificates as PDF for those who see their holder, and the public check of a code.</summary>
public sealed class CertificatesApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/certificates/{code}.pdf", async (string code, string? lang, GetCertificate get, CertificatePdf pdf, HttpRequest request,
                CancellationToken ct) =>
            {
                var file = pdf.File(await get.HandleAsync(code, ct), lang, request);
                return TypedResults.File(file.Content, CertificateFile.ContentType, file.Name);
            })
            .WithTags("Certificates")
            .WithSummary("A certificate as PDF (lang=fr or en), for those who may see its holder; the auditor is refused (403).");

        // The public check of a certificate: no token, rate-limited. An unknown code is the check's own answer (404 with
        // valid: false), not a refusal.
        api.MapGet("/certificates/{code}/verify", async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> (string code,
                VerifyCertificate verify, IStringLocalizer<VerifyCertificate> text, CancellationToken ct) =>
                await verify.HandleAsync(code, ct) is { } check
                    ? TypedResults.Ok(check)
                    : TypedResults.Problem(text["certificates.unknown", code.Trim()], statusCode: StatusCodes.Status404NotFound,
                        title: text["Certificat inconnu"], extensions: new Dictionary<string, object?> { ["valid"] = false }))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.CertificateChecks)
            .WithTags("Certificates")
            .WithSummary("Public verification of a certificate code: course, school, dates, day of issue and the holder's initials, "
                + "no personal data; 404 when no certificate has the code. Rate-limited per address (429).");
    }
}
