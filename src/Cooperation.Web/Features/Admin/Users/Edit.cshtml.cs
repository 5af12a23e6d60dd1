namespace Cooperation.Web.Features.Admin.Users;

public class EditModel(ListUsers list, EditUser edit, SetUserLock setLock, Access access, ReferenceLists lists,
    IStringLocalizer<EditModel> text) : UserFormModel(lists)
{
    [BindProperty] public string? ConcurrencyStamp { get; set; }

    public UserRow Account { get; private set; } = null!;
    public bool IsSelf => Account.Id == access.UserId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        DisplayName = Account.DisplayName;
        Role = Account.Role;
        Zones = Account.Zones.Select(z => z.Code).ToList();
        Country = Account.CountryIso2;
        CooperantId = Account.CooperantId?.ToString();
        ConcurrencyStamp = Account.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!TryCooperantId(out var cooperantId))
            ModelState.AddModelError(nameof(CooperantId), text["user.cooperantIdInvalid"]);
        var result = ModelState.IsValid
            ? await edit.HandleAsync(id, new EditUserRequest(DisplayName, Role, Zones, Country, cooperantId, ConcurrencyStamp), ct)
            : UserCommandResult.Failed([]);
        if (result is null) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = text["Les droits de l'utilisateur ont été enregistrés."].Value;
            return RedirectToPage(new { id });
        }
        AddErrors(result.Errors);
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) => LockAsync(id, true, ct);
    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => LockAsync(id, false, ct);

    private async Task<IActionResult> LockAsync(string id, bool locked, CancellationToken ct)
    {
        var result = await setLock.HandleAsync(id, locked, ct);
        if (result is null) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = text[locked ? "Le compte est verrouillé : il ne peut plus se connecter." : "Le compte est déverrouillé."].Value;
            return RedirectToPage(new { id });
        }
        ModelState.Clear();
        AddErrors(result.Errors);
        if (!await LoadAsync(id, ct)) return NotFound();
        DisplayName = Account.DisplayName;
        Role = Account.Role;
        Zones = Account.Zones.Select(z => z.Code).ToList();
        Country = Account.CountryIso2;
        CooperantId = Account.CooperantId?.ToString();
        ConcurrencyStamp = Account.ConcurrencyStamp;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await list.FindAsync(id, ct) is not { } user) return false;
        Account = user;
        await LoadChoicesAsync();
        return true;
    }
}
