using Cooperation.Web.Features.Programmes.FollowUp;
using Cooperation.Web.Features.Programmes.Quotas;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>
/// A programme's page: its plan, the steps of its cycle for who may take them (with the reason when he may not), its
/// revisions, and the follow-up of each line with the records behind it; an approved programme's training places as
/// the country's quotas, with the places left to place and the button that places them again.
/// </summary>
public class DetailsModel(GetProgramme get, GetFollowUp followUp, ProgrammeCycle cycle, PrepareNextYear prepare, PlaceQuotas quotas,
    IStringLocalizer<DetailsModel> text)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Assessment { get; set; }

    public ProgrammeDetail Programme { get; private set; } = null!;
    public FollowUpResult FollowUp { get; private set; } = null!;
    /// <summary>The training places as quotas, for an approved country's programme planning some; null otherwise.</summary>
    public QuotaPlacement? Quotas { get; private set; }

    public CycleStep? Step(string step) => Programme.Steps.FirstOrDefault(s => s.Step == step);

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        MoveAsync(ProgrammeCycle.Step.Submit, null, text["Le programme a été soumis au directeur."], ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        MoveAsync(ProgrammeCycle.Step.Approve, null, text["Le programme est approuvé : son plan fait désormais référence."], ct);

    public async Task<IActionResult> OnPostQuotasAsync(CancellationToken ct)
    {
        TempData["Flash"] = quotas.Describe(await quotas.HandleAsync(Id, ct));
        return Redirect($"/Programmes/{Id}");
    }

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        MoveAsync(ProgrammeCycle.Step.Return, Comment, text["Le programme a été renvoyé avec vos observations."], ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        MoveAsync(ProgrammeCycle.Step.Close, Assessment, text["Le programme est clôturé."], ct);

    public async Task<IActionResult> OnPostNextYearAsync(CancellationToken ct)
    {
        var next = await prepare.HandleAsync(Id, ct);
        TempData["Flash"] = text["Le programme de l'année suivante est préparé en projet : ajustez-le."].Value;
        return Redirect($"/Programmes/{next}/Edit");
    }

    /// <summary>The comment of a return and the assessment of a closing beside their forms; the cycle's refusals above the page.</summary>
    public override string FormField(string field) => field switch
    {
        "comment" => nameof(Comment),
        "assessment" => nameof(Assessment),
        _ => "",
    };

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Programme = await get.HandleAsync(Id, ct);
        FollowUp = await followUp.HandleAsync(Programme, ct);
        Quotas = await quotas.ReadAsync(Programme.Key, Programme.StatusValue, ct);
    }

    private async Task<IActionResult> MoveAsync(ProgrammeCycle.Step step, string? comment, string message, CancellationToken ct)
    {
        var placement = await cycle.HandleAsync(Id, step, new ProgrammeCycle.Request(comment, long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = placement is null ? message : $"{message} {quotas.Describe(placement)}".TrimEnd();
        return Redirect($"/Programmes/{Id}");
    }
}
