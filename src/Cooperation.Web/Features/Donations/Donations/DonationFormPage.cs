using Cooperation.Web.Features.Projects.Projects;

namespace Cooperation.Web.Features.Donations.Donations;

/// <summary>
/// The terms of a donation that its proposal and its edit pages share: the beneficiary (country, authority, unit), the
/// project it completes and the risk note, with the countries and projects to choose from
/// (the partials <c>_Beneficiary</c> and <c>_RiskNote</c> render them).
/// </summary>
public abstract class DonationFormPage(ReferenceLists references, ListProjects projects, Access access) : FormPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? ReceivingAuthority { get; set; }
    [BindProperty] public string? ReceivingUnit { get; set; }
    [BindProperty] public string? ProjectId { get; set; }
    [BindProperty] public string? RiskOfDiversion { get; set; }
    [BindProperty] public string? HumanitarianLaw { get; set; }
    [BindProperty] public string? StorageAndAccountability { get; set; }

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Projects { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Countries = await references.CountriesAsync(await access.DonationCountriesAsync(ct));
        Projects = (await projects.ChoicesAsync(ct)).Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
