namespace Cooperation.Web.Features.Schools.Catalogue;

public class DetailsModel(GetCourse get) : PageModel
{
    public CoursePage Course { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } course) return NotFound();
        Course = course;
        return Page();
    }
}
