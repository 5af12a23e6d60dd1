using ClosedXML.Excel;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>
/// The Excel template of an import, in the user's language: the data sheet (headers only, first) and a "Codes" sheet
/// listing the accepted values (genders, countries, administrations; for past trainees the results and, when the
/// school is given, its course codes). The gender, administration and result columns offer their codes as a list.
/// </summary>
public class ImportTemplate(CooperationDbContext db, IStringLocalizer<ImportTemplate> text, IOptions<ImportLimits> limits) : IUseCase
{
    public sealed record File(byte[] Content, string Name);

    public async Task<File> HandleAsync(ImportKind kind, string? schoolAcronym, CancellationToken ct = default)
    {
        var countries = (await db.Countries.AsNoTracking().Select(c => new { c.Iso2, c.NameFr, c.NameEn }).ToListAsync(ct))
            .Select(c => (c.Iso2, Name: Names.Pick(c.NameFr, c.NameEn))).OrderBy(c => c.Iso2, StringComparer.Ordinal).ToList();
        var administrations = (await db.Administrations.AsNoTracking().Select(a => new { a.Code, a.NameFr, a.NameEn }).ToListAsync(ct))
            .Select(a => (a.Code, Name: Names.Pick(a.NameFr, a.NameEn))).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var courses = new List<(string Code, string Title)>();
        if (kind == ImportKind.Trainees && !string.IsNullOrWhiteSpace(schoolAcronym))
        {
            var acronym = schoolAcronym.Trim().ToUpperInvariant();
            courses = (await db.Courses.AsNoTracking().Where(c => c.School!.Acronym.ToUpper() == acronym)
                    .Select(c => new { c.Code, c.TitleFr, c.TitleEn }).ToListAsync(ct))
                .Select(c => (c.Code, Names.Pick(c.TitleFr, c.TitleEn))).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        }

        using var workbook = new XLWorkbook();
        var data = workbook.Worksheets.Add(text[kind == ImportKind.Nominations ? "Candidats" : "Stagiaires"].Value);
        var codes = workbook.Worksheets.Add(text["Codes"].Value);
        var columns = ImportColumns.For(kind);
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = data.Cell(1, c + 1);
            cell.Value = columns[c].Header;
            cell.Style.Font.Bold = true;
            if (columns[c].Required) cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3E3FD");
            data.Column(c + 1).Width = columns[c].Width;
        }
        foreach (var dateColumn in new[] { ImportColumns.BirthDate, ImportColumns.SessionStart })
            if (IndexOf(columns, dateColumn) is { } i)
                data.Column(i).Style.NumberFormat.Format = "yyyy-mm-dd"; // on the column: a range would write 20,000 empty cells
        data.SheetView.FreezeRows(1);

        // The "Codes" sheet: one small table per coded column, side by side.
        codes.Cell(1, 1).Value = text["Valeurs acceptées par le modèle d'import ; la première feuille reçoit les données, à partir de la ligne 2."].Value;
        codes.Cell(1, 1).Style.Font.Italic = true;
        var next = 1;
        var genders = Table(text["Sexe (codes)"].Value, ImportColumns.Genders.Select(g => (g.Code, Names.Pick(g.Fr, g.En))).ToList());
        var admins = Table(text["Administration d'origine (codes)"].Value, administrations);
        Table(text["Nationalité (codes ISO)"].Value, countries);
        IXLRange? results = null, courseCodes = null;
        if (kind == ImportKind.Trainees)
        {
            results = Table(text["Résultat (codes)"].Value, ImportColumns.Results.Select(r => (Names.Pick(r.Fr, r.En), Names.Pick(r.HintFr, r.HintEn))).ToList());
            if (courses.Count > 0) courseCodes = Table(text["Formations de l'école"].Value, courses);
        }

        List(ImportColumns.Gender, genders);
        List(ImportColumns.Administration, admins);
        if (results is not null) List(ImportColumns.Result, results);
        if (courseCodes is not null) List(ImportColumns.CourseCode, courseCodes);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var name = kind == ImportKind.Nominations ? text["modele-designations"].Value : text["modele-anciens-stagiaires"].Value;
        if (courses.Count > 0) name += "-" + schoolAcronym!.Trim().ToUpperInvariant();
        return new File(stream.ToArray(), name + ".xlsx");

        // A code column and its label column under a title; returns the range of the codes.
        IXLRange Table(string title, IReadOnlyList<(string Code, string Label)> lines)
        {
            var column = next;
            next += 3;
            codes.Cell(3, column).Value = title;
            codes.Cell(3, column).Style.Font.Bold = true;
            codes.Cell(4, column).Value = text["Code"].Value;
            codes.Cell(4, column + 1).Value = text["Libellé"].Value;
            codes.Range(4, column, 4, column + 1).Style.Font.Italic = true;
            for (var i = 0; i < lines.Count; i++)
            {
                codes.Cell(5 + i, column).SetValue(lines[i].Code);
                codes.Cell(5 + i, column + 1).SetValue(lines[i].Label);
            }
            codes.Column(column).Width = 10;
            codes.Column(column + 1).Width = 28;
            return codes.Range(5, column, 4 + Math.Max(1, lines.Count), column);
        }

        void List(ImportColumn column, IXLRange values)
        {
            if (IndexOf(columns, column) is not { } i) return;
            var validation = data.Range(2, i, limits.Value.MaxRows + 1, i).SetDataValidation();
            validation.List(values, true);
            validation.IgnoreBlanks = true;
            // A value outside the list is only flagged: the import reads full words too, and reports what it refuses.
            validation.ErrorStyle = XLErrorStyle.Information;
        }
    }

    private static int? IndexOf(IReadOnlyList<ImportColumn> columns, ImportColumn column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (ReferenceEquals(columns[i], column)) return i + 1;
        return null;
    }

    public static string ContentType => Export.XlsxType;
}
