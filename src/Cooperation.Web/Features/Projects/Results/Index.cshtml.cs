namespace Cooperation.Web.Features.Projects.Results;

/// <summary>The results chain of a project: outcomes, outputs, indicators, and the actual values recorded year by year.</summary>
public class IndexModel(GetResults get, AddResult addResult, AddIndicator addIndicator, RecordActual record, IStringLocalizer<IndexModel> text)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? OutcomeId { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Baseline { get; set; }
    [BindProperty] public string? BaselineYear { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? TargetYear { get; set; }
    [BindProperty] public string? ResultId { get; set; }
    [BindProperty] public string? IndicatorId { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Value { get; set; }

    public ResultsChain Chain { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostResultAsync(CancellationToken ct)
    {
        await addResult.HandleAsync(Id, new AddResult.Request(Level, Title, FormValues.Int(OutcomeId)), ct);
        TempData["Flash"] = text["Le résultat a été ajouté."].Value;
        return Redirect($"/Projects/{Id}/Results");
    }

    public async Task<IActionResult> OnPostIndicatorAsync(CancellationToken ct)
    {
        var baseline = Decimal(nameof(Baseline), Baseline);
        var target = Decimal(nameof(Target), Target);
        var (baselineYear, targetYear) = (Number(nameof(BaselineYear), BaselineYear), Number(nameof(TargetYear), TargetYear));
        ThrowIfInvalid();
        await addIndicator.HandleAsync(Id, new AddIndicator.Request(Title, Unit, baseline, baselineYear, target, targetYear, FormValues.Int(ResultId)), ct);
        TempData["Flash"] = text["L'indicateur a été ajouté."].Value;
        return Redirect($"/Projects/{Id}/Results");
    }

    public async Task<IActionResult> OnPostActualAsync(CancellationToken ct)
    {
        var (year, value) = (Number(nameof(Year), Year), Decimal(nameof(Value), Value));
        ThrowIfInvalid();
        await record.HandleAsync(Id, FormValues.Int(IndicatorId) ?? 0, new RecordActual.Request(year, value), ct);
        TempData["Flash"] = text["La valeur constatée a été enregistrée."].Value;
        return Redirect($"/Projects/{Id}/Results");
    }

    public override async Task OnRefusedAsync(CancellationToken ct) => Chain = await get.HandleAsync(Id, ct);
}
