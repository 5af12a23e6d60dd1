namespace Cooperation.Web.Features.Schools;

public class DetailsModel(GetSchool get) : PageModel
{
    public SchoolPage School { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string acronym, CancellationToken ct)
    {
        if (await get.HandleAsync(acronym, ct) is not { } school) return NotFound();
        School = school;
        return Page();
    }
}
