using System.Security.Claims;

namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The expertise missions' part of the access rules. A mission resolves to one country (an organisation through its
/// seat); who asked for it, and the experts' names and contacts, are personal data.
/// <list type="bullet">
/// <item>Administrator: every mission, every step.</item>
/// <item>Director: reads every mission and decides (approves or declines) them; changes nothing else.</item>
/// <item>DeskOfficer: reads every mission; records, assesses, staffs, conducts and closes those of the countries of
/// her zones, and sees their personal data; keeps the registry of short-term experts.</item>
/// <item>Cooperant: reads the missions of his country (their personal data included) and writes follow-up notes on
/// their recommendations.</item>
/// <item>Auditor: reads every mission with personal data redacted.</item>
/// <item>SchoolDirector, LiaisonOfficer: no mission.</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    /// <summary>Reads missions at all (the area's pages and routes).</summary>
    public bool SeesMissions => SeesAllCountries || IsCooperant;

    /// <summary>The missions the user may read: all for headquarters, those of his country for a coopérant.</summary>
    public IQueryable<ExpertiseMission> VisibleMissions(IQueryable<ExpertiseMission> missions)
    {
        if (SeesAllCountries) return missions;
        if (IsCooperant && CountryId is { } country) return missions.Where(m => m.CountryId == country);
        return missions.Where(_ => false);
    }

    /// <summary>The recommendations of the missions the user may read (<see cref="VisibleMissions"/>).</summary>
    public IQueryable<Recommendation> VisibleRecommendations(IQueryable<Recommendation> recommendations)
    {
        if (SeesAllCountries) return recommendations;
        if (IsCooperant && CountryId is { } country) return recommendations.Where(r => r.Mission!.CountryId == country);
        return recommendations.Where(_ => false);
    }

    /// <summary>May record requests at all (each then in a country of her zones).</summary>
    public bool CanRecordMissions => IsAdministrator || IsDeskOfficer;

    /// <summary>May record, assess, staff, conduct and close a mission of this country.</summary>
    public Task<bool> CanConductMissionAsync(int countryId, CancellationToken ct = default) => CanEditCountryAsync(countryId, ct);

    /// <summary>Approves or declines requests: the director, or an administrator.</summary>
    public bool CanDecideMissions => IsAdministrator || IsDirector;

    /// <summary>Writes follow-up notes on the recommendations of a mission of this country: those who conduct it, and its country's coopérant.</summary>
    public async Task<bool> CanFollowUpMissionAsync(int countryId, CancellationToken ct = default) =>
        (IsCooperant && CountryId == countryId) || await CanConductMissionAsync(countryId, ct);

    /// <summary>Reads the personal data of a mission of this country: who asked, the experts' names and contacts.</summary>
    public Task<bool> ReadsMissionPersonalDataAsync(int countryId, CancellationToken ct = default) =>
        IsAuditor ? Task.FromResult(false) : CanSeePersonalDataAsync(countryId, ct);

    /// <summary>Reads the registry of short-term experts (names redacted for the auditor): headquarters.</summary>
    public bool SeesExperts => IsAdministrator || IsDirector || IsDeskOfficer || IsAuditor;

    /// <summary>
    /// Reads the names and contacts of the registry's experts: headquarters staff who choose them; never the auditor.
    /// They belong to no country, as a coopérant never posted belongs to headquarters.
    /// </summary>
    public bool ReadsExpertNames => IsAdministrator || IsDirector || IsDeskOfficer;

    /// <summary>Adds experts to the registry and changes them: those who staff missions.</summary>
    public bool CanEditExperts => IsAdministrator || IsDeskOfficer;

    /// <summary>The signed-in user's name as the records he writes keep it (who assessed, decided, followed up).</summary>
    public string ActorName => _user.FindFirstValue(ScopeClaims.DisplayName) is { Length: > 0 } name ? name : _user.Identity?.Name ?? "";
}
