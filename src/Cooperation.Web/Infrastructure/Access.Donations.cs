namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The donations' part of the access rules. A donation resolves to its partner country; its only personal data are the
/// names of those who signed the handover and checked the items.
/// <list type="bullet">
/// <item>Administrator: every donation, every act.</item>
/// <item>Director: reads every donation; approves (and may cancel) them; proposes and edits none.</item>
/// <item>DeskOfficer: reads every donation; proposes, edits, orders, cancels, records handovers and checks of the
/// countries of her zones, and sees their signatories.</item>
/// <item>Cooperant: reads the donations of his country, records their handovers and post-delivery checks.</item>
/// <item>Auditor: reads every donation, signatories' names redacted; acts on none.</item>
/// <item>SchoolDirector, LiaisonOfficer: no donation.</item>
/// </list>
/// The non-lethal rule is no access rule: no role passes it (<see cref="NonLethalRule"/>).
/// </summary>
public sealed partial class Access
{
    /// <summary>Reads every donation (headquarters).</summary>
    public bool SeesAllDonations => IsAdministrator || IsDirector || IsAuditor || IsDeskOfficer;

    /// <summary>Reads donations at all (the area's pages and routes).</summary>
    public bool SeesDonations => SeesAllDonations || (IsCooperant && CountryId is not null);

    /// <summary>The donations the user may read.</summary>
    public IQueryable<Donation> VisibleDonations(IQueryable<Donation> donations)
    {
        if (SeesAllDonations) return donations;
        if (IsCooperant && CountryId is { } country) return donations.Where(d => d.CountryId == country);
        return donations.Where(_ => false);
    }

    /// <summary>May propose donations (each then to a country of her zones).</summary>
    public bool CanProposeDonations => IsAdministrator || IsDeskOfficer;

    /// <summary>The countries the user may propose donations to; null means all of them.</summary>
    public async Task<IReadOnlyCollection<int>?> DonationCountriesAsync(CancellationToken ct = default) =>
        IsAdministrator ? null : IsDeskOfficer ? await ZoneCountriesAsync(ct) : [];

    /// <summary>May propose, edit, order, deliver or cancel a donation to this country.</summary>
    public Task<bool> CanManageDonationAsync(int countryId, CancellationToken ct = default) => CanEditCountryAsync(countryId, ct);

    /// <summary>May approve a donation: the director (and the administrator).</summary>
    public bool CanApproveDonations => IsAdministrator || IsDirector;

    /// <summary>May record the handover and the post-delivery checks of a donation to this country: its desk officers and its coopérant.</summary>
    public async Task<bool> CanRecordHandoverAsync(int countryId, CancellationToken ct = default) =>
        (IsCooperant && CountryId == countryId) || await CanEditCountryAsync(countryId, ct);

    /// <summary>Sees the names of the handover's signatory and of the checkers of a donation to this country; never the auditor.</summary>
    public Task<bool> SeesDonationSignatoriesAsync(int countryId, CancellationToken ct = default) => CanSeePersonalDataAsync(countryId, ct);

    /// <summary>Countries whose donations' signatories the user sees; null means all of them.</summary>
    public Task<IReadOnlyCollection<int>?> DonationSignatoryCountriesAsync(CancellationToken ct = default) => PersonalDataCountryIdsAsync(ct);
}
