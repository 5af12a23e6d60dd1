using Cooperation.Web.Features.Missions.Missions;

namespace Cooperation.Web.Features.Missions.Recommendations;

/// <summary>A mission's recommendations: added by its desk officers, followed up with dated notes by them and by its country's coopérant.</summary>
public class IndexModel(GetMission get, AddRecommendation add, FollowUpRecommendation follow, IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? OwnerAuthority { get; set; }
    [BindProperty] public string? DueDate { get; set; }
    [BindProperty] public string? Priority { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Version { get; set; }
    /// <summary>The recommendation a follow-up note is about.</summary>
    [BindProperty] public int? RecommendationId { get; set; }

    public MissionDetails Mission { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var due = Date(nameof(DueDate), DueDate);
        ThrowIfInvalid();
        await add.HandleAsync(Id, new AddRecommendation.Request(Text, OwnerAuthority, due, Priority), ct);
        TempData["Flash"] = text["La recommandation a été ajoutée."].Value;
        return Redirect($"/Missions/{Id}/Recommendations");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(CancellationToken ct)
    {
        var missionId = await follow.HandleAsync(RecommendationId ?? 0, new FollowUpRecommendation.Request(Note, Status,
            long.TryParse(Version, out var v) ? v : null), ct);
        if (missionId != Id) throw new RecordNotFoundException();
        TempData["Flash"] = text["La note de suivi a été enregistrée."].Value;
        return Redirect($"/Missions/{Id}/Recommendations");
    }

    /// <summary>The follow-up's fields are those of the recommendation followed; the cycle's refusals show above the page.</summary>
    public override string FormField(string field) => field switch
    {
        "note" => $"Note-{RecommendationId}",
        "status" when Request.Query["handler"] == "FollowUp" => $"Status-{RecommendationId}",
        "text" or "ownerAuthority" or "dueDate" or "priority" => base.FormField(field),
        _ => "",
    };

    public override async Task OnRefusedAsync(CancellationToken ct) => Mission = await get.HandleAsync(Id, ct);
}
