using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>Changes a request until it is decided.</summary>
public class EditModel(EditMission edit, GetMission get, ReferenceLists references, ProjectChoices projects, IStringLocalizer<EditModel> text)
    : MissionFormPage(references, projects)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public MissionDetails Mission { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        var m = Mission;
        (Country, Organisation, HostAuthorityType, HostAuthorityName, RequestedBy) =
            (m.Organisation is null ? m.Country : null, m.Organisation, m.HostAuthorityType, m.HostAuthorityName, m.RequestedBy);
        (RequestedOn, Subject, Domain, Form) = (Calendar.Iso(m.RequestedOn), m.Subject, m.Domain, m.Form);
        (PlannedStartDate, PlannedEndDate, ProjectId, Version) =
            (Calendar.Iso(m.PlannedStartDate), Calendar.Iso(m.PlannedEndDate), m.Project?.Id.ToString(), m.Version.ToString());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await edit.HandleAsync(Id, ReadForm(), ct);
        TempData["Flash"] = text["La demande de mission a été modifiée."].Value;
        return Redirect($"/Missions/{Id}");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Mission = await get.HandleAsync(Id, ct);
        if (!Mission.Can.Conduct) throw new ForbiddenException();
        await LoadChoicesAsync(ct);
    }
}
