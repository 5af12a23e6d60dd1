namespace Cooperation.Web.Features.Sessions.International;

/// <summary>Proposes (a liaison officer) or invites (the session's managers) a participant.</summary>
public class AddParticipantModel(AddParticipant add, GetInternationalSession get, ReferenceLists references, IStringLocalizer<AddParticipantModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Administration { get; set; }
    [BindProperty] public string? PositionHeld { get; set; }
    [BindProperty] public string? Grade { get; set; }
    [BindProperty] public string? Email { get; set; }

    public InternationalSessionPage Session { get; private set; } = null!;
    public List<SelectListItem> Administrations { get; private set; } = [];

    public override string FormField(string field) => field == "nationality" ? nameof(Country) : base.FormField(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        return Session.CanPropose ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var birth = Date(nameof(BirthDate), BirthDate);
        ThrowIfInvalid();
        await add.HandleAsync(Id, new AddParticipant.Request
        {
            FirstName = FirstName, LastName = LastName, BirthDate = birth, Gender = Gender, Nationality = Country, Country = Country,
            Administration = Administration, PositionHeld = PositionHeld, Grade = Grade, Email = Email,
        }, ct);
        TempData["Flash"] = text["Le participant a été ajouté à la session."].Value;
        return Redirect($"/Sessions/International/{Id}#participants");
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Session = await get.HandleAsync(Id, ct);
        Administrations = await references.AdministrationsAsync(includeTraineesOnly: true);
    }
}
