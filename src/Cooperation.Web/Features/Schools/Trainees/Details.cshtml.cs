namespace Cooperation.Web.Features.Schools.Trainees;

public class DetailsModel(GetTrainee get) : PageModel
{
    public TraineeDetails Trainee { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } trainee) return NotFound();
        Trainee = trainee;
        return Page();
    }
}
