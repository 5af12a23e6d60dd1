using System.Globalization;
using Cooperation.Web.Features.Projects.Budget;
using Cooperation.Web.Features.Projects.Classification;

namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>A row of the places table: a country (ISO2) or a zone ("zone:" + code), and its share as typed.</summary>
public sealed class PlaceLine
{
    public string? Place { get; set; }
    public string? Percentage { get; set; }
}

/// <summary>A row of the budget table, as typed.</summary>
public sealed class BudgetLineForm
{
    public string? Year { get; set; }
    public string? Source { get; set; }
    public string? Amount { get; set; }
}

/// <summary>A row of the sectors table, as typed.</summary>
public sealed class SectorLine
{
    public string? Code { get; set; }
    public string? Percentage { get; set; }
}

/// <summary>
/// The project form's values as typed (bound as <c>Form.*</c>): what the create and edit pages show, send to the use case,
/// and — when someone else changed the project meanwhile — compare with the stored version.
/// </summary>
public sealed class ProjectForm
{
    public const int PlaceRows = 4, BudgetRows = 6, SectorRows = 3;

    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Objective { get; set; }
    public string? PartnerAuthorities { get; set; }
    public List<PlaceLine> Places { get; set; } = [];
    public List<string> Domains { get; set; } = [];
    public string? Operator { get; set; }
    public string? Responsible { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public bool EuFunded { get; set; }
    public string? EuMode { get; set; }
    public string? EuContractReference { get; set; }
    public List<BudgetLineForm> BudgetLines { get; set; } = [];
    public List<SectorLine> Sectors { get; set; } = [];
    public string? GenderMarker { get; set; } = "0";
    public string? GenderJustification { get; set; }
    public string? SsrMarker { get; set; } = "0";
    public string? CrisisPreventionMarker { get; set; } = "0";
    public List<string> Sdg16 { get; set; } = [];
    public string? OdaEligibility { get; set; }
    public string? OdaEligibleShare { get; set; }
    public string? OdaReason { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryEn { get; set; }
    public bool IatiPublished { get; set; }

    /// <summary>Empty rows up to each table's size, and always one more to add a line.</summary>
    public void Pad()
    {
        while (Places.Count < PlaceRows || Places.All(p => !string.IsNullOrWhiteSpace(p.Place))) Places.Add(new PlaceLine());
        while (BudgetLines.Count < BudgetRows || BudgetLines.All(b => !string.IsNullOrWhiteSpace(b.Amount))) BudgetLines.Add(new BudgetLineForm());
        while (Sectors.Count < SectorRows || Sectors.All(s => !string.IsNullOrWhiteSpace(s.Code))) Sectors.Add(new SectorLine());
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The form as a stored project fills it (the edit page, and the stored side of a conflict).</summary>
    public static ProjectForm From(ProjectDetails p) => new()
    {
        Title = p.Title, Summary = p.Summary, Objective = p.Objective, PartnerAuthorities = p.PartnerAuthorities,
        Places = p.Locations.Select(l => new PlaceLine
        {
            Place = l.Country ?? ProjectChoices.ZonePrefix + l.Zone, Percentage = p.Locations.Count == 1 ? null : Number(l.Percentage),
        }).ToList(),
        Domains = p.Domains.Select(d => d.Code).ToList(), Operator = p.Operator?.Code, Responsible = p.ResponsibleEmail,
        ContactName = p.ContactName, ContactEmail = p.ContactEmail,
        StartDate = p.StartDate.ToString("yyyy-MM-dd"), EndDate = p.EndDate.ToString("yyyy-MM-dd"),
        EuFunded = p.EuFunded, EuMode = p.EuMode, EuContractReference = p.EuContractReference,
        BudgetLines = p.Money.BudgetLines.Select(b => new BudgetLineForm { Year = b.Year.ToString(CultureInfo.InvariantCulture), Source = b.Source, Amount = Number(b.Amount) }).ToList(),
        Sectors = p.Sectors.Select(s => new SectorLine { Code = s.Code, Percentage = p.Sectors.Count == 1 ? null : Number(s.Percentage) }).ToList(),
        GenderMarker = p.GenderMarker.ToString(CultureInfo.InvariantCulture), GenderJustification = p.GenderJustification,
        SsrMarker = p.SsrMarker.ToString(CultureInfo.InvariantCulture), CrisisPreventionMarker = p.CrisisPreventionMarker.ToString(CultureInfo.InvariantCulture),
        Sdg16 = p.Sdg16Targets.ToList(), OdaEligibility = p.OdaEligibility,
        OdaEligibleShare = p.OdaEligibleShare is { } share ? Number(share) : null, OdaReason = p.OdaReason,
        TitleEn = p.TitleEn, SummaryEn = p.SummaryEn, IatiPublished = p.IatiPublished,
    };

    /// <summary>
    /// The values as a reader compares them, by the label of their field (in the user's language): what a conflict
    /// shows side by side, the rows that differ.
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> Describe(IStringLocalizer text)
    {
        static string Clean(string? v) => Domain.Text.Clean(v) ?? "—";
        static string Decimal(string? v) => decimal.TryParse(v?.Replace(',', '.').Replace(" ", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.##", CultureInfo.InvariantCulture) : Clean(v);
        static string Join(IEnumerable<string> items) => items.Any() ? string.Join(" ; ", items) : "—";
        return
        [
            (text["Intitulé du projet"], Clean(Title)),
            (text["Résumé"], Clean(Summary)),
            (text["Objectif général"], Clean(Objective)),
            (text["Autorités partenaires"], Clean(PartnerAuthorities)),
            (text["Pays ou régions"], Join(Places.Where(p => !string.IsNullOrWhiteSpace(p.Place)).Select(p => $"{p.Place!.Trim().ToUpperInvariant()} {Decimal(p.Percentage)}"))),
            (text["Domaines"], Join(Domains.Select(d => d.ToUpperInvariant()).Order())),
            (text["Opérateur"], Clean(Operator)),
            (text["Chargé de mission responsable"], Clean(Responsible)),
            (text["Contact chez le partenaire"], $"{Clean(ContactName)} {Clean(ContactEmail)}"),
            (text["Dates"], $"{Clean(StartDate)} → {Clean(EndDate)}"),
            (text["Financement européen"], EuFunded ? $"{Clean(EuMode)} {Clean(EuContractReference)}" : "—"),
            (text["Budget prévisionnel"], Join(BudgetLines.Where(b => !string.IsNullOrWhiteSpace(b.Amount)).Select(b => $"{Clean(b.Year)} {Clean(b.Source)} {Decimal(b.Amount)}").Order())),
            (text["Secteurs CAD"], Join(Sectors.Where(s => !string.IsNullOrWhiteSpace(s.Code)).Select(s => $"{s.Code!.Trim()} {Decimal(s.Percentage)}"))),
            (text["Marqueurs"], $"{Clean(GenderMarker)} / {Clean(SsrMarker)} / {Clean(CrisisPreventionMarker)} {Clean(GenderJustification)}"),
            (text["Cibles de l'ODD 16"], Join(Sdg16.Order())),
            (text["Éligibilité à l'APD"], $"{Clean(OdaEligibility)} {Decimal(OdaEligibleShare)} {Clean(OdaReason)}"),
            (text["Intitulé en anglais"], Clean(TitleEn)),
            (text["Résumé en anglais"], Clean(SummaryEn)),
            (text["Publication IATI"], IatiPublished ? text["Oui"] : text["Non"]),
        ];
    }
}

/// <summary>
/// The create and edit pages of a project: the form (<see cref="Form"/>), its choices, how each refusal of the use case
/// finds its field, and the reading of what was typed (dates, numbers) into the request.
/// </summary>
public abstract class ProjectFormPage(ProjectChoices choices, ProjectClassification classification) : FormPageModel
{
    [BindProperty] public ProjectForm Form { get; set; } = new();

    public List<SelectListItem> Places { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Operators { get; private set; } = [];
    public List<SelectListItem> Responsibles { get; private set; } = [];
    public List<SelectListItem> Sectors { get; private set; } = [];

    public override string FormField(string field) => field switch
    {
        "locations" => "Form.Places",
        "budgetLines" => "Form.BudgetLines",
        "sectors" => "Form.Sectors",
        "sdg16Targets" => "Form.Sdg16",
        "version" or "status" or "" => "",
        _ => "Form." + base.FormField(field),
    };

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Places = await choices.PlacesAsync(ct);
        Domains = await choices.DomainsAsync();
        Operators = await choices.OperatorsAsync(ct);
        Responsibles = await choices.ResponsiblesAsync(ct);
        Sectors = await classification.SectorChoicesAsync(ct);
        Form.Pad();
    }

    /// <summary>The request the form makes; a date or number that cannot be read refuses the post.</summary>
    protected ProjectInput ReadForm(long? version = null)
    {
        var f = Form;
        var places = f.Places.Where(p => !string.IsNullOrWhiteSpace(p.Place) || !string.IsNullOrWhiteSpace(p.Percentage))
            .Select(p =>
            {
                var place = p.Place?.Trim() ?? "";
                var zone = place.StartsWith(ProjectChoices.ZonePrefix, StringComparison.OrdinalIgnoreCase) ? place[ProjectChoices.ZonePrefix.Length..] : null;
                return new LocationInput(zone is null && place.Length > 0 ? place : null, zone, Decimal("Form.Places", p.Percentage));
            }).ToList();
        var budget = f.BudgetLines.Where(b => !string.IsNullOrWhiteSpace(b.Amount) || !string.IsNullOrWhiteSpace(b.Year))
            .Select(b => new BudgetLineInput(Number("Form.BudgetLines", b.Year), b.Source, Decimal("Form.BudgetLines", b.Amount))).ToList();
        var sectors = f.Sectors.Where(s => !string.IsNullOrWhiteSpace(s.Code) || !string.IsNullOrWhiteSpace(s.Percentage))
            .Select(s => new SectorInput(s.Code, Decimal("Form.Sectors", s.Percentage))).ToList();
        var input = new ProjectInput(
            f.Title, f.Summary, f.Objective, f.PartnerAuthorities, places, f.Domains, f.Operator, f.Responsible, f.ContactName, f.ContactEmail,
            Date("Form.StartDate", f.StartDate), Date("Form.EndDate", f.EndDate), f.EuFunded, f.EuFunded ? f.EuMode : null,
            f.EuFunded ? f.EuContractReference : null, budget, sectors,
            new MarkersInput(Number("Form.GenderMarker", f.GenderMarker), f.GenderJustification, Number("Form.SsrMarker", f.SsrMarker),
                Number("Form.CrisisPreventionMarker", f.CrisisPreventionMarker)),
            f.Sdg16, string.IsNullOrWhiteSpace(f.OdaEligibility) ? null : new OdaInput(f.OdaEligibility, Decimal("Form.OdaEligibleShare", f.OdaEligibleShare), f.OdaReason),
            version, f.TitleEn, f.SummaryEn, f.IatiPublished);
        ThrowIfInvalid();
        return input;
    }
}
