using System.Globalization;
using System.Text.Json.Serialization;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>Told as a report is counted: how many of its parts are done, of how many, and the title of the last one done.</summary>
public delegate Task ReportProgress(int done, int total, string step);

/// <summary>What a figure counts: a number of records, a share between 0 and 1, or an amount in euros.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureKind>))]
public enum FigureKind { Count, Share, Euros }

/// <summary>
/// One figure of the report: a stable code (for programs), its label in the report's language, its value, what it
/// counts, the value of the year before where the report compares, and the address of the list it counts, with that
/// list's filters (the drill-down).
/// </summary>
public sealed record ReportFigure(string Code, string Label, decimal Value, FigureKind Kind, string? Link)
{
    /// <summary>The same figure for the year before, where the report shows the change.</summary>
    public decimal? Previous { get; init; }

    /// <summary>The change from the year before (a difference of shares for a share), or null where there is none.</summary>
    public decimal? Change => Previous is { } p ? Value - p : null;

    /// <summary>
    /// The value as the report's language writes it ("1 234", "48,2 %", "1 234 567 €"), fixed when the figure is counted
    /// (the JSON is written after the request's language is restored).
    /// </summary>
    public string Text { get; init; } = ReportFormat.Value(Value, Kind);
}

/// <summary>A line of a table: a code (ISO2, acronym, code of a status...), its label, its values (one a column), the address of its list.</summary>
public sealed record ReportLine(string Code, string Label, IReadOnlyList<decimal> Values, string? Link);

/// <summary>
/// A table of the report: caption, the header of its first column, its columns (header and kind), its lines; a table
/// with a chart is drawn as bars of its first column (the chart's data is the table itself).
/// </summary>
public sealed record ReportTable(string Code, string Caption, string KeyHeader, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportLine> Lines, bool Chart = false);

public sealed record ReportColumn(string Header, FigureKind Kind);

/// <summary>A section of the report (network, training, missions...): its figures, its tables and a note on what it counts.</summary>
public sealed record ReportSection(string Code, string Title, string Note, IReadOnlyList<ReportFigure> Figures, IReadOnlyList<ReportTable> Tables);

/// <summary>A country of the report's map: its numeric ISO code (the Natural Earth shapes' id), coopérants in post and actions of the year.</summary>
public sealed record ReportMapCountry(string NumericCode, string Iso2, string Name, int Cooperants, int Actions);

/// <summary>
/// The annual activity report of one year and one scope (the world, or one zone), computed from the data in the
/// reader's language: the key figures with the change from the year before, then the sections in the order of the
/// printed report, and the map's countries.
/// </summary>
public sealed record AnnualReport(
    int Year, string? Zone, string ScopeName, DateOnly AsOf, string Language,
    IReadOnlyList<ReportFigure> KeyFigures, IReadOnlyList<ReportSection> Sections, IReadOnlyList<ReportMapCountry> Map)
{
    /// <summary>Every figure of the report, key figures and sections', by code (for the checks and the tests).</summary>
    public IEnumerable<ReportFigure> AllFigures() => KeyFigures.Concat(Sections.SelectMany(s => s.Figures));
}

/// <summary>How the report writes its values, in the current culture: the same text on the page, in the PDF and in the DOCX.</summary>
public static class ReportFormat
{
    public static string Value(decimal value, FigureKind kind) => kind switch
    {
        FigureKind.Share => Shares.Percent((double)value),
        FigureKind.Euros => Format.Number(Math.Round(value, 0, MidpointRounding.AwayFromZero)) + " €",
        _ => Format.Number(value),
    };

    /// <summary>The change from the year before: "+12", "−3", "+1,5 pt" for a share, "+12 000 €".</summary>
    public static string Change(decimal change, FigureKind kind)
    {
        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        var size = Math.Abs(change);
        return kind switch
        {
            FigureKind.Share => sign + (size * 100).ToString("0.#", CultureInfo.CurrentCulture) + " pt",
            _ => sign + Value(size, kind),
        };
    }
}
