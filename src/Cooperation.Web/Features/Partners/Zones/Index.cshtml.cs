namespace Cooperation.Web.Features.Partners.Zones;

public class IndexModel(ListZones list, SetZonePriority set, IStringLocalizer<IndexModel> text) : PageModel
{
    public Paged<ZoneRow> Zones { get; private set; } = null!;

    /// <summary>The zone whose save failed, and why (shown next to its priority).</summary>
    public string? ErrorZone { get; private set; }
    public string? ErrorMessage { get; private set; }
    /// <summary>Someone else changed a zone meanwhile: the page shows the fresh values with this message.</summary>
    public string? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Zones = await list.HandleAsync(ct);

    public async Task<IActionResult> OnPostPriorityAsync(string code, string? priority, long? version, CancellationToken ct)
    {
        try
        {
            var saved = await set.HandleAsync(new SetZonePriorityCommand(code, priority, version), ct);
            if (saved is null) return NotFound();
            var zone = (await list.HandleAsync(ct)).Items.First(z => z.Code == saved.Code);
            TempData["Flash"] = text["Priorité de la zone « {0} » enregistrée : {1}.", zone.Name, zone.PriorityLabel].Value;
            return RedirectToPage();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DomainException e)
        {
            ErrorZone = code;
            ErrorMessage = text[e.MessageKey, e.Args];
        }
        catch (DbUpdateConcurrencyException)
        {
            ErrorZone = code;
            Conflict = text["common.concurrency"];
        }
        Zones = await list.HandleAsync(ct);
        return Page();
    }
}
