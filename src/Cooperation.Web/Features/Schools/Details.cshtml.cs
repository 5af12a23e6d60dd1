namespace Cooperation.Web.Features.Schools;

public class DetailsModel(ListSchools list) : PageModel
{
    public SchoolRow School { get; private set; } = null!;

    public async Task OnGetAsync(string acronym, CancellationToken ct) => School = await list.GetAsync(acronym, ct);
}
