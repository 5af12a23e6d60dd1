namespace Cooperation.Web.Features.Schools.Trainees;

public class DetailsModel(GetTrainee get) : PageModel
{
    public TraineeDetails Trainee { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken ct) => Trainee = await get.HandleAsync(id, ct);
}
