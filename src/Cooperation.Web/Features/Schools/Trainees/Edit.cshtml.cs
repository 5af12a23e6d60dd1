using System.Globalization;

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

    public static TraineeFormValues From(TraineeDetails t) => new()
    {
        FirstName = t.FirstName, LastName = t.LastName, BirthDate = t.BirthDate, Gender = t.Gender, Nationality = t.Nationality,
        Administration = t.Administration, Rank = t.Rank, Position = t.Position, Email = t.Email, Version = t.Version,
    };

    /// <summary>Reads a date typed in a form: yyyy-mm-dd from a date input, or dd/mm/yyyy typed by hand.</summary>
    public static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        date = d;
        return true;
    }
}

public class EditModel(EditTrainee edit, GetTrainee get, ReferenceLists lists, IStringLocalizer<EditModel> text) : PageModel
{
    [BindProperty] public TraineeFormValues Form { get; set; } = new();
    public TraineeDetails Trainee { get; private set; } = null!;
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Conflict { get; private set; }
    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var can = await edit.CanEditAsync(id, ct);
        if (can is null || await get.HandleAsync(id, ct) is not { } trainee) return NotFound();
        if (can == false) return Forbid();
        Trainee = trainee;
        Form = TraineeFormValues.From(trainee);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var can = await edit.CanEditAsync(id, ct);
        if (can is null || await get.HandleAsync(id, ct) is not { } trainee) return NotFound();
        if (can == false) return Forbid();
        Trainee = trainee;

        if (!TraineeFormValues.TryDate(Form.BirthDate, out var birthDate))
            Errors = new Dictionary<string, string[]> { ["birthDate"] = [text["trainees.invalidDate"].Value] };
        else
        {
            try
            {
                var saved = await edit.HandleAsync(id, new TraineeInput(Form.FirstName, Form.LastName, birthDate, Form.Gender,
                    Form.Nationality, Form.Administration, Form.Rank, Form.Position, Form.Email, Form.Version), ct);
                if (saved is null) return NotFound();
                if (saved.Succeeded)
                {
                    TempData["Flash"] = text["La fiche du stagiaire a été enregistrée."].Value;
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
        }
        await LoadChoicesAsync();
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        Countries = await lists.CountriesAsync();
        Administrations = await lists.AdministrationsAsync(includeTraineesOnly: true);
    }
}
