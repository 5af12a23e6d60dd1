namespace Cooperation.Web.Features.Partners.Organisations;

public class DetailsModel(GetOrganisation get, IStringLocalizer<DetailsModel> text) : PageModel
{
    public OrganisationPage Organisation { get; private set; } = null!;

    public string KindLabel => OrganisationKinds.Label(Organisation.Kind, text);

    public async Task OnGetAsync(string acronym, CancellationToken ct) => Organisation = await get.HandleAsync(acronym, ct);
}
