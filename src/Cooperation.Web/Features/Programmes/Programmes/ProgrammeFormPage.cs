using System.Text.RegularExpressions;
using Cooperation.Web.Features.Projects;
using Cooperation.Web.Features.Projects.Projects;
using Cooperation.Web.Features.Schools;

namespace Cooperation.Web.Features.Programmes.Programmes;

/// <summary>A row of the plan's tables in a form: every value as typed, read by the page, checked by the use case.</summary>
public class LineForm
{
    public string? Mode { get; set; }
    public string? School { get; set; }
    public string? Domain { get; set; }
    public string? Category { get; set; }
    public string? Posting { get; set; }
    public string? ProjectId { get; set; }
    public string? Quantity { get; set; }
    public string? ExpertDays { get; set; }
    public string? Value { get; set; }
    public string? Budget { get; set; }
    public string? Source { get; set; }
}

public class EnvelopeForm
{
    public string? Mode { get; set; }
    public string? Source { get; set; }
    public string? Amount { get; set; }
}

public class PriorityForm
{
    public string? Domain { get; set; }
    public string? Rationale { get; set; }
}

/// <summary>
/// The programme form's fields and choices, shared by the pages that draft, change and revise a programme: the
/// priorities, the planned lines and the envelopes as tables, with empty rows to add to them.
/// </summary>
public abstract partial class ProgrammeFormPage(ReferenceLists references, SchoolChoices schools, ProjectChoices projects) : FormPageModel
{
    public const int EmptyRows = 3;

    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<PriorityForm> Priorities { get; set; } = [];
    [BindProperty] public List<LineForm> Lines { get; set; } = [];
    [BindProperty] public List<EnvelopeForm> Envelopes { get; set; } = [];

    public List<SelectListItem> Countries { get; private set; } = [];
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Projects { get; private set; } = [];

    /// <summary>"lines[0].quantity" of the use case is the form's "Lines[0].Quantity".</summary>
    public override string FormField(string field) =>
        FieldPath().Replace(field, m => m.Groups[1].Value.ToUpperInvariant() + m.Groups[2].Value);

    [GeneratedRegex(@"(?:^|(?<=\.))([a-z])([A-Za-z]*)")]
    private static partial Regex FieldPath();

    protected async Task LoadChoicesAsync(IReadOnlyCollection<int>? countryIds, CancellationToken ct)
    {
        Countries = await references.CountriesAsync(countryIds);
        Domains = await references.DomainsAsync();
        Schools = await schools.VisibleAsync(ct);
        Projects = await projects.ForActionsAsync(ct);
        while (Priorities.Count(p => string.IsNullOrWhiteSpace(p.Domain)) < 1) Priorities.Add(new PriorityForm());
        while (Lines.Count(l => string.IsNullOrWhiteSpace(l.Mode)) < EmptyRows) Lines.Add(new LineForm());
        while (Envelopes.Count(e => string.IsNullOrWhiteSpace(e.Mode)) < 2) Envelopes.Add(new EnvelopeForm());
    }

    /// <summary>The form's plan from a programme read, to change it.</summary>
    protected void Fill(ProgrammeDetail p)
    {
        (Country, Year, Version) = (p.Country, p.Year.ToString(), p.Version.ToString());
        Priorities = p.Priorities.Select(x => new PriorityForm { Domain = x.Domain, Rationale = x.Rationale }).ToList();
        Lines = p.Lines.Select(l => new LineForm
        {
            Mode = l.Mode, School = l.School, Domain = l.Domain, Category = l.Category, Posting = l.Posting, ProjectId = l.ProjectId?.ToString(),
            Quantity = l.Quantity.ToString(), ExpertDays = l.ExpertDays.ToString(), Value = l.Value.ToString(System.Globalization.CultureInfo.CurrentCulture),
            Budget = l.Budget?.ToString(System.Globalization.CultureInfo.CurrentCulture), Source = l.Source,
        }).ToList();
        Envelopes = p.Envelopes.Select(e => new EnvelopeForm
        {
            Mode = e.Mode, Source = e.Source, Amount = e.Amount.ToString(System.Globalization.CultureInfo.CurrentCulture),
        }).ToList();
    }

    /// <summary>The form as the use case reads it: empty rows left out, numbers typed wrong refused beside their fields.</summary>
    protected ProgrammeInput ReadForm()
    {
        var priorities = Priorities.Where(p => !string.IsNullOrWhiteSpace(p.Domain) || !string.IsNullOrWhiteSpace(p.Rationale))
            .Select(p => new PriorityInput(p.Domain, p.Rationale)).ToList();
        // The use case names lines by their place among those given: rows left empty between filled ones go last, so that
        // the form's rows and the use case's numbers match.
        Lines = Lines.Where(l => !string.IsNullOrWhiteSpace(l.Mode)).Concat(Lines.Where(l => string.IsNullOrWhiteSpace(l.Mode))).ToList();
        Envelopes = Envelopes.Where(e => !string.IsNullOrWhiteSpace(e.Mode)).Concat(Envelopes.Where(e => string.IsNullOrWhiteSpace(e.Mode))).ToList();
        var lines = new List<LineInput>();
        foreach (var (l, i) in Lines.Select((l, i) => (l, i)))
        {
            if (string.IsNullOrWhiteSpace(l.Mode)) continue;
            lines.Add(new LineInput(l.Mode, l.School, l.Domain, l.Category, l.Posting, Number($"Lines[{i}].ProjectId", l.ProjectId),
                Number($"Lines[{i}].Quantity", l.Quantity), Number($"Lines[{i}].ExpertDays", l.ExpertDays), Decimal($"Lines[{i}].Value", l.Value),
                Decimal($"Lines[{i}].Budget", l.Budget), l.Source));
        }
        var envelopes = new List<EnvelopeInput>();
        foreach (var (e, i) in Envelopes.Select((e, i) => (e, i)))
            if (!string.IsNullOrWhiteSpace(e.Mode))
                envelopes.Add(new EnvelopeInput(e.Mode, e.Source, Decimal($"Envelopes[{i}].Amount", e.Amount)));
        ThrowIfInvalid();
        return new ProgrammeInput(Country, null, FormValues.Int(Year), priorities, lines, envelopes, long.TryParse(Version, out var v) ? v : null, Reason);
    }

    public static List<SelectListItem> ModeChoices(IStringLocalizer text) => ProjectCodes.Choices<ProgrammeMode>(m => m.Name(text));
    public static List<SelectListItem> SourceChoices(IStringLocalizer text) => ProjectCodes.Choices<FundingSource>(s => s.Name(text));
    public static List<SelectListItem> PostingChoices(IStringLocalizer text) => ProjectCodes.Choices<PostingPlan>(p => p.Name(text));
    public static List<SelectListItem> CategoryChoices(IStringLocalizer text) =>
        ProjectCodes.Choices<EquipmentCategory>(c => Donations.DonationLabels.Name(c, text));
}
