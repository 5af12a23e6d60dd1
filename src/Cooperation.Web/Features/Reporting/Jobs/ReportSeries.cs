using Cooperation.Web.Features.Reporting.Annual;

namespace Cooperation.Web.Features.Reporting.Jobs;

/// <summary>
/// The ten-year series of the annual report's key figures: for each of the ten years up to the one asked for (from
/// <see cref="ComputeAnnualReport.FirstYear"/> at the earliest), the key figures the report of that year and scope shows,
/// counted by <see cref="ComputeAnnualReport"/> with the same access; an Excel workbook, one line a year (the
/// <see cref="Export"/> kernel: counts, shares as percentages, amounts in euros).
/// </summary>
public class ReportSeries(ComputeAnnualReport compute, IStringLocalizer<ReportSeries> text) : IUseCase
{
    public sealed record Year(int Value, IReadOnlyDictionary<string, decimal> Figures);

    public async Task<ReportFile> HandleAsync(ComputeAnnualReport.Query query, ReportProgress progress, CancellationToken ct = default)
    {
        var first = Math.Max(ComputeAnnualReport.FirstYear, query.Year - ReportJob.SeriesYears + 1);
        var years = new List<Year>();
        AnnualReport? last = null;
        var total = query.Year - first + 1;
        for (var year = first; year <= query.Year; year++)
        {
            last = await compute.HandleAsync(query with { Year = year }, ct);
            years.Add(new Year(year, last.KeyFigures.ToDictionary(f => f.Code, f => f.Value)));
            await progress(year - first + 1, total, text["Année {0}", year]);
        }
        var columns = new List<Column<Year>> { new(text["Année"], y => y.Value) };
        foreach (var figure in last!.KeyFigures)
            columns.Add(figure.Kind == FigureKind.Share
                ? Column<Year>.Percent(figure.Label, y => (double?)y.Figures.GetValueOrDefault(figure.Code))
                : new Column<Year>(figure.Kind == FigureKind.Euros ? $"{figure.Label} (€)" : figure.Label, y => y.Figures.GetValueOrDefault(figure.Code)));
        var sheet = text["Chiffres clés {0}-{1}", first, query.Year].Value;
        var content = Export.Xlsx(sheet, columns, years);
        var name = $"{text["serie"]}-{first}-{query.Year}{(last.Zone is { } z ? "-" + z.ToLowerInvariant() : "")}-{last.Language}.xlsx";
        return new ReportFile(content, Export.XlsxType, name);
    }
}
