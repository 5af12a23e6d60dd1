namespace Cooperation.Web.Features.Sessions.International;

/// <summary>Plans an international session: its year and number, theme, zone, dates and invited countries.</summary>
public class CreateInternationalSession(CooperationDbContext db, Access access, InternationalSessionForm form) : IUseCase
{
    public async Task<int> HandleAsync(InternationalSessionInput input, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.CanPlanInternationalSessions);
        var session = await form.CheckAsync(input, null, ct);
        db.InternationalSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }
}
