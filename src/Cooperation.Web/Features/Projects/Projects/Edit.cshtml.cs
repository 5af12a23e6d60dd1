using Cooperation.Web.Features.Projects.Classification;

namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>
/// Changes a project. When someone changed it since the form was read, the page shows the form as sent beside the
/// version now stored, field by field where they differ, and the stored version to send back (never a silent overwrite).
/// </summary>
public class EditModel(EditProject edit, GetProject get, ProjectAccess projects, ProjectChoices choices, ProjectClassification classification,
    IStringLocalizer<EditModel> text) : ProjectFormPage(choices, classification)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }

    public ProjectDetails Project { get; private set; } = null!;

    /// <summary>On a conflict: the fields that differ, with what was sent and what is stored.</summary>
    public IReadOnlyList<(string Label, string Sent, string Stored)> Differences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = ProjectForm.From(Project);
        Version = Project.Version.ToString();
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await edit.HandleAsync(Id, ReadForm(long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["Le projet a été modifié."].Value;
        return Redirect($"/Projects/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ModelState[ConflictKey]?.Errors.Count > 0)
        {
            var sent = Form.Describe(text);
            var stored = ProjectForm.From(Project).Describe(text);
            Differences = sent.Zip(stored).Where(p => p.First.Value != p.Second.Value).Select(p => (p.First.Label, p.First.Value, p.Second.Value)).ToList();
            // The next save is made against the stored version, the user having seen it.
            Version = Project.Version.ToString();
            ModelState.Remove(nameof(Version));
        }
        await LoadChoicesAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await projects.EnsureEditableAsync(Id, ct);
        Project = await get.HandleAsync(Id, ct);
    }
}
