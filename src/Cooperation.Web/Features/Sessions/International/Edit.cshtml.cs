namespace Cooperation.Web.Features.Sessions.International;

/// <summary>
/// Changes an international session (theme, slot, zone, dates, place, invited countries) for those who manage its zone,
/// guarded by the version read: a session changed meanwhile is refused, never overwritten.
/// </summary>
public class EditModel(EditInternationalSession edit, GetInternationalSession get, ReferenceLists references, IStringLocalizer<EditModel> text)
    : SessionFormPage(references)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }

    public InternationalSessionPage Session { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        var s = Session.Session;
        (Year, Slot, Zone, Theme, Place) = (Invariant(s.Year), Invariant(s.Number), s.Zone, s.Theme, s.Place);
        (StartDate, EndDate) = (Calendar.Iso(s.StartDate), Calendar.Iso(s.EndDate));
        InvitedCountries = string.Join(", ", Session.InvitedCountries.Select(c => c.Iso2).Order());
        Version = Invariant(s.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = (await get.HandleAsync(Id, ct)).Session;
        // The FICA forum stays as it was while the zone does not change; a new zone takes its own default.
        var withFica = string.Equals(Zone?.Trim(), current.Zone, StringComparison.OrdinalIgnoreCase) ? current.WithFica : (bool?)null;
        var input = Input(withFica, FormValues.Int(Version));
        ThrowIfInvalid();
        await edit.HandleAsync(Id, input, ct);
        TempData["Flash"] = text["La session internationale a été modifiée."].Value;
        return Redirect($"/Sessions/International/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Session = await get.HandleAsync(Id, ct);
        ForbiddenException.ThrowUnless(Session.CanManage);
        await LoadZonesAsync();
    }

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
