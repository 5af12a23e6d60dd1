using Cooperation.Web.Features.Schools.Trainees;

namespace Cooperation.Web.Features.Schools.Results;

/// <summary>An accepted enrolment of the session: attendance, result and certificate, with the version to send back.</summary>
public record EnrolmentResult(
    int NominationId, int TraineeId, string FirstName, string LastName, string Nationality, string NationalityName,
    bool? Attended, string? Result, string? CertificateCode, long Version);

/// <summary>
/// A session's enrolments as the results page shows them. <see cref="CanManage"/>: the user may record attendance and
/// results and issue certificates (the school's director, the desk officer of its zone, an administrator);
/// <see cref="ResultsOpen"/>: the session has reached its last day, from which they are recorded
/// (<see cref="CourseSession.ResultsOpen(DateOnly)"/>).
/// </summary>
public record SessionResults(
    int SessionId, string CourseCode, string CourseTitle, string School, string SchoolName, DateOnly StartDate,
    DateOnly EndDate, string Place, string Status, bool CanManage, bool ResultsOpen, int PassesWithoutCertificate,
    IReadOnlyList<EnrolmentResult> Enrolments);

public class GetSessionResults(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    /// <summary>The session's results; not found when it does not exist or lies outside the user's scope.</summary>
    public async Task<SessionResults> HandleAsync(int sessionId, CancellationToken ct = default)
    {
        var sessions = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var s = await sessions.Where(s => s.Id == sessionId).Select(s => new
        {
            s.Id, s.Course!.Code, s.Course.TitleFr, s.Course.TitleEn, s.Course.SchoolId, School = s.Course.School!.Acronym,
            SchoolName = s.Course.School.Name, SchoolCountryId = s.Course.School.CountryId, s.StartDate, s.EndDate, s.Place, s.Status,
        }).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();

        var nominations = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var named = await access.NamedTraineesAsync(ct);
        // Names count in the order only where the user reads them (the auditor must not learn them from their order).
        var rows = await nominations.Where(n => n.SessionId == sessionId && n.Status == NominationStatus.Accepted)
            .OrderBy(n => named.Any(t => t.Id == n.TraineeId) ? n.Trainee!.NormalizedName : null).ThenBy(n => n.Id)
            .Select(n => new
            {
                n.Id, n.TraineeId,
                FirstName = named.Any(t => t.Id == n.TraineeId) ? n.Trainee!.FirstName : null,
                LastName = named.Any(t => t.Id == n.TraineeId) ? n.Trainee!.LastName : null,
                n.Trainee!.Nationality!.Iso2,
                CountryFr = n.Trainee.Nationality.NameFr, CountryEn = n.Trainee.Nationality.NameEn,
                n.Attended, n.Result, n.CertificateCode, n.Version,
            }).ToListAsync(ct);

        var enrolments = rows.Select(n => new EnrolmentResult(n.Id, n.TraineeId, PersonalData.Show(n.LastName is not null, n.FirstName)!,
            PersonalData.Show(n.LastName is not null, n.LastName)!, n.Iso2, Names.Pick(n.CountryFr, n.CountryEn), n.Attended,
            TraineeRules.ResultCode(n.Result), n.CertificateCode, n.Version)).ToList();
        return new SessionResults(s.Id, s.Code, Names.Pick(s.TitleFr, s.TitleEn), s.School, s.SchoolName, s.StartDate, s.EndDate,
            s.Place, s.Status.ToString().ToLowerInvariant(), await access.CanManageSchoolAsync(s.SchoolId, s.SchoolCountryId, ct),
            CourseSession.ResultsOpen(s.EndDate, clock.Today()),
            enrolments.Count(e => e.Result == "passed" && e.CertificateCode is null), enrolments);
    }
}
