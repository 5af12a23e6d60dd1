namespace Cooperation.Web.Features.Admin.Audit;

/// <summary>
/// Whether the audit trail's hash chain is intact and, if not, its first broken entry (<see cref="AuditTrail.VerifyAsync"/>):
/// for the administrator, as the <c>verify-audit</c> command says it to the operator.
/// </summary>
public class VerifyAuditTrail(CooperationDbContext db, Access access) : IUseCase
{
    public async Task<AuditIntegrity> HandleAsync(CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanVerifyAuditTrail);
        return await AuditTrail.VerifyAsync(db, ct);
    }
}
