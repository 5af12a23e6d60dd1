namespace Cooperation.Web.Features.Admin;

/// <summary>The administration's API: audit trail and users, for administrators only (others get a 403 ProblemDetails).</summary>
public static class AdminApi
{
    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        // Answered here rather than thrown: the exception handler runs outside the request's culture, and would say it in French.
        var admin = api.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            if (services.GetRequiredService<Access>().IsAdministrator) return await next(context);
            var text = services.GetRequiredService<IStringLocalizer<AuditRow>>();
            return TypedResults.Problem(text["common.forbidden"], statusCode: StatusCodes.Status403Forbidden, title: text["Accès refusé"]);
        });

        var audit = admin.MapGroup("/audit").WithTags("Admin");
        audit.MapGet("", ListAudit)
            .WithSummary("Audit trail, newest first; filters entityType, entityKey, user (part of the name), action, from and to (days, included).");
        audit.MapGet("/{id:long}", GetAuditEntry)
            .WithSummary("One audit entry with its fields before and after the change.");

        admin.MapUsersApi();
    }

    private static Task<Paged<AuditRow>> ListAudit(ListAuditEntries audit, string? entityType, string? entityKey, string? user,
        string? action, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
        audit.HandleAsync(new AuditQuery(entityType, entityKey, user, action, from, to, page, pageSize), ct);

    private static async Task<Results<Ok<AuditDetail>, ProblemHttpResult>> GetAuditEntry(long id, ListAuditEntries audit,
        IStringLocalizer<AuditDetail> text, CancellationToken ct) =>
        await audit.FindAsync(id, ct) is { } entry
            ? TypedResults.Ok(entry)
            : TypedResults.Problem(text["common.notFound"], statusCode: 404, title: text["Introuvable"]);
}
