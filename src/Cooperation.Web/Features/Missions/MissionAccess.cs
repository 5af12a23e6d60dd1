namespace Cooperation.Web.Features.Missions;

/// <summary>
/// A mission to read or change, for every sub-feature: not found when the user may not read it (or it does not exist),
/// forbidden when he reads it but may not take that step.
/// </summary>
public sealed class MissionAccess(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The mission's country, once it is known to be readable by the user.</summary>
    public async Task<int> ReadableCountryAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesMissions);
        return await access.VisibleMissions(db.Missions.AsNoTracking()).Where(m => m.Id == id).Select(m => (int?)m.CountryId)
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>The mission, tracked with its experts and recommendations, for a step of the desk officers of its country.</summary>
    public async Task<ExpertiseMission> ConductedAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(await access.CanConductMissionAsync(await ReadableCountryAsync(id, ct), ct));
        return await LoadAsync(id, ct);
    }

    /// <summary>The mission, tracked, for the director's decision.</summary>
    public async Task<ExpertiseMission> DecidedAsync(int id, CancellationToken ct = default)
    {
        await ReadableCountryAsync(id, ct);
        ForbiddenException.ThrowUnless(access.CanDecideMissions);
        return await LoadAsync(id, ct);
    }

    /// <summary>Guards a change with the version the client read; without one, with the version just loaded. The mission's version moves either way.</summary>
    public void Guard(ExpertiseMission mission, long? version)
    {
        var entry = db.Entry(mission).Property(m => m.Version);
        if (version is { } v) entry.OriginalValue = v;
        entry.IsModified = true;
    }

    private Task<ExpertiseMission> LoadAsync(int id, CancellationToken ct) =>
        db.Missions.Include(m => m.Experts).Include(m => m.Recommendations).AsSplitQuery().SingleAsync(m => m.Id == id, ct);
}
