using Cooperation.Web.Features.Missions.Missions;

namespace Cooperation.Web.Features.Missions.Reports;

/// <summary>The report of a mission: submitted here by its desk officers; its file downloaded by those who read it.</summary>
public class IndexModel(GetMission get, ReportMission report, MissionFiles files, IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? ActualEndDate { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public IFormFile? Report { get; set; }
    [BindProperty] public string? Version { get; set; }

    public MissionDetails Mission { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        ActualEndDate = Calendar.Iso(Mission.ActualEndDate ?? Mission.PlannedEndDate);
        Summary = Mission.Summary;
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        (await files.HandleAsync(Id, MissionFiles.Which.Report, ct)).ToPageResult();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var end = Date(nameof(ActualEndDate), ActualEndDate);
        ThrowIfInvalid();
        await report.HandleAsync(Id, new ReportMission.Request(end, Summary, Report, long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["Le rapport de mission a été remis."].Value;
        return Redirect($"/Missions/{Id}");
    }

    /// <summary>The cycle's refusals show above the form.</summary>
    public override string FormField(string field) => field == "status" ? "" : base.FormField(field);

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Mission = await get.HandleAsync(Id, ct);
        if (!Mission.Can.Conduct) throw new ForbiddenException();
    }
}
