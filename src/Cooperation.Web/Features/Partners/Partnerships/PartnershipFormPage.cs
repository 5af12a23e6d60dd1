namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>A row of the contributions table, as typed.</summary>
public sealed class ContributionLine
{
    public string? Year { get; set; }
    public string? Party { get; set; }
    public string? Amount { get; set; }
    public string? CooperantsPlaced { get; set; }
    public string? TrainingPlaces { get; set; }
}

/// <summary>The recording and change forms of a partnership (<c>_PartnershipFields</c>).</summary>
public abstract class PartnershipFormPage(ReferenceLists references) : FormPageModel
{
    public const int ContributionRows = 6;

    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? AgreementTitle { get; set; }
    [BindProperty] public string? AgreementReference { get; set; }
    [BindProperty] public string? SignedOn { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public List<string> Domains { get; set; } = [];
    /// <summary>ISO2 codes, separated by commas or spaces.</summary>
    [BindProperty] public string? Countries { get; set; }
    [BindProperty] public List<string> Zones { get; set; } = [];
    [BindProperty] public List<ContributionLine> Contributions { get; set; } = [];

    public List<SelectListItem> OrganisationChoices { get; private set; } = [];
    public List<SelectListItem> DomainChoices { get; private set; } = [];
    public List<SelectListItem> ZoneChoices { get; private set; } = [];

    public override string FormField(string field) => field is "year" or "party" ? "Contributions" : base.FormField(field);

    protected async Task LoadChoicesAsync()
    {
        OrganisationChoices = await references.OrganisationsAsync();
        DomainChoices = await references.DomainsAsync();
        ZoneChoices = await references.ZonesAsync();
        while (Contributions.Count < ContributionRows) Contributions.Add(new ContributionLine());
    }

    /// <summary>The form as the use case reads it; dates and numbers that cannot be read refuse the post.</summary>
    protected PartnershipInput ReadForm(long? version)
    {
        var lines = Contributions.Where(l => !string.IsNullOrWhiteSpace(l.Year) || !string.IsNullOrWhiteSpace(l.Amount)
                                             || !string.IsNullOrWhiteSpace(l.CooperantsPlaced) || !string.IsNullOrWhiteSpace(l.TrainingPlaces))
            .Select(l => new ContributionInput(Number(nameof(Contributions), l.Year), l.Party, Decimal(nameof(Contributions), l.Amount), null,
                Number(nameof(Contributions), l.CooperantsPlaced), Number(nameof(Contributions), l.TrainingPlaces)))
            .ToList();
        var input = new PartnershipInput(Organisation, AgreementTitle, AgreementReference, Date(nameof(SignedOn), SignedOn), Date(nameof(StartDate), StartDate),
            Date(nameof(EndDate), EndDate), Domains, (Countries ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries), Zones, lines, version);
        ThrowIfInvalid();
        return input;
    }

    /// <summary>The form filled with a partnership as read.</summary>
    protected void Fill(PartnershipPage page)
    {
        var p = page.Partnership;
        (Organisation, AgreementTitle, AgreementReference) = (p.Organisation, p.AgreementTitle, p.AgreementReference);
        (SignedOn, StartDate, EndDate) = (p.SignedOn?.ToString("yyyy-MM-dd"), p.StartDate.ToString("yyyy-MM-dd"), p.EndDate.ToString("yyyy-MM-dd"));
        (Domains, Countries, Zones) = (page.DomainCodes.ToList(), string.Join(", ", page.CountryCodes), page.ZoneCodes.ToList());
        Contributions = page.Contributions.Select(c => new ContributionLine
        {
            Year = c.Year.ToString(), Party = c.Party, Amount = c.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CooperantsPlaced = c.CooperantsPlaced.ToString(), TrainingPlaces = c.TrainingPlaces.ToString(),
        }).ToList();
        for (var i = 0; i < 2; i++) Contributions.Add(new ContributionLine());
    }
}
