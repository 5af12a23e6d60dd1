namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>The report's pictures, drawn once for both files: the map and a chart a table that asks for one.</summary>
public sealed record ReportPictures(byte[] Map, IReadOnlyDictionary<string, byte[]> Charts)
{
    public static string Key(ReportSection section, ReportTable table) => $"{section.Code}.{table.Code}";

    public static ReportPictures Of(AnnualReport report, WorldShapes shapes, IStringLocalizer text) => new(
        ReportImages.Map(report.Map, shapes, text["Coopérants en poste :"], text["actions de l'année (stagiaires, missions, dons)"]),
        report.Sections.SelectMany(s => s.Tables.Where(t => t.Chart && t.Lines.Count > 0).Select(t => (Key: Key(s, t), Table: t)))
            .ToDictionary(x => x.Key, x => ReportImages.Bars(x.Table)));
}

/// <summary>Words the report's files share.</summary>
public static class ReportWords
{
    public static string Title(AnnualReport report, IStringLocalizer text) =>
        text["Rapport annuel d'activité {0} — {1}", report.Year, report.ScopeName];

    /// <summary>The file's name: rapport-activite-2025[-afs]-fr.pdf.</summary>
    public static string FileName(AnnualReport report, string extension) =>
        $"rapport-activite-{report.Year}{(report.Zone is { } z ? "-" + z.ToLowerInvariant() : "")}-{report.Language}.{extension}";
}
