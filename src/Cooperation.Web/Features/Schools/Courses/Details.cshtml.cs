namespace Cooperation.Web.Features.Schools.Courses;

public class DetailsModel(GetCourse get) : PageModel
{
    public CoursePage Course { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken ct) => Course = await get.HandleAsync(id, ct);
}
