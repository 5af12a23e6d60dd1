namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>A session's page; its managers change its status and quotas here.</summary>
public class DetailsModel(GetSession get, ListSessions list, ChangeSessionStatus change, SetQuota setQuota, SessionChoices choices, TimeProvider clock,
    IStringLocalizer<DetailsModel> text) : SessionFormPage
{
    /// <summary>Rows for countries not yet invited, in the quota form.</summary>
    public const int NewQuotaRows = 3;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public List<QuotaLine> Quotas { get; set; } = [];

    public SessionPage Session { get; private set; } = null!;
    public List<SelectListItem> Countries { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnGetIcsAsync(CancellationToken ct) =>
        SessionCalendar.File([await list.GetAsync(Id, ct)], text, $"session-{Id}", clock);

    /// <summary>Open, close, cancel or complete, from the buttons of the page.</summary>
    public async Task<IActionResult> OnPostStatusAsync(string? action, CancellationToken ct)
    {
        if (action is null || !ChangeSessionStatus.All.Contains(action)) return BadRequest();
        await change.HandleAsync(Id, action, new ChangeSessionStatus.Request(VersionRead), ct);
        TempData["Flash"] = (action switch
        {
            ChangeSessionStatus.Open => text["La session est ouverte aux candidatures."],
            ChangeSessionStatus.Close => text["Les candidatures à la session sont closes."],
            ChangeSessionStatus.Cancel => text["La session a été annulée."],
            _ => text["La session est terminée."],
        }).Value;
        return Redirect($"/Schools/Sessions/{Id}");
    }

    /// <summary>The whole quota table at once: changed seats, new countries, 0 to withdraw an invitation.</summary>
    public async Task<IActionResult> OnPostQuotasAsync(CancellationToken ct)
    {
        var quotas = QuotaInputs(Quotas);
        ThrowIfInvalid();
        await setQuota.HandleAsync(Id, new SetQuota.Request(VersionRead, quotas), ct);
        TempData["Flash"] = text["Les quotas de la session ont été enregistrés."].Value;
        return Redirect($"/Schools/Sessions/{Id}#quotas");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Session = await get.HandleAsync(Id, ct);
        // A refused quota table shows again as typed; otherwise the table shows the session's quotas.
        if (Quotas.Count == 0) Quotas = Session.Quotas.Select(q => new QuotaLine { Country = q.Country, Seats = q.Seats.ToString() }).ToList();
        if (Session.CanManage && !Session.Finished)
        {
            Countries = await choices.PartnerCountriesAsync(ct);
            while (Quotas.Count(q => string.IsNullOrWhiteSpace(q.Country)) < NewQuotaRows) Quotas.Add(new QuotaLine());
        }
    }

    public string ActionLabel(string action) => action switch
    {
        ChangeSessionStatus.Open => text["Ouvrir aux candidatures"],
        ChangeSessionStatus.Close => text["Clore les candidatures"],
        ChangeSessionStatus.Cancel => text["Annuler la session"],
        _ => text["Déclarer la session terminée"],
    };

    private long? VersionRead => long.TryParse(Version, out var v) ? v : null;
}
