
namespace Cooperation.Web.Features.Network.Postings;

public class CreateModel(CreatePosting create, NetworkChoices choices, ReferenceLists references, Access access, IStringLocalizer<CreateModel> text) : PageModel, IPostingFields
{
    [BindProperty(SupportsGet = true)] public string? CooperantId { get; set; }
    /// <summary>A name searched for, narrowing the coopérants offered.</summary>
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? HostAuthorityType { get; set; }
    [BindProperty] public string? HostAuthorityName { get; set; }
    [BindProperty] public string? PositionTitle { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }

    /// <summary>The coopérant the form was opened for (from his page); otherwise the form offers a choice.</summary>
    public CooperantChoice? Cooperant { get; private set; }
    public List<CooperantChoice> Cooperants { get; private set; } = [];
    public bool MoreCooperants { get; private set; }
    public List<SelectListItem> Destinations { get; private set; } = [];
    public List<SelectListItem> HostAuthorityTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        if (!await LoadAsync(fixedCooperant: NetworkForms.Int(CooperantId) is not null, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] bool fixedCooperant, CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        var start = NetworkForms.Date(ModelState, text, nameof(StartDate), StartDate);
        var plannedEnd = NetworkForms.Date(ModelState, text, nameof(PlannedEndDate), PlannedEndDate);
        if (ModelState.IsValid)
        {
            var (country, organisation) = NetworkForms.SplitDestination(Destination);
            try
            {
                var cooperantId = NetworkForms.Int(CooperantId);
                await create.HandleAsync(new CreatePosting.Request(cooperantId, country, organisation, HostAuthorityType,
                    HostAuthorityName, PositionTitle, start, plannedEnd), ct);
                TempData["Flash"] = text["L'affectation a été enregistrée."].Value;
                return Redirect($"/Network/Cooperants/Details/{cooperantId}");
            }
            catch (InvalidInputException e) { NetworkForms.Show(ModelState, e); }
            catch (DomainException e) { NetworkForms.Show(ModelState, text, e); }
            catch (ForbiddenException) { return Forbid(); }
        }
        if (!await LoadAsync(fixedCooperant, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(bool fixedCooperant, CancellationToken ct)
    {
        if (fixedCooperant && NetworkForms.Int(CooperantId) is { } id)
        {
            Cooperant = await choices.CooperantAsync(id, ct);
            if (Cooperant is null) return false;
        }
        else
            (Cooperants, MoreCooperants) = await choices.CooperantsAsync(Search, ct);
        Destinations = await choices.DestinationsAsync(ct);
        HostAuthorityTypes = await references.HostAuthorityTypesAsync();
        return true;
    }
}
