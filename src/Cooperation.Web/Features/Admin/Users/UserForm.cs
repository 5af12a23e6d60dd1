using Microsoft.AspNetCore.Authorization;

namespace Cooperation.Web.Features.Admin.Users;

/// <summary>What the creation and edition forms share: display name, role and scope, their choices and their errors.</summary>
[Authorize(Roles = Roles.Administrator)]
public abstract class UserFormModel(ReferenceLists lists) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public List<string> Zones { get; set; } = [];
    [BindProperty] public string? Country { get; set; }
    /// <summary>Kept as typed, so that a wrong value gets our message rather than the model binder's.</summary>
    [BindProperty] public string? CooperantId { get; set; }

    public List<SelectListItem> ZoneChoices { get; private set; } = [];
    public List<SelectListItem> CountryChoices { get; private set; } = [];

    protected async Task LoadChoicesAsync()
    {
        ZoneChoices = await lists.ZonesAsync();
        CountryChoices = await lists.CountriesAsync();
    }

    /// <summary>The coopérant record id, or null; false when the text is no number.</summary>
    protected bool TryCooperantId(out int? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(CooperantId)) return true;
        if (!int.TryParse(CooperantId.Trim(), out var value) || value <= 0) return false;
        id = value;
        return true;
    }

    /// <summary>The use case names fields as the API does; the form names them as its inputs.</summary>
    protected void AddErrors(FieldErrors errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                ModelState.AddModelError(field switch
                {
                    "" => "",
                    "zones" => nameof(Zones),
                    "country" => nameof(Country),
                    _ => char.ToUpperInvariant(field[0]) + field[1..],
                }, message);
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public IEnumerable<string> GeneralErrors => ModelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public static readonly string[] RoleChoices = Roles.All;
}
