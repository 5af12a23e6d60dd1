namespace Cooperation.Web.Features.Missions.Experts;

public class CreateModel(CreateExpert create, ReferenceLists references, IStringLocalizer<CreateModel> text) : FormPageModel
{
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? Administration { get; set; }
    [BindProperty] public string? Grade { get; set; }
    [BindProperty] public string? Speciality { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public List<SelectListItem> Administrations { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await create.HandleAsync(new CreateExpert.Request(FirstName, LastName, Administration, Grade, Speciality, Email, Phone), ct);
        TempData["Flash"] = text["L'expert a été ajouté au registre."].Value;
        return Redirect("/Missions/Experts");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        create.Authorize();
        Administrations = await references.AdministrationsAsync();
    }
}
