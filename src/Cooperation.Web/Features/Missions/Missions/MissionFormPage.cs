using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

/// <summary>The request form's fields and choices, shared by the pages that record and change a request.</summary>
public abstract class MissionFormPage(ReferenceLists references, ProjectChoices projects) : FormPageModel
{
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? HostAuthorityType { get; set; }
    [BindProperty] public string? HostAuthorityName { get; set; }
    [BindProperty] public string? RequestedBy { get; set; }
    [BindProperty] public string? RequestedOn { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Domain { get; set; }
    [BindProperty] public string? Form { get; set; }
    [BindProperty] public string? PlannedStartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }
    [BindProperty] public string? ProjectId { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public IFormFile? Letter { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<SelectListItem> HostAuthorityTypes { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Projects { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Countries = await references.CountriesAsync();
        Organisations = await references.OrganisationsAsync();
        HostAuthorityTypes = await references.HostAuthorityTypesAsync();
        Domains = await references.DomainsAsync();
        Projects = await projects.ForActionsAsync(ct);
    }

    /// <summary>The form as the use case reads it; dates typed wrong are refused here, beside their fields.</summary>
    protected MissionInput ReadForm()
    {
        var requestedOn = Date(nameof(RequestedOn), RequestedOn);
        var start = Date(nameof(PlannedStartDate), PlannedStartDate);
        var end = Date(nameof(PlannedEndDate), PlannedEndDate);
        ThrowIfInvalid();
        return new MissionInput(Country, Organisation, HostAuthorityType, HostAuthorityName, RequestedBy, requestedOn, Subject, Domain, Form,
            start, end, FormValues.Int(ProjectId), long.TryParse(Version, out var v) ? v : null);
    }
}
