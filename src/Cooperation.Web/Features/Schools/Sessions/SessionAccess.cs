namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>Loads a session to change it: 404 when the user may not see it, 403 when he may see but not manage it.</summary>
internal static class SessionAccess
{
    public static async Task<CourseSession> ManageableAsync(CooperationDbContext db, Access access, int id, CancellationToken ct)
    {
        var visible = await access.VisibleSessionsAsync(db.CourseSessions, ct);
        var session = await visible
            .Include(s => s.Quotas).Include(s => s.Nominations).Include(s => s.Course!).ThenInclude(c => c.School)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) throw new RecordNotFoundException();
        if (!await access.CanManageSchoolAsync(session.Course!.SchoolId, session.Course.School!.CountryId, ct))
            throw new ForbiddenException("common.forbidden");
        return session;
    }

    /// <summary>Guards the change with the version the client read; without one, with the version just loaded.</summary>
    public static void Guard(CooperationDbContext db, CourseSession session, long? version)
    {
        var entry = db.Entry(session).Property(s => s.Version);
        if (version is { } v) entry.OriginalValue = v;
        // Quotas and status live on other rows or may not change a column of the session: the session's version still moves.
        entry.IsModified = true;
    }
}
