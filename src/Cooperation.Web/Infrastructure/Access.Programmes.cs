namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The annual programmes' part of the access rules. A programme resolves to one country (an organisation through its
/// seat); it holds no personal data, but a zone's plans are its desk officers' and the director's business.
/// <list type="bullet">
/// <item>Administrator: every programme, every step.</item>
/// <item>Director: reads every programme, approves or returns those submitted (which places their training places as quotas); drafts none.</item>
/// <item>DeskOfficer: reads, drafts, submits, revises and closes the programmes of the countries of her zones, and places their training places as quotas again; sees no other.</item>
/// <item>Cooperant: reads his country's programmes (once submitted) and their follow-up.</item>
/// <item>LiaisonOfficer: reads only the training places the approved programme of his country offers it: no budget, no other mode.</item>
/// <item>Auditor: reads every programme.</item>
/// <item>SchoolDirector: no programme.</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    private bool SeesAllProgrammes => IsAdministrator || IsDirector || IsAuditor;

    /// <summary>Reads programmes at all (the area's pages and routes, the menu).</summary>
    public bool SeesProgrammes => SeesAllProgrammes || (IsDeskOfficer && ZoneIds.Count > 0) || (IsCooperant || IsLiaisonOfficer) && CountryId is not null;

    /// <summary>Reads of a programme only the training places offered to his country.</summary>
    public bool ReadsOnlyProgrammeTraining => !SeesAllProgrammes && !IsDeskOfficer && !IsCooperant && IsLiaisonOfficer;

    /// <summary>The programmes the user may read.</summary>
    public IQueryable<Programme> VisibleProgrammes(IQueryable<Programme> programmes)
    {
        if (SeesAllProgrammes) return programmes;
        if (IsDeskOfficer)
        {
            var zones = ZoneIds.ToList();
            return programmes.Where(p => p.Country!.ZoneId != null && zones.Contains(p.Country.ZoneId.Value));
        }
        if (IsCooperant && CountryId is { } country)
            return programmes.Where(p => p.CountryId == country && p.Status != ProgrammeStatus.Draft);
        if (IsLiaisonOfficer && CountryId is { } offered)
            return programmes.Where(p => p.CountryId == offered
                && (p.Status == ProgrammeStatus.Approved || p.Status == ProgrammeStatus.Revised || p.Status == ProgrammeStatus.Closed));
        return programmes.Where(_ => false);
    }

    /// <summary>May draft programmes at all (each then for a country of her zones).</summary>
    public bool CanDraftProgrammes => IsAdministrator || (IsDeskOfficer && ZoneIds.Count > 0);

    /// <summary>May draft, submit, revise and close a programme of this country: the desk officers of its zone.</summary>
    public Task<bool> CanDraftProgrammeAsync(int countryId, CancellationToken ct = default) => CanEditCountryAsync(countryId, ct);

    /// <summary>Approves or returns submitted programmes: the director, or an administrator.</summary>
    public bool CanDecideProgrammes => IsAdministrator || IsDirector;

    /// <summary>
    /// Places an approved programme's training places as the country's quotas in its year's sessions again: who revises
    /// it (the desk officers of its zone) and who approves it (the director, or an administrator), the approval placing them.
    /// </summary>
    public async Task<bool> CanPlaceProgrammeQuotasAsync(int countryId, CancellationToken ct = default) =>
        CanDecideProgrammes || await CanDraftProgrammeAsync(countryId, ct);
}
