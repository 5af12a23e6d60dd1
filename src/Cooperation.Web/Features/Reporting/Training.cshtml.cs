using System.Globalization;

namespace Cooperation.Web.Features.Reporting;

public class TrainingModel(ComputeTrainingFigures compute, ReferenceLists references, Data.CooperationDbContext db, Access access,
    TimeProvider clock, IStringLocalizer<TrainingModel> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public TrainingFigures Figures { get; private set; } = null!;
    public List<SelectListItem> Zones { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<int> YearChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.SeesTrainingFigures) return Forbid();
        Figures = await compute.HandleAsync(new TrainingFiguresQuery(Zone, School, Year), ct);
        Zones = await references.ZonesAsync();
        Schools = (await db.RegionalSchools.AsNoTracking().OrderBy(s => s.Acronym).Select(s => new { s.Acronym, s.Name }).ToListAsync(ct))
            .Select(s => new SelectListItem($"{s.Acronym} — {s.Name}", s.Acronym)).ToList();
        var current = clock.GetLocalNow().Year;
        YearChoices = Enumerable.Range(0, 15).Select(i => current - i).ToList();
        return Page();
    }

    /// <summary>Every table in one sheet, one line each, told apart by the first column.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!access.SeesTrainingFigures) return Forbid();
        var f = await compute.HandleAsync(new TrainingFiguresQuery(Zone, School, Year), ct);
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

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>The width of a line's bar, in percent of the largest line of its table.</summary>
    public static string Bar(int value, int max) =>
        (max == 0 ? 0 : Math.Round(100.0 * value / max, 1)).ToString(CultureInfo.InvariantCulture) + "%";
}

/// <summary>One table of the training figures page: its caption, the header of its first column, its lines.</summary>
public sealed record TrainingTable(string Caption, string TestId, string KeyHeader, IReadOnlyList<TrainingLine> Lines, bool WithSessions);
