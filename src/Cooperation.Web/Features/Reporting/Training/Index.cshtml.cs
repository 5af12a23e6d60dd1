using System.Globalization;

namespace Cooperation.Web.Features.Reporting.Training;

public class IndexModel(ComputeTrainingFigures compute, ReferenceLists references, IStringLocalizer<IndexModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public TrainingFigures Figures { get; private set; } = null!;
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public IReadOnlyList<int> YearChoices { get; private set; } = [];

    private ComputeTrainingFigures.Query Query => new(Zone, School, Year);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await compute.HandleAsync(Query, ct);
        Zones = await references.ZonesAsync();
        Schools = await compute.SchoolsAsync(ct);
        YearChoices = compute.YearsOffered();
    }

    /// <summary>Every table of the page, one sheet each (one file with a "Tableau" column in CSV).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var f = await compute.HandleAsync(Query, ct);
        var year = f.Year.ToString(CultureInfo.InvariantCulture);
        ExportTable<TrainingLine>[] tables =
        [
            new(text["Par année"].Value, f.ByYear),
            new(text["Par école ({0})", year].Value, f.BySchool),
            new(text["Par nationalité ({0})", year].Value, f.ByNationality),
            new(text["Par administration ({0})", year].Value, f.ByAdministration),
            new(text["Par domaine ({0})", year].Value, f.ByDomain),
        ];
        Column<TrainingLine>[] columns =
        [
            new(text["Code"], l => l.Code),
            new(text["Libellé"], l => l.Name),
            new(text["Sessions"], l => l.Sessions),
            new(text["Places offertes"], l => l.Capacity),
            new(text["Inscriptions acceptées"], l => l.Enrolments),
            new(text["Stagiaires"], l => l.Trainees),
            new(text["Femmes"], l => l.Women),
            Column<TrainingLine>.Percent(text["Part des femmes"], l => l.WomenShare),
            Column<TrainingLine>.Percent(text["Taux de remplissage"], l => l.FillRate),
        ];
        return Export.Tables(format, text["chiffres-formation"], text["Tableau"], columns, tables);
    }
}

/// <summary>One table of the training figures page: its caption, the header of its first column, its lines.</summary>
public sealed record TrainingTable(string Caption, string TestId, string KeyHeader, IReadOnlyList<TrainingLine> Lines, bool WithSessions)
{
    private int MaxTrainees { get; } = Lines.Count == 0 ? 0 : Lines.Max(l => l.Trainees);

    /// <summary>The width of a line's bar, in percent of the largest line of the table.</summary>
    public string Bar(int trainees) =>
        (MaxTrainees == 0 ? 0 : Math.Round(100.0 * trainees / MaxTrainees, 1)).ToString(CultureInfo.InvariantCulture) + "%";
}
