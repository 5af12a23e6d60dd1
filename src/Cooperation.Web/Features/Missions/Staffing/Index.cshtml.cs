using Cooperation.Web.Features.Missions.Experts;
using Cooperation.Web.Features.Missions.Missions;
using Cooperation.Web.Features.Network;

namespace Cooperation.Web.Features.Missions.Staffing;

/// <summary>Assigns an expert to a mission: a coopérant the desk officer may post, or a short-term expert of the registry.</summary>
public class IndexModel(AssignExpert assign, GetMission get, NetworkChoices network, ListExperts experts, IStringLocalizer<IndexModel> text)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? CooperantId { get; set; }
    [BindProperty] public string? ExpertId { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? Days { get; set; }
    [BindProperty] public string? Version { get; set; }

    public MissionDetails Mission { get; private set; } = null!;
    public List<CooperantChoice> Cooperants { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Experts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        (StartDate, EndDate) = (Calendar.Iso(Mission.PlannedStartDate), Calendar.Iso(Mission.PlannedEndDate));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Date(nameof(StartDate), StartDate);
        var end = Date(nameof(EndDate), EndDate);
        var days = Number(nameof(Days), Days);
        ThrowIfInvalid();
        await assign.HandleAsync(Id, new AssignExpert.Request(FormValues.Int(CooperantId), FormValues.Int(ExpertId), start, end, days,
            long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["L'expert est affecté à la mission."].Value;
        return Redirect($"/Missions/{Id}");
    }

    /// <summary>"One of the two" shows above both choices.</summary>
    public override string FormField(string field) => field is "expert" or "status" ? "" : base.FormField(field);

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Mission = await get.HandleAsync(Id, ct);
        if (!Mission.Can.Conduct) throw new ForbiddenException();
        Cooperants = (await network.CooperantsAsync(null, ct)).Choices;
        Experts = await experts.ChoicesAsync(ct);
    }
}
