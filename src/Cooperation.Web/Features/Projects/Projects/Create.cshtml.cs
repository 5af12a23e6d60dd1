using Cooperation.Web.Features.Projects.Classification;

namespace Cooperation.Web.Features.Projects.Projects;

public class CreateModel(CreateProject create, ProjectChoices choices, ProjectClassification classification, IStringLocalizer<CreateModel> text)
    : ProjectFormPage(choices, classification)
{
    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await create.HandleAsync(ReadForm(), ct);
        TempData["Flash"] = text["Le projet a été créé : il est identifié."].Value;
        return Redirect($"/Projects/{id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        create.Authorize();
        await LoadChoicesAsync(ct);
    }
}
