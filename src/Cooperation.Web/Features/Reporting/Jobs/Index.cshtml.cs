namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// The user's reports made in the background (an administrator's: everybody's), their progress and their files; the
/// annual report's preview asks for one here (<see cref="OnPostRequestAsync"/>).
/// </summary>
public class IndexModel(ListReportJobs list, RequestReportJob request, GetReportJob get, IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Zone { get; set; }
    [BindProperty] public string? Lang { get; set; }

    public IReadOnlyList<ReportJobView> Jobs { get; private set; } = [];

    /// <summary>A job still waiting or running: the page follows it (a few lines of script; without script, the Actualiser link).</summary>
    public bool Active => Jobs.Any(j => j.StatusValue is ReportJobStatus.Queued or ReportJobStatus.Running);

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await list.HandleAsync(ct);

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        ThrowIfInvalid();
        var job = await request.HandleAsync(new RequestReportJob.Command(Kind, Year, Zone, Lang), ct);
        TempData["Flash"] = text["Votre demande est enregistrée : le document sera prêt au téléchargement ici même (n° {0}).", job.Id].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct) => (await get.FileAsync(id, ct)).ToPageResult();

    public override async Task OnRefusedAsync(CancellationToken ct) => Jobs = await list.HandleAsync(ct);
}
