namespace Cooperation.Web.Features.Donations;

/// <summary>
/// A donation to read or act on, for every sub-feature: not found when the user may not read it (or it does not exist),
/// forbidden when he reads it but may not do what he asks.
/// </summary>
public sealed class DonationAccess(CooperationDbContext db, Access access) : IUseCase
{
    /// <summary>The donation's country, once it is known to be readable by the user.</summary>
    public async Task<int> ReadableCountryAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesDonations);
        return await access.VisibleDonations(db.Donations.AsNoTracking()).Where(d => d.Id == id).Select(d => (int?)d.CountryId)
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();
    }

    /// <summary>The donation, tracked with its items and checks, for a change the caller has allowed.</summary>
    public Task<Donation> LoadAsync(int id, CancellationToken ct = default) =>
        db.Donations.Include(d => d.Items).Include(d => d.Checks).ThenInclude(c => c.Findings)
            .AsSplitQuery().SingleAsync(d => d.Id == id, ct);

    /// <summary>The donation, for its desk officers (propose, edit, order, deliver, cancel).</summary>
    public async Task<Donation> ManageableAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(await access.CanManageDonationAsync(await ReadableCountryAsync(id, ct), ct));
        return await LoadAsync(id, ct);
    }

    /// <summary>The donation, for those who record its handover and checks (its desk officers and the coopérant of its country).</summary>
    public async Task<Donation> HandoverRecordableAsync(int id, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(await access.CanRecordHandoverAsync(await ReadableCountryAsync(id, ct), ct));
        return await LoadAsync(id, ct);
    }

    /// <summary>Guards a change with the version the client read; without one, with the version just loaded. The version moves either way.</summary>
    public void Guard(Donation donation, long? version)
    {
        var entry = db.Entry(donation).Property(d => d.Version);
        if (version is { } v) entry.OriginalValue = v;
        entry.IsModified = true;
    }
}
