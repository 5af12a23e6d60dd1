namespace Cooperation.Web.Features.Network.Vacancies;

public class CreateModel(CreateVacancy create, NetworkChoices choices, ReferenceLists references, IStringLocalizer<CreateModel> text)
    : PlaceFormPage(choices, references)
{
    [BindProperty] public string? Administration { get; set; }
    [BindProperty] public string? Domain { get; set; }
    [BindProperty] public string? WishedStartDate { get; set; }
    [BindProperty] public string? DurationMonths { get; set; } = CreateVacancy.DefaultDurationMonths.ToString();

    public List<SelectListItem> Administrations { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Date(nameof(WishedStartDate), WishedStartDate);
        var duration = Number(nameof(DurationMonths), DurationMonths);
        ThrowIfInvalid();
        var (country, organisation) = Network.Destinations.Split(Destination);
        await create.HandleAsync(new CreateVacancy.Request(country, organisation, HostAuthorityType, HostAuthorityName, PositionTitle,
            Administration, Domain, start, duration), ct);
        TempData["Flash"] = text["Le poste vacant a été enregistré."].Value;
        return Redirect("/Network/Vacancies");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        create.Authorize();
        await LoadPlaceChoicesAsync(ct);
        Administrations = await References.AdministrationsAsync();
        Domains = await References.DomainsAsync();
    }
}
