
namespace Cooperation.Web.Features.Network.Vacancies;

public class FillModel(FillVacancy fill, ListVacancies list, NetworkChoices choices, Access access, IStringLocalizer<FillModel> text) : PageModel
{
    [BindProperty] public string? CooperantId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }
    [BindProperty] public string? Version { get; set; }

    public VacancyRow Vacancy { get; private set; } = null!;
    public List<CooperantChoice> Cooperants { get; private set; } = [];
    public bool MoreCooperants { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        StartDate = Vacancy.WishedStartDate.ToString("yyyy-MM-dd");
        Version = Vacancy.Version.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var start = NetworkForms.Date(ModelState, text, nameof(StartDate), StartDate);
        var plannedEnd = NetworkForms.Date(ModelState, text, nameof(PlannedEndDate), PlannedEndDate);
        if (!ModelState.IsValid) return Page();
        try
        {
            var cooperantId = NetworkForms.Int(CooperantId);
            await fill.HandleAsync(id, new FillVacancy.Request(cooperantId, start, plannedEnd, long.TryParse(Version, out var v) ? v : null), ct);
            TempData["Flash"] = text["Le poste est pourvu : l'affectation du coopérant a été créée."].Value;
            return Redirect($"/Network/Cooperants/Details/{cooperantId}");
        }
        catch (InvalidInputException e) { NetworkForms.Show(ModelState, e); }
        catch (DomainException e) { NetworkForms.Show(ModelState, text, e); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
        catch (ForbiddenException) { return Forbid(); }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        if (await list.FindAsync(id, ct) is not { } vacancy) return NotFound();
        Vacancy = vacancy;
        if (!await access.CanEditCountryAsync(vacancy.CountryId, ct)) return Forbid();
        (Cooperants, MoreCooperants) = await choices.CooperantsAsync(Search, ct);
        return null;
    }
}
