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

    /// <summary>
    /// The account of a coopérant being pseudonymised: its name and address replaced, locked for good, its sessions
    /// ended (a new security stamp). Returns the new values of the fields it replaced, for the audit trail's snapshots.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Pseudonymise(int cooperantId)
    {
        var email = Pseudonyms.Email("COOPERANT", cooperantId);
        UserName = Email = email;
        NormalizedUserName = NormalizedEmail = email.ToUpperInvariant();
        DisplayName = $"{Pseudonyms.FirstName} {Pseudonyms.LastName("COOPERANT", cooperantId)}";
        PhoneNumber = null;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
        return new Dictionary<string, object?>
        {
            [nameof(UserName)] = UserName, [nameof(Email)] = Email, [nameof(DisplayName)] = DisplayName, [nameof(PhoneNumber)] = PhoneNumber,
        };
    }
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
