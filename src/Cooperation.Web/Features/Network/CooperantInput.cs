using System.Text.RegularExpressions;

namespace Cooperation.Web.Features.Network;

/// <summary>
/// A coopérant's profile as a form or an API client sends it. References are codes: administration "ARM",
/// specialty domain "DEMINING". <see cref="Version"/> is required to edit (the version that was read).
/// </summary>
public record CooperantInput(
    string? FirstName,
    string? LastName,
    string? Administration,
    string? Rank,
    string? SpecialtyDomain = null,
    string? Languages = null,
    string? Email = null,
    string? Phone = null,
    long? Version = null);

/// <summary>The outcome of a create or an edit: the record and its new version, or the errors by field (nothing saved).</summary>
public sealed record CooperantSaved(int Id, long Version, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CooperantSaved Invalid(IReadOnlyDictionary<string, string[]> errors) => new(0, 0, errors);
}

/// <summary>A profile checked and cleaned, with its references resolved to ids.</summary>
internal sealed record CleanProfile(
    string FirstName, string LastName, int AdministrationId, string Rank, int? SpecialtyDomainId,
    string Languages, string? Email, string? Phone);

/// <summary>The rules of a coopérant's profile, each broken one named by its field, in the user's language.</summary>
internal static partial class CooperantRules
{
    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        ["firstName"] = "Prénom",
        ["lastName"] = "Nom",
        ["administration"] = "Administration d'origine",
        ["rank"] = "Grade",
        ["specialtyDomain"] = "Domaine de spécialité",
        ["languages"] = "Langues parlées",
        ["email"] = "Adresse électronique",
        ["phone"] = "Téléphone",
        ["version"] = "Version",
    };

    /// <summary>The fields a coopérant may change on his own profile.</summary>
    public static readonly string[] OwnProfileFields = ["languages", "email", "phone"];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{6,}$")]
    private static partial Regex PhonePattern();

    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static async Task<(CleanProfile? Profile, Dictionary<string, string[]> Errors)> CheckAsync(
        CooperantInput input, CooperationDbContext db, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        string Label(string field) => text[FieldLabels[field]];
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        string? Required(string field, string? value, int max)
        {
            var clean = Clean(value);
            if (clean is null) Fail(field, text["common.required", Label(field)]);
            else if (clean.Length > max) Fail(field, text["cooperant.tooLong", Label(field), max]);
            return clean;
        }

        string? Optional(string field, string? value, int max)
        {
            var clean = Clean(value);
            if (clean is not null && clean.Length > max) Fail(field, text["cooperant.tooLong", Label(field), max]);
            return clean;
        }

        var firstName = Required("firstName", input.FirstName, 100);
        var lastName = Required("lastName", input.LastName, 100);
        var adminCode = Clean(input.Administration)?.ToUpperInvariant();
        int? administrationId = null;
        if (adminCode is null) Fail("administration", text["common.required", Label("administration")]);
        else
        {
            var admins = await db.Administrations.AsNoTracking().Select(a => new { a.Id, a.Code, a.NameFr, a.NameEn, a.TraineesOnly }).ToListAsync(ct);
            var admin = admins.FirstOrDefault(a => a.Code == adminCode);
            if (admin is null) Fail("administration", text["common.unknown", Label("administration"), input.Administration!.Trim()]);
            else if (admin.TraineesOnly)
                Fail("administration", text["cooperant.traineesOnly", Names.Pick(admin.NameFr, admin.NameEn),
                    string.Join(", ", admins.Where(a => !a.TraineesOnly).Select(a => Names.Pick(a.NameFr, a.NameEn)))]);
            else administrationId = admin.Id;
        }
        var rank = Required("rank", input.Rank, 100);

        int? domainId = null;
        var domainCode = Clean(input.SpecialtyDomain)?.ToUpperInvariant();
        if (domainCode is not null)
        {
            domainId = await db.Domains.AsNoTracking().Where(d => d.Code == domainCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (domainId is null) Fail("specialtyDomain", text["common.unknown", Label("specialtyDomain"), input.SpecialtyDomain!.Trim()]);
        }

        var languages = Optional("languages", input.Languages, 200) ?? "";
        var email = Optional("email", input.Email, 256);
        if (email is not null && !errors.ContainsKey("email") && !EmailPattern().IsMatch(email))
            Fail("email", text["cooperant.email", email]);
        var phone = Optional("phone", input.Phone, 50);
        if (phone is not null && !errors.ContainsKey("phone") && !PhonePattern().IsMatch(phone))
            Fail("phone", text["cooperant.phone", phone]);

        if (errors.Count > 0) return (null, errors);
        return (new CleanProfile(firstName!, lastName!, administrationId!.Value, rank!, domainId, languages, email, phone), errors);
    }

    public static void Apply(Cooperant cooperant, CleanProfile profile)
    {
        cooperant.FirstName = profile.FirstName;
        cooperant.LastName = profile.LastName;
        cooperant.NormalizedName = Cooperant.Normalize(profile.FirstName, profile.LastName);
        cooperant.AdministrationId = profile.AdministrationId;
        cooperant.Rank = profile.Rank;
        cooperant.SpecialtyDomainId = profile.SpecialtyDomainId;
        cooperant.Languages = profile.Languages;
        cooperant.Email = profile.Email;
        cooperant.Phone = profile.Phone;
    }
}
