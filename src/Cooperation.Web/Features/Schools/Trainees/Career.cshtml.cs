namespace Cooperation.Web.Features.Schools.Trainees;

public class CareerFormValues
{
    public string? Position { get; set; }
    public string? Organisation { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public bool Prominent { get; set; }
    /// <summary>The trainee's version, which guards his career.</summary>
    public long? Version { get; set; }
}

/// <summary>Adds a position to an alumnus's career (no entry id), or changes or removes one.</summary>
public class CareerModel(GetTrainee get, AddCareerEntry add, EditCareerEntry edit, RemoveCareerEntry remove,
    IStringLocalizer<CareerModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? EntryId { get; set; }
    [BindProperty] public CareerFormValues Form { get; set; } = new();
    public TraineeDetails Trainee { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Form = new CareerFormValues { Version = Trainee.Version };
        if (Trainee.Career.SingleOrDefault(c => c.Id == EntryId) is { } entry)
        {
            Form.Position = entry.Position;
            Form.Organisation = entry.Organisation;
            Form.StartDate = entry.StartDate.ToString("yyyy-MM-dd");
            Form.EndDate = entry.EndDate?.ToString("yyyy-MM-dd");
            Form.Prominent = entry.Prominent;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Date("startDate", Form.StartDate);
        var end = Date("endDate", Form.EndDate);
        ThrowIfInvalid();
        var input = new CareerInput(Form.Position, Form.Organisation, start, end, Form.Prominent, Form.Version);
        if (EntryId is { } entryId) await edit.HandleAsync(Id, entryId, input, ct);
        else await add.HandleAsync(Id, input, ct);
        return Done(EntryId is null ? "Le poste a été ajouté au parcours." : "Le poste a été modifié.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await remove.HandleAsync(Id, EntryId ?? throw new RecordNotFoundException(), Form.Version, ct);
        return Done("Le poste a été retiré du parcours.");
    }

    private RedirectResult Done(string message)
    {
        TempData["Flash"] = text[message].Value;
        return Redirect($"/Schools/Trainees/{Id}");
    }

    /// <summary>The form shows each field's error by the API's field name.</summary>
    public override string FormField(string field) => field;

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        await add.AuthorizeAsync(Id, ct);
        Trainee = await get.HandleAsync(Id, ct);
        if (EntryId is { } entryId && Trainee.Career.All(c => c.Id != entryId)) throw new RecordNotFoundException();
    }
}
