namespace Cooperation.Web.Features.Admin.Users;

/// <summary>What the creation and edition forms share: display name, role and scope, and their choices.</summary>
public abstract class UserFormModel(ReferenceLists lists) : FormPageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public List<string> Zones { get; set; } = [];
    [BindProperty] public string? Country { get; set; }
    /// <summary>Kept as typed, so that a wrong value gets our message rather than the model binder's.</summary>
    [BindProperty] public string? CooperantId { get; set; }

    public List<SelectListItem> ZoneChoices { get; private set; } = [];
    public List<SelectListItem> CountryChoices { get; private set; } = [];

    public static readonly string[] RoleChoices = Roles.All;

    protected async Task LoadChoicesAsync()
    {
        ZoneChoices = await lists.ZonesAsync();
        CountryChoices = await lists.CountriesAsync();
    }
}
