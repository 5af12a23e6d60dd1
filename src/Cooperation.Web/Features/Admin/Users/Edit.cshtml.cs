namespace Cooperation.Web.Features.Admin.Users;

public class EditModel(ListUsers list, EditUser edit, SetUserLock setLock, ResetUserPassword resetPassword, UserRules rules, Access access,
    ReferenceLists lists, IStringLocalizer<EditModel> text) : UserFormModel(lists)
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? ConcurrencyStamp { get; set; }
    /// <summary>A new password, posted alone by the password form.</summary>
    [BindProperty] public string? Password { get; set; }

    public string PasswordHint => rules.PasswordHint();

    public UserRow Account { get; private set; } = null!;
    public bool IsSelf => Account.Id == access.UserId;

    /// <summary>The lock and password forms post none of the role form's fields: refused, the page shows the account as it is.</summary>
    private bool _lockPosted;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        ShowAccount();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cooperantId = Number(nameof(CooperantId), CooperantId);
        ThrowIfInvalid();
        await edit.HandleAsync(Id, new EditUser.Request(DisplayName, Role, Zones, Country, cooperantId, ConcurrencyStamp), ct);
        TempData["Flash"] = text["Les droits de l'utilisateur ont été enregistrés."].Value;
        return Redirect($"/Admin/Users/{Id}/Edit");
    }

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) => LockAsync(true, ct);
    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => LockAsync(false, ct);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        _lockPosted = true;
        await resetPassword.HandleAsync(Id, new ResetUserPassword.Request(Password), ct);
        TempData["Flash"] = text["Le mot de passe est remplacé : les sessions en cours de ce compte prennent fin."].Value;
        return Redirect($"/Admin/Users/{Id}/Edit");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Account = await list.GetAsync(Id, ct);
        await LoadChoicesAsync();
        if (_lockPosted) ShowAccount();
    }

    private async Task<IActionResult> LockAsync(bool locked, CancellationToken ct)
    {
        _lockPosted = true;
        await setLock.HandleAsync(Id, locked, ct);
        TempData["Flash"] = text[locked ? "Le compte est verrouillé : il ne peut plus se connecter." : "Le compte est déverrouillé."].Value;
        return Redirect($"/Admin/Users/{Id}/Edit");
    }

    private void ShowAccount()
    {
        DisplayName = Account.DisplayName;
        Role = Account.Role;
        Zones = Account.Zones.Select(z => z.Code).ToList();
        Country = Account.CountryIso2;
        CooperantId = Account.CooperantId?.ToString();
        ConcurrencyStamp = Account.ConcurrencyStamp;
    }
}
