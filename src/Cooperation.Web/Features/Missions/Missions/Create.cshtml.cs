using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

public class CreateModel(RecordMission record, ReferenceLists references, ProjectChoices projects, IStringLocalizer<CreateModel> text)
    : MissionFormPage(references, projects)
{
    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await record.HandleAsync(ReadForm(), Letter, ct);
        TempData["Flash"] = text["La demande de mission a été enregistrée."].Value;
        return Redirect($"/Missions/{id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        record.Authorize();
        await LoadChoicesAsync(ct);
    }
}
