using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Network.Postings;

public class EditModel(EditPosting edit, NetworkChoices choices, ReferenceLists references, ProjectChoices projects, IStringLocalizer<EditModel> text)
    : PostingFormPage(choices, references)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? ActualEndDate { get; set; }

    public PostingRow Posting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Version = Posting.Version.ToString();
        Destination = Network.Destinations.FormValue(Posting.Country, Posting.Organisation);
        HostAuthorityType = Posting.HostAuthorityType;
        HostAuthorityName = Posting.HostAuthorityName;
        PositionTitle = Posting.PositionTitle;
        StartDate = Posting.StartDate.ToString("yyyy-MM-dd");
        PlannedEndDate = Posting.PlannedEndDate.ToString("yyyy-MM-dd");
        ActualEndDate = Posting.ActualEndDate?.ToString("yyyy-MM-dd");
        ProjectId = Posting.ProjectId?.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Date(nameof(StartDate), StartDate);
        var plannedEnd = Date(nameof(PlannedEndDate), PlannedEndDate);
        var actualEnd = Date(nameof(ActualEndDate), ActualEndDate);
        ThrowIfInvalid();
        var (country, organisation) = Network.Destinations.Split(Destination);
        await edit.HandleAsync(Id, new EditPosting.Request(long.TryParse(Version, out var v) ? v : null, country, organisation,
            HostAuthorityType, HostAuthorityName, PositionTitle, start, plannedEnd, actualEnd, FormValues.Int(ProjectId)), ct);
        TempData["Flash"] = text["L'affectation a été modifiée."].Value;
        var posting = await edit.PostingAsync(Id, ct);
        return Redirect($"/Network/Cooperants/{posting.CooperantId}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Posting = await edit.PostingAsync(Id, ct);
        await LoadPlaceChoicesAsync(ct);
        Projects = await projects.ForActionsAsync(ct);
    }
}
