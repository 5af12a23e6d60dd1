namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>
/// A session to change (its terms, status, quotas, or the results of its trainees): not found when the user may not
/// see it, forbidden when he sees but does not manage it.
/// </summary>
internal static class SessionAccess
{
    public static async Task EnsureManageableAsync(CooperationDbContext db, Access access, int id, CancellationToken ct)
    {
        var visible = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var school = await visible.Where(s => s.Id == id).Select(s => new { s.Course!.SchoolId, s.Course.School!.CountryId }).SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException();
        ForbiddenException.ThrowUnless(await access.CanManageSchoolAsync(school.SchoolId, school.CountryId, ct));
    }

    /// <summary>The session with its quotas and nominations, tracked, for its own rules to change it.</summary>
    public static async Task<CourseSession> ManageableAsync(CooperationDbContext db, Access access, int id, CancellationToken ct)
    {
        await EnsureManageableAsync(db, access, id, ct);
        return await db.CourseSessions.Include(s => s.Quotas).Include(s => s.Nominations).AsSplitQuery().SingleAsync(s => s.Id == id, ct);
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
