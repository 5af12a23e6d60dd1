namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The audit trail's part of the access rules: administrators, the director and the auditor read it (read only, it is
/// the auditor's job); the auditor reads it as he reads everything else, without personal data.
/// </summary>
public sealed partial class Access
{
    /// <summary>May read the audit trail (who changed what, when, before and after).</summary>
    public bool ReadsAuditTrail => IsAdministrator || IsDirector || IsAuditor;

    /// <summary>Reads the personal values the trail keeps (names, contacts, birth dates, the accounts of coopérants).</summary>
    public bool ReadsAuditedPersonalData => IsAdministrator || IsDirector;

    /// <summary>
    /// The fields of a record's snapshot that hold a person's name, contact or birth date (coopérants, trainees, accounts):
    /// redacted for whoever does not read audited personal data.
    /// </summary>
    public static readonly IReadOnlySet<string> PersonalFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        nameof(Cooperant.FirstName), nameof(Cooperant.LastName), nameof(Cooperant.NormalizedName), nameof(Cooperant.Email),
        nameof(Cooperant.Phone), nameof(Trainee.BirthDate), nameof(AppUser.PhoneNumber), nameof(AppUser.DisplayName), nameof(AppUser.UserName),
    };

    /// <summary>
    /// The accounts whose name is a person's the user may not read in the trail: a coopérant's own account (his login is
    /// his address) when he does not read audited personal data; none otherwise.
    /// </summary>
    public async Task<IReadOnlySet<string>> HiddenAuditActorsAsync(CancellationToken ct = default) =>
        ReadsAuditedPersonalData
            ? new HashSet<string>()
            : (await _db.Users.AsNoTracking().Where(u => u.CooperantId != null).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
}
