
namespace Cooperation.Web.Features.Network.Cooperants;

/// <summary>The fields of the create and edit forms, as posted.</summary>
public class CooperantFormValues
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Administration { get; set; }
    public string? Rank { get; set; }
    public string? SpecialtyDomain { get; set; }
    public string? Languages { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public long? Version { get; set; }

    public CooperantInput ToInput() =>
        new(FirstName, LastName, Administration, Rank, SpecialtyDomain, Languages, Email, Phone, Version);

    public static CooperantFormValues From(CooperantDetails c) => new()
    {
        FirstName = c.FirstName, LastName = c.LastName, Administration = c.Administration, Rank = c.Rank,
        SpecialtyDomain = c.SpecialtyDomain, Languages = c.Languages, Email = c.Email, Phone = c.Phone, Version = c.Version,
    };
}

/// <summary>What the form partial shows: the values, the errors by field, the choices, and whether only contact fields are open.</summary>
public record CooperantFormView(
    CooperantFormValues Values,
    IReadOnlyDictionary<string, string[]> Errors,
    List<SelectListItem> Administrations,
    List<SelectListItem> Domains,
    bool OwnContactOnly);
