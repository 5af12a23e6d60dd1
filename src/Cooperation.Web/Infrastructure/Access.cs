using System.Security.Claims;

namespace Cooperation.Web.Infrastructure;

public static class ScopeClaims
{
    public const string Zone = "coop:zone";
    public const string Country = "coop:country";
    public const string Cooperant = "coop:cooperant";
    public const string DisplayName = "coop:name";
    public const string School = "coop:school";
}

/// <summary>
/// Who may see and change what: the one place where role and geographic scope turn into rules.
/// Every record a scope restricts resolves to one country (an organisation through its seat).
/// <list type="bullet">
/// <item>Administrator: everything.</item>
/// <item>Director: reads everything, edits nothing.</item>
/// <item>DeskOfficer: reads all non-personal data; personal data and edits within the countries of her zones.</item>
/// <item>Cooperant: his country's network and nothing else; edits only his own profile.</item>
/// <item>Auditor: reads everything with personal data redacted; edits nothing.</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    private readonly ClaimsPrincipal _user;
    private readonly CooperationDbContext _db;
    private readonly TimeProvider _clock;
    private HashSet<int>? _zoneCountries;

    public Access(IHttpContextAccessor http, CooperationDbContext db, TimeProvider clock)
        : this(http.HttpContext?.User ?? new ClaimsPrincipal(), db, clock) { }

    public Access(ClaimsPrincipal user, CooperationDbContext db, TimeProvider clock)
    {
        _user = user;
        _db = db;
        _clock = clock;
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        ZoneIds = user.FindAll(ScopeClaims.Zone).Select(c => int.Parse(c.Value)).ToHashSet();
        CountryId = int.TryParse(user.FindFirstValue(ScopeClaims.Country), out var c) ? c : null;
        CooperantId = int.TryParse(user.FindFirstValue(ScopeClaims.Cooperant), out var k) ? k : null;
        SchoolId = int.TryParse(user.FindFirstValue(ScopeClaims.School), out var s) ? s : null;
    }

    public string? UserId { get; }

    /// <summary>The signed-in user, for work done as him apart from his request (<see cref="FigureCache.GetOrRecountAsync"/>).</summary>
    internal ClaimsPrincipal User => _user;

    /// <summary>
    /// What decides what the user sees — his roles and scopes, not who he is: two users with the same key see the same
    /// records (<see cref="FigureCache"/> shares their figures).
    /// </summary>
    public string ScopeKey => string.Join(',', Roles.All.Where(_user.IsInRole)) + $";z{string.Join(',', ZoneIds.Order())};c{CountryId};k{CooperantId};s{SchoolId}";
    public bool IsAuthenticated => _user.Identity?.IsAuthenticated == true;
    public bool IsAdministrator => _user.IsInRole(Roles.Administrator);
    public bool IsDirector => _user.IsInRole(Roles.Director);
    public bool IsDeskOfficer => _user.IsInRole(Roles.DeskOfficer);
    public bool IsCooperant => _user.IsInRole(Roles.Cooperant);
    public bool IsAuditor => _user.IsInRole(Roles.Auditor);
    public IReadOnlySet<int> ZoneIds { get; }
    /// <summary>The one country of a coopérant's scope.</summary>
    public int? CountryId { get; }
    /// <summary>The coopérant record of the signed-in coopérant.</summary>
    public int? CooperantId { get; }

    /// <summary>Sees records of every country (personal data aside).</summary>
    public bool SeesAllCountries => IsAdministrator || IsDirector || IsDeskOfficer || IsAuditor;

    /// <summary>Sees personal data in every country.</summary>
    public bool SeesAllPersonalData => IsAdministrator || IsDirector;

    /// <summary>Countries where the user sees records at all; null means all of them.</summary>
    /// <remarks>A liaison officer's country scope is for his candidates only: he sees nothing of the coopérants' network.</remarks>
    public IReadOnlyCollection<int>? VisibleCountryIds => SeesAllCountries ? null : IsCooperant && CountryId is { } id ? [id] : [];

    public bool CanSeeCountry(int countryId) => SeesAllCountries || (IsCooperant && countryId == CountryId);

    /// <summary>Countries where the user sees personal data; null means all of them.</summary>
    public async Task<IReadOnlyCollection<int>?> PersonalDataCountryIdsAsync(CancellationToken ct = default)
    {
        if (SeesAllPersonalData) return null;
        if (IsDeskOfficer) return await ZoneCountriesAsync(ct);
        if (IsCooperant && CountryId is { } id) return [id];
        return [];
    }

    public async Task<bool> CanSeePersonalDataAsync(int? countryId, CancellationToken ct = default)
    {
        if (SeesAllPersonalData) return true;
        // A coopérant between postings belongs to headquarters: every desk officer may see him.
        if (countryId is null) return IsDeskOfficer;
        var ids = await PersonalDataCountryIdsAsync(ct);
        return ids is null || ids.Contains(countryId.Value);
    }

    /// <summary>May create or change records (postings, vacancies, coopérants) of this country.</summary>
    public async Task<bool> CanEditCountryAsync(int? countryId, CancellationToken ct = default)
    {
        if (IsAdministrator) return true;
        if (!IsDeskOfficer) return false;
        if (countryId is null) return true;
        return (await ZoneCountriesAsync(ct)).Contains(countryId.Value);
    }

    public bool CanEditAnything => IsAdministrator || IsDeskOfficer;

    /// <summary>May edit this coopérant's profile: one she may post (<see cref="EditableCooperantsAsync"/>), or his own.</summary>
    public async Task<bool> CanEditCooperantAsync(int cooperantId, CancellationToken ct = default) =>
        (IsCooperant && CooperantId == cooperantId) || await CanPostCooperantAsync(cooperantId, ct);

    public bool CanEditZones => IsAdministrator || IsDeskOfficer;

    /// <summary>May change a zone's strategic priority: an administrator any zone, a desk officer the zones of her scope.</summary>
    public bool CanEditZone(int zoneId) => IsAdministrator || (IsDeskOfficer && ZoneIds.Contains(zoneId));

    /// <summary>
    /// May export everything held about a person or pseudonymise him, and apply the retention periods: the
    /// administrator, who answers the persons' requests.
    /// </summary>
    public bool CanManagePersonalData => IsAdministrator;

    /// <summary>May check the audit trail's hash chain: the administrator, who keeps the database.</summary>
    public bool CanVerifyAuditTrail => IsAdministrator;

    private async Task<HashSet<int>> ZoneCountriesAsync(CancellationToken ct)
    {
        if (_zoneCountries is not null) return _zoneCountries;
        var zones = ZoneIds.ToList();
        _zoneCountries = (await _db.Countries.AsNoTracking().Where(c => c.ZoneId != null && zones.Contains(c.ZoneId.Value))
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return _zoneCountries;
    }
}
