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
    IStringLocalizer<CareerModel> text) : PageModel
{
    [BindProperty] public CareerFormValues Form { get; set; } = new();
    public TraineeDetails Trainee { get; private set; } = null!;
    public int? EntryId { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? entryId, CancellationToken ct)
    {
        if (await LoadAsync(id, entryId, ct) is { } refused) return refused;
        Form = new CareerFormValues { Version = Trainee.Version };
        if (entryId is not null)
        {
            var entry = Trainee.Career.Single(c => c.Id == entryId);
            Form.Position = entry.Position;
            Form.Organisation = entry.Organisation;
            Form.StartDate = entry.StartDate.ToString("yyyy-MM-dd");
            Form.EndDate = entry.EndDate?.ToString("yyyy-MM-dd");
            Form.Prominent = entry.Prominent;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? entryId, CancellationToken ct)
    {
        if (await LoadAsync(id, entryId, ct) is { } refused) return refused;
        var dateErrors = new Dictionary<string, string[]>();
        if (!TraineeFormValues.TryDate(Form.StartDate, out var start)) dateErrors["startDate"] = [text["trainees.invalidDate"].Value];
        if (!TraineeFormValues.TryDate(Form.EndDate, out var end)) dateErrors["endDate"] = [text["trainees.invalidDate"].Value];
        if (dateErrors.Count > 0)
        {
            Errors = dateErrors;
            return Page();
        }
        var input = new CareerInput(Form.Position, Form.Organisation, start, end, Form.Prominent, Form.Version);
        return await SaveAsync(id, () => entryId is { } e ? edit.HandleAsync(id, e, input, ct) : add.HandleAsync(id, input, ct),
            entryId is null ? "Le poste a été ajouté au parcours." : "Le poste a été modifié.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int? entryId, CancellationToken ct)
    {
        if (entryId is null) return NotFound();
        if (await LoadAsync(id, entryId, ct) is { } refused) return refused;
        return await SaveAsync(id, () => remove.HandleAsync(id, entryId.Value, Form.Version, ct), "Le poste a été retiré du parcours.");
    }

    private async Task<IActionResult> SaveAsync(int id, Func<Task<TraineeSaved?>> save, string done)
    {
        try
        {
            var saved = await save();
            if (saved is null) return NotFound();
            if (saved.Succeeded)
            {
                TempData["Flash"] = text[done].Value;
                return Redirect($"/Schools/Trainees/{id}");
            }
            Errors = saved.Errors;
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = text["common.concurrency"];
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int? entryId, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } trainee) return NotFound();
        if (!trainee.CanEditCareer) return Forbid();
        if (entryId is not null && trainee.Career.All(c => c.Id != entryId)) return NotFound();
        Trainee = trainee;
        EntryId = entryId;
        return null;
    }
}
