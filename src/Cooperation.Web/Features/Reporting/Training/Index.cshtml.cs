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

    /// <summary>Every table in one sheet, one line each, told apart by the first column.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var f = await compute.HandleAsync(Query, ct);
        var year = f.Year.ToString(CultureInfo.InvariantCulture);
        var lines = f.ByYear.Select(l => (Table: text["Par année"].Value, Line: l))
            .Concat(f.BySchool.Select(l => (Table: text["Par école ({0})", year].Value, Line: l)))
            .Concat(f.ByNationality.Select(l => (Table: text["Par nationalité ({0})", year].Value, Line: l)))
            .Concat(f.ByAdministration.Select(l => (Table: text["Par administration ({0})", year].Value, Line: l)))
            .Concat(f.ByDomain.Select(l => (Table: text["Par domaine ({0})", year].Value, Line: l)))
            .ToList();
        Column<(string Table, TrainingLine Line)>[] columns =
        [
            new(text["Tableau"], l => l.Table),
            new(text["Code"], l => l.Line.Code),
            new(text["Libellé"], l => l.Line.Name),
            new(text["Sessions"], l => l.Line.Sessions),
            new(text["Places offertes"], l => l.Line.Capacity),
            new(text["Inscriptions acceptées"], l => l.Line.Enrolments),
            new(text["Stagiaires"], l => l.Line.Trainees),
            new(text["Femmes"], l => l.Line.Women),
            new(text["Part des femmes"], l => l.Line.WomenShare),
            new(text["Taux de remplissage"], l => l.Line.FillRate),
        ];
        return Export.File(format, text["chiffres-formation"], columns, lines);
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
