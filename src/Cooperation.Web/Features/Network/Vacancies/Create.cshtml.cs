
namespace Cooperation.Web.Features.Network.Vacancies;

public class CreateModel(CreateVacancy create, NetworkChoices choices, ReferenceLists references, Access access, IStringLocalizer<CreateModel> text)
    : PageModel, IPlaceFields
{
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? HostAuthorityType { get; set; }
    [BindProperty] public string? HostAuthorityName { get; set; }
    [BindProperty] public string? PositionTitle { get; set; }
    [BindProperty] public string? Administration { get; set; }
    [BindProperty] public string? Domain { get; set; }
    [BindProperty] public string? WishedStartDate { get; set; }
    [BindProperty] public string? DurationMonths { get; set; } = CreateVacancy.DefaultDurationMonths.ToString();

    public List<SelectListItem> Destinations { get; private set; } = [];
    public List<SelectListItem> HostAuthorityTypes { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!access.CanEditAnything) return Forbid();
        var start = NetworkForms.Date(ModelState, text, nameof(WishedStartDate), WishedStartDate);
        int? duration = null;
        if (!string.IsNullOrWhiteSpace(DurationMonths))
        {
            duration = NetworkForms.Int(DurationMonths);
            if (duration is null) ModelState.AddModelError(nameof(DurationMonths), text["postings.duration", CreateVacancy.MaxDurationMonths]);
        }
        if (ModelState.IsValid)
        {
            var (country, organisation) = NetworkForms.SplitDestination(Destination);
            try
            {
                await create.HandleAsync(new CreateVacancy.Request(country, organisation, HostAuthorityType, HostAuthorityName, PositionTitle,
                    Administration, Domain, start, duration), ct);
                TempData["Flash"] = text["Le poste vacant a été enregistré."].Value;
                return Redirect("/Network/Vacancies");
            }
            catch (InvalidInputException e) { NetworkForms.Show(ModelState, e); }
            catch (DomainException e) { NetworkForms.Show(ModelState, text, e); }
            catch (ForbiddenException) { return Forbid(); }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Destinations = await choices.DestinationsAsync(ct);
        HostAuthorityTypes = await references.HostAuthorityTypesAsync();
        Administrations = await references.AdministrationsAsync();
        Domains = await references.DomainsAsync();
    }
}
