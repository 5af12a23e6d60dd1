using Microsoft.AspNetCore.Identity;

namespace Cooperation.Web.Data;

/// <summary>A person who logs in. The role says what she may do, the scope where.</summary>
public class AppUser : IdentityUser, IAudited
{
    public string DisplayName { get; set; } = "";
    /// <summary>Scope of a coopérant (or, later, a liaison officer): one country.</summary>
    public int? ScopeCountryId { get; set; }
    public Country? ScopeCountry { get; set; }
    /// <summary>The coopérant record this account belongs to, which its owner may edit.</summary>
    public int? CooperantId { get; set; }
    public Cooperant? Cooperant { get; set; }
    /// <summary>Scope of a school director: one school.</summary>
    public int? ScopeSchoolId { get; set; }
    public RegionalSchool? ScopeSchool { get; set; }
    public List<UserZone> Zones { get; set; } = [];
}

/// <summary>One zone of a desk officer's scope.</summary>
public class UserZone
{
    public required string UserId { get; set; }
    public int ZoneId { get; set; }
    public Zone? Zone { get; set; }
}

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Director = nameof(Director);
    public const string DeskOfficer = nameof(DeskOfficer);
    public const string Cooperant = nameof(Cooperant);
    public const string Auditor = nameof(Auditor);
    public const string SchoolDirector = nameof(SchoolDirector);
    public const string LiaisonOfficer = nameof(LiaisonOfficer);

    public static readonly string[] All = [Administrator, Director, DeskOfficer, Cooperant, Auditor, SchoolDirector, LiaisonOfficer];
}
