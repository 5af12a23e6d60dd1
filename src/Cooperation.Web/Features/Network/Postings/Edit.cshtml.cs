
namespace Cooperation.Web.Features.Network.Postings;

public class EditModel(EditPosting edit, ListPostings list, NetworkChoices choices, ReferenceLists references, Access access,
    IStringLocalizer<EditModel> text) : PageModel, IPostingFields
{
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? HostAuthorityType { get; set; }
    [BindProperty] public string? HostAuthorityName { get; set; }
    [BindProperty] public string? PositionTitle { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }
    [BindProperty] public string? ActualEndDate { get; set; }

    public PostingRow Posting { get; private set; } = null!;
    public List<SelectListItem> Destinations { get; private set; } = [];
    public List<SelectListItem> HostAuthorityTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        if (await list.FindAsync(id, ct) is not { } posting) return NotFound();
        Posting = posting;
        Version = posting.Version.ToString();
        Destination = NetworkForms.DestinationValue(posting.Country, posting.Organisation);
        HostAuthorityType = posting.HostAuthorityType;
        HostAuthorityName = posting.HostAuthorityName;
        PositionTitle = posting.PositionTitle;
        StartDate = posting.StartDate.ToString("yyyy-MM-dd");
        PlannedEndDate = posting.PlannedEndDate.ToString("yyyy-MM-dd");
        ActualEndDate = posting.ActualEndDate?.ToString("yyyy-MM-dd");
        return await ChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        if (await list.FindAsync(id, ct) is not { } posting) return NotFound();
        Posting = posting;
        var start = NetworkForms.Date(ModelState, text, nameof(StartDate), StartDate);
        var plannedEnd = NetworkForms.Date(ModelState, text, nameof(PlannedEndDate), PlannedEndDate);
        var actualEnd = NetworkForms.Date(ModelState, text, nameof(ActualEndDate), ActualEndDate);
        if (ModelState.IsValid)
        {
            var (country, organisation) = NetworkForms.SplitDestination(Destination);
            try
            {
                await edit.HandleAsync(id, new EditPosting.Request(long.TryParse(Version, out var v) ? v : null, country, organisation,
                    HostAuthorityType, HostAuthorityName, PositionTitle, start, plannedEnd, actualEnd), ct);
                TempData["Flash"] = text["L'affectation a été modifiée."].Value;
                return Redirect($"/Network/Cooperants/Details/{posting.CooperantId}");
            }
            catch (InvalidInputException e) { NetworkForms.Show(ModelState, e); }
            catch (DomainException e) { NetworkForms.Show(ModelState, text, e); }
            catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", text["common.concurrency"]); }
            catch (ForbiddenException) { return Forbid(); }
        }
        return await ChoicesAsync(ct);
    }

    private async Task<IActionResult> ChoicesAsync(CancellationToken ct)
    {
        if (!await access.CanEditCountryAsync(Posting.CountryId, ct)) return Forbid();
        Destinations = await choices.DestinationsAsync(ct);
        HostAuthorityTypes = await references.HostAuthorityTypesAsync();
        return Page();
    }
}
