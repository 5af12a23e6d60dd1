using Cooperation.Web.Features.Projects.Projects;
using Cooperation.Web.Features.Schools;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>Drafts a programme for a country of the desk officer's zones.</summary>
public class CreateModel(CreateProgramme create, Access access, ReferenceLists references, SchoolChoices schools, ProjectChoices projects,
    TimeProvider clock, IStringLocalizer<CreateModel> text) : ProgrammeFormPage(references, schools, projects)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = (clock.Today().Year + 1).ToString();
        await OnRefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await create.HandleAsync(ReadForm(), ct);
        TempData["Flash"] = text["Le programme a été créé en projet."].Value;
        return Redirect($"/Programmes/{id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        ForbiddenException.ThrowUnless(access.CanDraftProgrammes);
        // The countries she drafts for: those of her zones (all of them for an administrator).
        await LoadChoicesAsync(access.IsAdministrator ? null : await access.PersonalDataCountryIdsAsync(ct), ct);
    }
}
