namespace Cooperation.Web.Features.Network.Cooperants;

/// <summary>
/// A coopérant's profile as a form or an API client sends it. References are codes: administration "ARM",
/// specialty domain "DEMINING". <see cref="Version"/> is required to edit (the version that was read).
/// </summary>
public record CooperantInput(
    string? FirstName, string? LastName, string? Administration, string? Rank, string? SpecialtyDomain = null,
    string? Languages = null, string? Email = null, string? Phone = null, long? Version = null);

/// <summary>A profile checked and cleaned, with its references resolved to ids.</summary>
internal sealed record CleanProfile(
    string FirstName, string LastName, int AdministrationId, string Rank, int? SpecialtyDomainId,
    string Languages, string? Email, string? Phone);

/// <summary>The rules of a coopérant's profile, for its creation and its edition alike; each broken one is named by its field.</summary>
internal static class CooperantProfile
{
    public const int MaxName = 100;

    /// <summary>The fields a coopérant may change on his own profile.</summary>
    public static readonly string[] OwnProfileFields = ["languages", "email", "phone"];

    /// <summary>The clean profile, or null once every faulty field is in <paramref name="errors"/>.</summary>
    public static async Task<CleanProfile?> CheckAsync(CooperantInput input, ReferenceCodes codes, FieldErrors errors, CancellationToken ct)
    {
        var firstName = errors.Text("firstName", "Prénom", input.FirstName, MaxName);
        var lastName = errors.Text("lastName", "Nom", input.LastName, MaxName);
        // A coopérant is seconded by his administration: customs trains officers but seconds none.
        var administrationId = await codes.AdministrationAsync(input.Administration, errors, secondingOnly: true, ct: ct);
        var rank = errors.Text("rank", "Grade", input.Rank, MaxName);
        var domainId = await codes.DomainAsync(input.SpecialtyDomain, errors, "specialtyDomain", "Domaine de spécialité", required: false, ct: ct);
        var languages = errors.Text("languages", "Langues parlées", input.Languages, optional: true) ?? "";
        var email = errors.Email("email", "Adresse électronique", input.Email);
        var phone = errors.Phone("phone", "Téléphone", input.Phone);
        if (errors.Any) return null;
        return new CleanProfile(firstName!, lastName!, administrationId!.Value, rank!, domainId, languages, email, phone);
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
