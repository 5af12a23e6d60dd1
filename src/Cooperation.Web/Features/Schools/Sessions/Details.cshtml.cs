using Cooperation.Web.Features.Schools.Catalogue;

namespace Cooperation.Web.Features.Schools.Sessions;

/// <summary>A session's page; its managers change its status and quotas here.</summary>
public class DetailsModel(GetSession get, ChangeSessionStatus change, SetQuota setQuota, ReferenceLists references, CooperationDbContext db, TimeProvider clock,
    IStringLocalizer<DetailsModel> text) : PageModel
{
    /// <summary>Rows for countries not yet invited, in the quota form.</summary>
    public const int NewQuotaRows = 3;

    [BindProperty] public string? Version { get; set; }
    [BindProperty] public List<QuotaLine> Quotas { get; set; } = [];

    public SessionPage Session { get; private set; } = null!;
    public List<SelectListItem> Countries { get; private set; } = [];

    public sealed class QuotaLine
    {
        public string? Country { get; set; }
        public string? Seats { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } session) return NotFound();
        Session = session;
        Quotas = session.Quotas.Select(q => new QuotaLine { Country = q.Country, Seats = q.Seats.ToString() }).ToList();
        return await ShowAsync();
    }

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } session) return NotFound();
        return SessionCalendar.File([session.Session], text, $"session-{id}", clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Open, close, cancel or complete, from the buttons of the page.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, string? action, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } session) return NotFound();
        Session = session;
        if (action is null || !ChangeSessionStatus.All.Contains(action)) return BadRequest();
        try
        {
            await change.HandleAsync(id, action, new ChangeSessionStatus.Request(long.TryParse(Version, out var v) ? v : null), ct);
            TempData["Flash"] = (action switch
            {
                ChangeSessionStatus.Open => text["La session est ouverte aux candidatures."],
                ChangeSessionStatus.Close => text["Les candidatures à la session sont closes."],
                ChangeSessionStatus.Cancel => text["La session a été annulée."],
                _ => text["La session est terminée."],
            }).Value;
            return Redirect($"/Schools/Sessions/{id}");
        }
        catch (DomainException e) { ModelState.AddModelError("", text[e.MessageKey, e.Args].Value); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
        catch (ForbiddenException) { return Forbid(); }
        catch (RecordNotFoundException) { return NotFound(); }
        Quotas = session.Quotas.Select(q => new QuotaLine { Country = q.Country, Seats = q.Seats.ToString() }).ToList();
        return await ShowAsync();
    }

    /// <summary>The whole quota table at once: changed seats, new countries, 0 to withdraw an invitation.</summary>
    public async Task<IActionResult> OnPostQuotasAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } session) return NotFound();
        Session = session;
        var lines = new List<QuotaInput>();
        foreach (var line in Quotas)
        {
            if (string.IsNullOrWhiteSpace(line.Country) && string.IsNullOrWhiteSpace(line.Seats)) continue;
            lines.Add(new QuotaInput(line.Country, TrainingForms.Int(ModelState, text, "Quotas", line.Seats)));
        }
        if (ModelState.IsValid)
        {
            try
            {
                await setQuota.HandleAsync(id, new SetQuota.Request(long.TryParse(Version, out var v) ? v : null, lines), ct);
                TempData["Flash"] = text["Les quotas de la session ont été enregistrés."].Value;
                return Redirect($"/Schools/Sessions/{id}#quotas");
            }
            catch (InvalidInputException e) { TrainingForms.Show(ModelState, e); }
            catch (DomainException e) { TrainingForms.Show(ModelState, text, e); }
            catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
            catch (ForbiddenException) { return Forbid(); }
            catch (RecordNotFoundException) { return NotFound(); }
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Version ??= Session.Session.Version.ToString();
        if (Session.CanManage)
        {
            Countries = await references.CountriesAsync(await CatalogueCodes.PartnerCountryIdsAsync(db, HttpContext.RequestAborted));
            while (Quotas.Count(q => string.IsNullOrWhiteSpace(q.Country)) < NewQuotaRows) Quotas.Add(new QuotaLine());
        }
        return Page();
    }

    public bool Finished => Session.Session.Status is nameof(SessionStatus.Completed) or nameof(SessionStatus.Cancelled);

    public string ActionLabel(string action) => action switch
    {
        ChangeSessionStatus.Open => text["Ouvrir aux candidatures"],
        ChangeSessionStatus.Close => text["Clore les candidatures"],
        ChangeSessionStatus.Cancel => text["Annuler la session"],
        _ => text["Déclarer la session terminée"],
    };
}
