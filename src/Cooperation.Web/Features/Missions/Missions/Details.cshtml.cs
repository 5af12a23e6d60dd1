namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>A mission's page; each step of its cycle is a form here for those who may take it.</summary>
public class DetailsModel(GetMission get, MissionFiles files, AssessMission assess, DecideMission decide, StartMission start, CloseMission close,
    IStringLocalizer<DetailsModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? Relevance { get; set; }
    [BindProperty] public string? Feasibility { get; set; }
    [BindProperty] public string? Risks { get; set; }
    [BindProperty] public string? DecisionReason { get; set; }
    [BindProperty] public string? ActualStartDate { get; set; }
    [BindProperty] public string? ClosingReason { get; set; }

    public MissionDetails Mission { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnGetLetterAsync(CancellationToken ct) =>
        (await files.HandleAsync(Id, MissionFiles.Which.Letter, ct)).ToPageResult();

    public async Task<IActionResult> OnPostAssessAsync(CancellationToken ct)
    {
        await assess.HandleAsync(Id, new AssessMission.Request(Relevance, Feasibility, Risks, ReadVersion()), ct);
        return Done(text["L'évaluation de la demande a été enregistrée."]);
    }

    public async Task<IActionResult> OnPostDecideAsync(string? decision, CancellationToken ct)
    {
        await decide.HandleAsync(Id, new DecideMission.Request(decision, DecisionReason, ReadVersion()), ct);
        return Done(text["La décision a été enregistrée."]);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var day = Date(nameof(ActualStartDate), ActualStartDate);
        ThrowIfInvalid();
        await start.HandleAsync(Id, new StartMission.Request(day, ReadVersion()), ct);
        return Done(text["La mission est en cours."]);
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        await close.HandleAsync(Id, new CloseMission.Request(ClosingReason, ReadVersion()), ct);
        return Done(text["La mission est clôturée."]);
    }

    /// <summary>The reason of a decision or of a closing beside its own form; the cycle's refusals above the page.</summary>
    public override string FormField(string field) => field switch
    {
        "reason" => Request.Query["handler"] == "Close" ? nameof(ClosingReason) : nameof(DecisionReason),
        "relevance" or "feasibility" or "risks" or "actualStartDate" => base.FormField(field),
        _ => "",
    };

    public override async Task OnRefusedAsync(CancellationToken ct) => Mission = await get.HandleAsync(Id, ct);

    private long? ReadVersion() => long.TryParse(Version, out var v) ? v : null;

    private RedirectResult Done(string message)
    {
        TempData["Flash"] = message;
        return Redirect($"/Missions/{Id}");
    }
}
