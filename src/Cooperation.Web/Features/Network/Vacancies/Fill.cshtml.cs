namespace Cooperation.Web.Features.Network.Vacancies;

public class FillModel(FillVacancy fill, NetworkChoices choices, IStringLocalizer<FillModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? CooperantId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }
    [BindProperty] public string? Version { get; set; }

    public VacancyRow Vacancy { get; private set; } = null!;
    public List<CooperantChoice> Cooperants { get; private set; } = [];
    public bool MoreCooperants { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        StartDate = Vacancy.WishedStartDate.ToString("yyyy-MM-dd");
        Version = Vacancy.Version.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Date(nameof(StartDate), StartDate);
        var plannedEnd = Date(nameof(PlannedEndDate), PlannedEndDate);
        ThrowIfInvalid();
        var cooperantId = FormValues.Int(CooperantId);
        await fill.HandleAsync(Id, new FillVacancy.Request(cooperantId, start, plannedEnd, long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["Le poste est pourvu : l'affectation du coopérant a été créée."].Value;
        return Redirect($"/Network/Cooperants/{cooperantId}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Vacancy = await fill.VacancyAsync(Id, ct);
        (Cooperants, MoreCooperants) = await choices.CooperantsAsync(Search, ct);
    }

    /// <summary>The vacancy's own refusal (already filled) belongs to the form, not to a field.</summary>
    public override string FormField(string field) => field == "vacancy" ? "" : base.FormField(field);
}
