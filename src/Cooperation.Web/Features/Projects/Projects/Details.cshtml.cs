namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>A project's page; those who may change it move it along its cycle here.</summary>
public class DetailsModel(GetProject get, ChangeProjectStatus change, Access access, Missions.Missions.ListMissions missions,
    Donations.Donations.ListDonations donations, IStringLocalizer<DetailsModel> text)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? EvaluationSummary { get; set; }

    public ProjectDetails Project { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostStatusAsync(string? to, CancellationToken ct)
    {
        await change.HandleAsync(Id, new ChangeProjectStatus.Request(to, EvaluationSummary, long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["Le statut du projet a été changé."].Value;
        return Redirect($"/Projects/{Id}");
    }

    /// <summary>A refusal of the status change shows above the page; the evaluation summary beside its field.</summary>
    public override string FormField(string field) => field == "evaluationSummary" ? nameof(EvaluationSummary) : "";

    /// <summary>The project's expertise missions (among those the user reads), for who reads missions.</summary>
    public IReadOnlyList<Missions.Missions.MissionRow>? Missions { get; private set; }

    /// <summary>The donations that complete the project (among those the user reads) and their value, for who reads donations.</summary>
    public (Paged<Donations.Donations.DonationRow> Latest, decimal EuroValue)? Donations { get; private set; }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Project = await get.HandleAsync(Id, ct);
        if (access.SeesMissions) Missions = await missions.AllAsync(new() { ProjectId = Id }, ct);
        if (access.SeesDonations)
            Donations = (await donations.HandleAsync(new() { ProjectId = Id, PageSize = 10 }, ct), await donations.EuroValueAsync(new() { ProjectId = Id }, ct));
    }
}
