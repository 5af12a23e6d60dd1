namespace Cooperation.Web.Features.Admin.Audit;

/// <summary>
/// /api/v1/audit: the audit trail, read only, for administrators, the director and the auditor (personal values redacted
/// for him); others get a 403 ProblemDetails.
/// </summary>
public sealed class AuditApi : IApiRoutes
{
    public void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Admin");
        audit.MapGet("", async ([AsParameters] ListAuditEntries.Query query, ListAuditEntries list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("Audit trail, newest first; filters entityType, entityKey, user (part of the name), action, from and to (days, included).");
        audit.MapGet("/{id:long}", async (long id, ListAuditEntries list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(id, ct)))
            .WithSummary("One audit entry with its fields before and after the change.");
        audit.MapGet("/integrity", async (VerifyAuditTrail verify, CancellationToken ct) => TypedResults.Ok(await verify.HandleAsync(ct)))
            .WithSummary("Whether the audit trail's hash chain is intact (administrators): entries, last entry's sequence and hash, entries "
                + "pseudonymised, and the first broken entry with how it breaks (Altered, Missing, Relinked, Unsealed, UndeclaredRewrite).");
    }
}
