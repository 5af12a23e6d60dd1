namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>The fields of the trainee form as typed (dates as text, so that a wrong one comes back as typed).</summary>
public class TraineeFormValues
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? BirthDate { get; set; }
    public string? Gender { get; set; }
    public string? Nationality { get; set; }
    public string? Administration { get; set; }
    public string? Rank { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }
    public long? Version { get; set; }

    public TraineeInput ToInput(DateOnly? birthDate) => new()
    {
        FirstName = FirstName, LastName = LastName, BirthDate = birthDate, Gender = Gender, Nationality = Nationality,
        Administration = Administration, Rank = Rank, Position = Position, Email = Email, Version = Version,
    };

    public static TraineeFormValues From(TraineeDetails t) => new()
    {
        FirstName = t.FirstName, LastName = t.LastName, BirthDate = t.BirthDate, Gender = t.Gender, Nationality = t.Nationality,
        Administration = t.Administration, Rank = t.Rank, Position = t.Position, Email = t.Email, Version = t.Version,
    };
}

public class EditModel(EditTrainee edit, GetTrainee get, ReferenceLists lists, IStringLocalizer<EditModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public TraineeFormValues Form { get; set; } = new();
    public TraineeDetails Trainee { get; private set; } = null!;
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Form = TraineeFormValues.From(Trainee);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var birthDate = Date("birthDate", Form.BirthDate);
        ThrowIfInvalid();
        await edit.HandleAsync(Id, Form.ToInput(birthDate), ct);
        TempData["Flash"] = text["La fiche du stagiaire a été enregistrée."].Value;
        return Redirect($"/Schools/Trainees/{Id}");
    }

    /// <summary>The form shows each field's error by the API's field name.</summary>
    public override string FormField(string field) => field;

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        await edit.AuthorizeAsync(Id, ct);
        Trainee = await get.HandleAsync(Id, ct);
        // Every country: the record's nationality stays chosen even when it is no partner's.
        Countries = await lists.CountriesAsync(all: true);
        Administrations = await lists.AdministrationsAsync(includeTraineesOnly: true);
    }
}
