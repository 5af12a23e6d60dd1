using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Schools.Sessions;

public class EditModel(EditSession edit, ProjectChoices projects, IStringLocalizer<EditModel> text) : SessionTermsPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }

    public SessionRow Session { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Version = Session.Version.ToString();
        StartDate = Session.StartDate.ToString("yyyy-MM-dd");
        EndDate = Session.EndDate.ToString("yyyy-MM-dd");
        Place = Session.Place;
        Capacity = Session.Capacity.ToString();
        ProjectId = Session.ProjectId?.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (start, end, capacity) = Terms();
        ThrowIfInvalid();
        await edit.HandleAsync(Id, new EditSession.Request(long.TryParse(Version, out var v) ? v : null, start, end, Place, capacity, FormValues.Int(ProjectId)), ct);
        TempData["Flash"] = text["La session a été modifiée."].Value;
        return Redirect($"/Schools/Sessions/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Session = await edit.SessionAsync(Id, ct);
        Projects = await projects.ForActionsAsync(ct);
    }
}
