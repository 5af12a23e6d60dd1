namespace Cooperation.Web.Features.Sessions.International;

/// <summary>Changes a session as a whole, guarded by the version read.</summary>
public class EditInternationalSession(CooperationDbContext db, Access access, InternationalSessionForm form, IStringLocalizer<EditInternationalSession> text) : IUseCase
{
    public async Task HandleAsync(int id, InternationalSessionInput input, CancellationToken ct = default)
    {
        var session = await ManageableAsync(db, access, id, ct);
        var version = input.Version ?? throw FieldErrors.One(text, "version", "common.required", text["Version"].Value);
        await form.CheckAsync(input, session, ct);
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        db.Entry(session).Property(s => s.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The session with its invited countries and participants, tracked: not found out of sight, forbidden unless the user manages its zone.</summary>
    public static async Task<InternationalSession> ManageableAsync(CooperationDbContext db, Access access, int id, CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.SeesInternationalSessions);
        var session = await access.VisibleInternationalSessions(db.InternationalSessions).Include(s => s.InvitedCountries).Include(s => s.Participants)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(access.CanManageInternationalSession(session.ZoneId));
        return session;
    }
}
