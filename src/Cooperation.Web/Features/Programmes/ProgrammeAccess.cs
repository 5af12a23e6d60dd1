namespace Cooperation.Web.Features.Programmes;

/// <summary>
/// A programme to read or change, for every sub-feature: not found when the user may not read it (or it does not
/// exist), forbidden when he reads it but may not take that step.
/// </summary>
public sealed class ProgrammeAccess(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The programme's country, once it is known to be readable by the user.</summary>
    public async Task<int> ReadableCountryAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesProgrammes);
        return await access.VisibleProgrammes(db.Programmes.AsNoTracking()).Where(p => p.Id == id).Select(p => (int?)p.CountryId)
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>The programme, tracked with its plan, for a step of the desk officers of its country.</summary>
    public async Task<Programme> DraftedAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(await access.CanDraftProgrammeAsync(await ReadableCountryAsync(id, ct), ct));
        return await LoadAsync(id, ct);
    }

    /// <summary>The programme, tracked, for the director's decision.</summary>
    public async Task<Programme> DecidedAsync(int id, CancellationToken ct = default)
    {
        await ReadableCountryAsync(id, ct);
        ForbiddenException.ThrowUnless(access.CanDecideProgrammes);
        return await LoadAsync(id, ct);
    }

    /// <summary>Guards a change with the version the client read; without one, with the version just loaded. The version moves either way.</summary>
    public void Guard(Programme programme, long? version)
    {
        var entry = db.Entry(programme).Property(p => p.Version);
        if (version is { } v) entry.OriginalValue = v;
        entry.IsModified = true;
    }

    /// <summary>Whether another programme of the same partner and year is approved (approved, revised or closed).</summary>
    public Task<bool> AnotherApprovedAsync(Programme programme, CancellationToken ct = default) =>
        db.Programmes.AsNoTracking().AnyAsync(p => p.Id != programme.Id && p.CountryId == programme.CountryId
            && p.OrganisationId == programme.OrganisationId && p.Year == programme.Year
            && (p.Status == ProgrammeStatus.Approved || p.Status == ProgrammeStatus.Revised || p.Status == ProgrammeStatus.Closed), ct);

    private Task<Programme> LoadAsync(int id, CancellationToken ct) =>
        db.Programmes.Include(p => p.Priorities).Include(p => p.Lines).Include(p => p.Envelopes).Include(p => p.Revisions)
            .AsSplitQuery().SingleAsync(p => p.Id == id, ct);
}
