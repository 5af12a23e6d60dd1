using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Schools.Results;

public record IssuedCertificate(int NominationId, int TraineeId, string Code, DateTime IssuedAt);

/// <summary>Issues a certificate, with a new verification code, to every trainee of the session who passed and has none yet.</summary>
public class IssueCertificates(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<IssueCertificates> text) : IUseCase
{
    /// <summary>
    /// The certificates issued now: none when every pass already has one. Refused (field <c>session</c>) before the
    /// session's last day: <see cref="CourseSession.EnsureResultsOpen(DateOnly)"/>.
    /// </summary>
    public async Task<IReadOnlyList<IssuedCertificate>> HandleAsync(int sessionId, CancellationToken ct = default)
    {
        await SessionAccess.EnsureManageableAsync(db, access, sessionId, ct);
        var session = await db.CourseSessions.SingleAsync(s => s.Id == sessionId, ct);
        try { session.EnsureResultsOpen(clock.Today()); }
        catch (DomainException e) { throw FieldErrors.One(text, e.Field, e.MessageKey, e.Args); }
        var passes = await Pending(sessionId).OrderBy(n => n.Id).ToListAsync(ct);
        if (passes.Count == 0) return [];

        var codes = await CertificateCodes.NewUniqueAsync(db, passes.Count, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < passes.Count; i++) passes[i].IssueCertificate(codes[i], now);
        await db.SaveChangesAsync(ct);
        return passes.Select(n => new IssuedCertificate(n.Id, n.TraineeId, n.CertificateCode!, now)).ToList();
    }

    /// <summary>How many certificates issuing would deliver now, for the step that asks to confirm it.</summary>
    public async Task<int> CountAsync(int sessionId, CancellationToken ct = default)
    {
        await SessionAccess.EnsureManageableAsync(db, access, sessionId, ct);
        return await Pending(sessionId).CountAsync(ct);
    }

    private IQueryable<Nomination> Pending(int sessionId) =>
        db.Nominations.Where(n => n.SessionId == sessionId && n.Status == NominationStatus.Accepted
                                  && n.Result == TrainingResult.Passed && n.CertificateCode == null);
}
