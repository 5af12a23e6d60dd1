namespace Cooperation.Web.Features.Partners.Organisations;

public class DetailsModel(GetOrganisation get, Partnerships.ListPartnerships partnerships, Access access, IStringLocalizer<DetailsModel> text) : PageModel
{
    public OrganisationPage Organisation { get; private set; } = null!;

    /// <summary>The organisation's partnerships the user reads, with the actions they cover.</summary>
    public IReadOnlyList<Partnerships.PartnershipRow> Partnerships { get; private set; } = [];

    public string KindLabel => OrganisationKinds.Label(Organisation.Kind, text);

    public async Task OnGetAsync(string acronym, CancellationToken ct)
    {
        Organisation = await get.HandleAsync(acronym, ct);
        if (access.SeesPartnerships) Partnerships = await partnerships.AllAsync(new Partnerships.ListPartnerships.Query { Organisation = Organisation.Acronym, Sort = "start" }, ct);
    }
}
