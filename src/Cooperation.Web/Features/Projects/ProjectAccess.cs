namespace Cooperation.Web.Features.Projects;

/// <summary>
/// A project to read or change, for every sub-feature: not found when the user may not read it (or it does not
/// exist), forbidden when he reads but may not change it.
/// </summary>
public sealed class ProjectAccess(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The project's zone, once it is known to be readable by the user.</summary>
    public async Task<int> ReadableZoneAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesProjects);
        return await access.VisibleProjects(db.Projects.AsNoTracking()).Where(p => p.Id == id).Select(p => (int?)p.ZoneId)
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>Refuses unless the user may change the project.</summary>
    public async Task EnsureEditableAsync(int id, CancellationToken ct = default) =>
        ForbiddenException.ThrowUnless(access.CanEditProject(await ReadableZoneAsync(id, ct)));

    /// <summary>
    /// The project, tracked, with what its rules read (budget, assessment, indicators with their values, results), for
    /// a change; refused unless the user may change it.
    /// </summary>
    public async Task<Project> EditableAsync(int id, CancellationToken ct = default)
    {
        await EnsureEditableAsync(id, ct);
        return await db.Projects
            .Include(p => p.Budget).Include(p => p.Assessment).Include(p => p.Results)
            .Include(p => p.Indicators).ThenInclude(i => i.Values)
            .AsSplitQuery().SingleAsync(p => p.Id == id, ct);
    }

    /// <summary>Guards a change with the version the client read; without one, with the version just loaded. The project's version moves either way.</summary>
    public void Guard(Project project, long? version)
    {
        var entry = db.Entry(project).Property(p => p.Version);
        if (version is { } v) entry.OriginalValue = v;
        entry.IsModified = true;
    }
}
