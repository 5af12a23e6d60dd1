using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Schools.Results;

public record IssuedCertificate(int NominationId, int TraineeId, string Code, DateTime IssuedAt);

/// <summary>Issues a certificate, with a new verification code, to every trainee of the session who passed and has none yet.</summary>
public class IssueCertificates(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    /// <summary>The certificates issued now: none when every pass already has one.</summary>
    public async Task<IReadOnlyList<IssuedCertificate>> HandleAsync(int sessionId, CancellationToken ct = default)
    {
        await SessionAccess.EnsureManageableAsync(db, access, sessionId, ct);
        var passes = await db.Nominations
            .Where(n => n.SessionId == sessionId && n.Status == NominationStatus.Accepted && n.Result == TrainingResult.Passed && n.CertificateCode == null)
            .OrderBy(n => n.Id).ToListAsync(ct);
        if (passes.Count == 0) return [];

        var codes = await CertificateCodes.NewUniqueAsync(db, passes.Count, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < passes.Count; i++) passes[i].IssueCertificate(codes[i], now);
        await db.SaveChangesAsync(ct);
        return passes.Select(n => new IssuedCertificate(n.Id, n.TraineeId, n.CertificateCode!, now)).ToList();
    }
}
