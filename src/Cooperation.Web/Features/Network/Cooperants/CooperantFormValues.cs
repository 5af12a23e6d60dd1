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

/// <summary>What the form partial shows: the values, the choices, and whether only contact fields are open.</summary>
public record CooperantFormView(
    CooperantFormValues Values,
    List<SelectListItem> Administrations,
    List<SelectListItem> Domains,
    bool OwnContactOnly);

/// <summary>The create and edit pages of a coopérant: one form, whose errors show under the API's field names.</summary>
public abstract class CooperantFormPage(ReferenceLists lists) : FormPageModel
{
    [BindProperty] public CooperantFormValues Form { get; set; } = new();
    public CooperantFormView View { get; private set; } = null!;

    /// <summary>The partial shows each field's error by the API's field name.</summary>
    public override string FormField(string field) => field;

    protected async Task ShowFormAsync(bool ownContactOnly) =>
        View = new CooperantFormView(Form, await lists.AdministrationsAsync(), await lists.DomainsAsync(), ownContactOnly);
}
