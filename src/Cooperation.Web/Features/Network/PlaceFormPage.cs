namespace Cooperation.Web.Features.Network;

/// <summary>The posting and vacancy forms: a destination, a host authority and a position (<c>_PlaceFields</c>).</summary>
public abstract class PlaceFormPage(NetworkChoices choices, ReferenceLists references) : FormPageModel
{
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? HostAuthorityType { get; set; }
    [BindProperty] public string? HostAuthorityName { get; set; }
    [BindProperty] public string? PositionTitle { get; set; }

    public List<SelectListItem> Destinations { get; private set; } = [];
    public List<SelectListItem> HostAuthorityTypes { get; private set; } = [];

    protected NetworkChoices Choices => choices;
    protected ReferenceLists References => references;

    /// <summary>A destination names a country or an organisation: both show beside the one select.</summary>
    public override string FormField(string field) => field is "country" or "organisation" ? nameof(Destination) : base.FormField(field);

    protected async Task LoadPlaceChoicesAsync(CancellationToken ct)
    {
        Destinations = await choices.DestinationsAsync(ct);
        HostAuthorityTypes = await references.HostAuthorityTypesAsync();
    }
}

/// <summary>The posting forms (create, edit): a place and position, from a start to a planned end (<c>_PostingFields</c>).</summary>
public abstract class PostingFormPage(NetworkChoices choices, ReferenceLists references) : PlaceFormPage(choices, references)
{
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }
    /// <summary>The project the posting serves (the one chain).</summary>
    [BindProperty] public string? ProjectId { get; set; }
    public List<SelectListItem> Projects { get; protected set; } = [];
}
