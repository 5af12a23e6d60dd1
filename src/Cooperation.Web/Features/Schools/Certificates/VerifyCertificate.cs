using Cooperation.Web.Features.Schools.Results;

namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>
/// What the public verification confirms: the course, the school, the dates and the day of issue. No personal data:
/// at most the holder's initials, enough to tell two certificates apart, too little to learn who followed the course.
/// </summary>
public record CertificateCheck(
    bool Valid, string Code, string CourseTitle, string School, string SchoolName, string City, string Country,
    DateOnly StartDate, DateOnly EndDate, DateOnly IssuedOn, string HolderInitials);

/// <summary>Checks a verification code, for anyone (no sign-in); the callers are rate-limited so that codes cannot be guessed in bulk.</summary>
public class VerifyCertificate(CooperationDbContext db) : IUseCase
{
    /// <summary>None when no certificate has this code (or what was typed cannot be a code): the check's answer, not a refusal.</summary>
    public async Task<CertificateCheck?> HandleAsync(string? typedCode, CancellationToken ct = default)
    {
        if (CertificateCodes.Normalize(typedCode) is not { } code) return null;
        var c = await GetCertificate.Query(db.Nominations.AsNoTracking().Where(n => n.CertificateCode == code)).SingleOrDefaultAsync(ct);
        if (c is null) return null;
        return new CertificateCheck(true, c.Code, Names.Pick(c.CourseTitleFr, c.CourseTitleEn), c.School, c.SchoolName, c.City,
            Names.Pick(c.CountryFr, c.CountryEn), c.StartDate, c.EndDate, DateOnly.FromDateTime(c.IssuedAt), Initials(c.FirstName, c.LastName));
    }

    public static string Initials(string firstName, string lastName) =>
        string.Join(" ", new[] { firstName, lastName }.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => char.ToUpperInvariant(n.Trim()[0]) + "."));

    /// <summary>The public address that verifies a code (<see cref="PublicAddress.Base"/>).</summary>
    public static string Url(HttpRequest request, string code) => $"{PublicAddress.Base(request)}/verify/{code}";
}
