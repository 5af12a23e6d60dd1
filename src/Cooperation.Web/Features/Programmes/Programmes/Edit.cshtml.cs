using Cooperation.Web.Features.Projects.Projects;
using Cooperation.Web.Features.Schools;
using Cooperation.Web.Features.Programmes.Quotas;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>Changes the plan of a draft or returned programme; revises an approved one, with its reason.</summary>
public class EditModel(EditProgramme edit, ReviseProgramme revise, GetProgramme get, ReferenceLists references, SchoolChoices schools,
    ProjectChoices projects, PlaceQuotas quotas, IStringLocalizer<EditModel> text) : ProgrammeFormPage(references, schools, projects)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public ProgrammeDetail Programme { get; private set; } = null!;

    /// <summary>Approved: the change is a revision, which gives its reason.</summary>
    public bool IsRevision => Domain.Programme.IsApproved(Programme.StatusValue);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Fill(await get.HandleAsync(Id, ct));
        await OnRefusedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Programme = await get.HandleAsync(Id, ct);
        var input = ReadForm() with { Country = Programme.Country, Year = Programme.Year };
        if (IsRevision)
        {
            var placement = await revise.HandleAsync(Id, input, ct);
            TempData["Flash"] = $"{text["Le programme a été révisé."]} {quotas.Describe(placement)}".TrimEnd();
        }
        else
        {
            await edit.HandleAsync(Id, input, ct);
            TempData["Flash"] = text["Le programme a été modifié."].Value;
        }
        return Redirect($"/Programmes/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Programme = await get.HandleAsync(Id, ct);
        var step = Programme.Steps.FirstOrDefault(s => s.Step == (Domain.Programme.IsApproved(Programme.StatusValue) ? "revise" : "edit"));
        if (step is not { Allowed: true }) throw new ForbiddenException();
        await LoadChoicesAsync(null, ct);
    }
}
