namespace Cooperation.Web.Features.Partners.Zones;

public class IndexModel(ListZones list, SetZonePriority set, IStringLocalizer<IndexModel> text) : FormPageModel
{
    /// <summary>The zone whose priority is posted (each zone the user may edit has its own form).</summary>
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Priority { get; set; }
    [BindProperty] public string? Version { get; set; }

    public Paged<ZoneRow> Zones { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Zones = await list.HandleAsync(ct);

    public async Task<IActionResult> OnPostPriorityAsync(CancellationToken ct)
    {
        var saved = await set.HandleAsync(new SetZonePriority.Request(Code ?? "", Priority, long.TryParse(Version, out var v) ? v : null), ct);
        var zone = (await list.HandleAsync(ct)).Items.First(z => z.Code == saved.Code);
        TempData["Flash"] = text["Priorité de la zone « {0} » enregistrée : {1}.", zone.Name, zone.PriorityLabel].Value;
        return RedirectToPage();
    }

    /// <summary>A refused priority shows again the zones as they are now, the message beside the zone's select.</summary>
    public override async Task OnRefusedAsync(CancellationToken ct) => Zones = await list.HandleAsync(ct);

    /// <summary>The priority's refusal belongs beside its select; any other (a missing version) above the table.</summary>
    public override string FormField(string field) => field == "priority" ? nameof(Priority) : "";

    /// <summary>The zone whose form was refused, and why.</summary>
    public string? ErrorOf(ZoneRow zone) =>
        string.Equals(zone.Code, Code?.Trim(), StringComparison.OrdinalIgnoreCase) ? Forms.Error(ModelState, nameof(Priority)) : null;
}
