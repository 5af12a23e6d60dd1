namespace Cooperation.Web.Features.Partners.Organisations;

public class DetailsModel(GetOrganisation get, IStringLocalizer<DetailsModel> text) : PageModel
{
    public OrganisationPage Organisation { get; private set; } = null!;

    public string KindLabel => Organisation.Kind == "International" ? text["Internationale"] : text["Régionale"];

    public async Task<IActionResult> OnGetAsync(string acronym, CancellationToken ct)
    {
        if (await get.HandleAsync(acronym, ct) is not { } organisation) return NotFound();
        Organisation = organisation;
        return Page();
    }
}
