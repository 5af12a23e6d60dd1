using Cooperation.Web.Features.Schools.Results;

namespace Cooperation.Web.Features.Schools.Certificates;

/// <summary>What a certificate states: who, which course, where, when, with which result; and its verification code.</summary>
public record CertificateData(
    string Code, int TraineeId, string FirstName, string LastName, string CourseCode, string CourseTitleFr,
    string CourseTitleEn, int SessionId, string School, string SchoolName, string City, string CountryFr,
    string CountryEn, DateOnly StartDate, DateOnly EndDate, Domain.TrainingResult? Result, DateTime IssuedAt)
{
    public string FullName => $"{FirstName} {LastName.ToUpperInvariant()}";
}

/// <summary>
/// A certificate, for those who see the enrolment it crowns (a school director, his school's only) and read its
/// holder's name (the auditor, who sees trainees without names, is refused: a certificate is nothing but a name on a course).
/// </summary>
public class GetCertificate(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The certificate; not found when no certificate has this code or its enrolment lies outside the user's scope.</summary>
    public async Task<CertificateData> HandleAsync(string? typedCode, CancellationToken ct = default)
    {
        var code = CertificateCodes.Normalize(typedCode) ?? throw new RecordNotFoundException();
        var enrolments = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var certificate = await Query(enrolments.Where(n => n.CertificateCode == code)).SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        var named = await access.NamedTraineesAsync(ct);
        return await named.AnyAsync(t => t.Id == certificate.TraineeId, ct) ? certificate : throw new ForbiddenException();
    }

    internal static IQueryable<CertificateData> Query(IQueryable<Domain.Nomination> nominations) =>
        nominations.Select(n => new CertificateData(
            n.CertificateCode!, n.TraineeId, n.Trainee!.FirstName, n.Trainee.LastName,
            n.Session!.Course!.Code, n.Session.Course.TitleFr, n.Session.Course.TitleEn, n.SessionId,
            n.Session.Course.School!.Acronym, n.Session.Course.School.Name, n.Session.Course.School.City,
            n.Session.Course.School.Country!.NameFr, n.Session.Course.School.Country.NameEn,
            n.Session.StartDate, n.Session.EndDate, n.Result, n.CertificateIssuedAt!.Value));
}
