using System.Globalization;
using Cooperation.Web.Features.Reporting.Annual;

namespace Cooperation.Web.Features.Reporting.Dashboard;

/// <summary>How a chart draws its table: bars of its first column (<see cref="ChartSvg.Bars"/>), or columns of each line, a bar a column (<see cref="ChartSvg.Columns"/>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ChartShape>))]
public enum ChartShape { Bars, Columns }

/// <summary>A chart of the dashboard: its data is a table of the report's model, which the page shows beside it.</summary>
public sealed record DashboardChart(string Code, ChartShape Shape, ReportTable Table)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Svg => Shape == ChartShape.Bars ? ChartSvg.Bars(Table, $"chart-{Code}") : ChartSvg.Columns(Table, $"chart-{Code}");
}

/// <summary>The dashboard of a year and a scope: key figures with the change from the year before, and the charts over the last years.</summary>
public sealed record Dashboard(int Year, int FirstYear, string? Zone, string ScopeName, DateOnly AsOf, IReadOnlyList<ReportFigure> KeyFigures, IReadOnlyList<DashboardChart> Charts);

/// <summary>
/// The dashboard of the user's role: the director the world (or a zone), a desk officer one of her zones, a school
/// director his school, a coopérant his country (<see cref="Access.SeesDashboard"/>). It is read from the annual
/// activity report's sections of each year of the series (<see cref="ComputeAnnualReport.DashboardSectionsAsync"/>,
/// cached a year at a time by <see cref="FigureCache"/> until a write): its figures are the report's, which counts them
/// through the lists' own filters, so that the dashboard, the report and the lists agree; the key figures are the
/// report's six, with the year before from the series. A school director's and a coopérant's lists
/// hold their scope: the report of their lists is the report of their school or country.
/// </summary>
public class ComputeDashboard(CooperationDbContext db, Access access, TimeProvider clock, ReferenceCodes codes,
    ComputeAnnualReport annual, IStringLocalizer<ComputeDashboard> text) : IUseCase
{
    /// <summary>The years a chart spans, the chosen one included.</summary>
    public const int SeriesYears = 5;

    /// <param name="Year">The year of the key figures and the last of the charts (default last year).</param>
    /// <param name="Zone">Code of a zone, for the director (the world by default) and a desk officer (her first zone by default).</param>
    public sealed record Query(int? Year = null, string? Zone = null);

    public async Task<Dashboard> HandleAsync(Query query, CancellationToken ct = default)
    {
        ForbiddenException.ThrowUnless(access.SeesDashboard);
        var today = clock.Today();
        var errors = new FieldErrors(text);
        var year = query.Year ?? today.Year - 1;
        if (year < ComputeAnnualReport.FirstYear || year > today.Year)
            errors.Add("year", "report.year", ComputeAnnualReport.FirstYear, today.Year);
        var zoneId = string.IsNullOrWhiteSpace(query.Zone) ? access.DefaultDashboardZoneId
            : await codes.ZoneAsync(query.Zone, errors, required: false, ct: ct);
        errors.ThrowIfAny();
        ForbiddenException.ThrowUnless(access.MayReadDashboard(zoneId));

        var zone = zoneId is { } id
            ? await db.Zones.AsNoTracking().Where(z => z.Id == id).Select(z => new { z.Code, z.NameFr, z.NameEn }).SingleAsync(ct)
            : null;

        var first = Math.Max(ComputeAnnualReport.FirstYear, year - SeriesYears + 1);
        var years = new List<Year>();
        for (var y = first; y <= year; y++)
            years.Add(new Year(y, await annual.DashboardSectionsAsync(y, zone?.Code, network: y >= year - 1, ct)));
        var current = years[^1];
        var before = years.Count > 1 ? years[^2] : null;

        // The report's key figures, in its order, each with the year before.
        (string Section, string Figure)[] keys =
            [("network", "activeCooperants"), ("training", "trainees"), ("training", "womenShare"), ("missions", "missions"), ("donations", "donatedValue"), ("projects", "disbursed")];
        var keyFigures = keys.Where(k => Shows(k.Figure))
            .Select(k => Find(current, k) with { Previous = before is null ? null : Find(before, k).Value })
            .ToList();
        var charts = new List<DashboardChart>
        {
            Series("traineesByYear", text["Stagiaires formés par année"], years, ("training", "trainees")),
            Latest("traineesByAdministration", text["Stagiaires formés en {0} par administration", year], current, "training", "byAdministration"),
            Series("womenShareByYear", text["Part des femmes parmi les stagiaires, par année"], years, ("training", "womenShare")),
        };
        if (access.SeesProjects)
            charts.Add(Series("budgetByYear", text["Budget des projets : prévu, engagé et décaissé, par année"], years,
                ("projects", "budget"), ("projects", "committed"), ("projects", "disbursed")));
        if (access.SeesDonations)
            charts.Add(Latest("donationsByCategory", text["Valeur des dons remis en {0} par catégorie de matériel", year], current, "donations", "byCategory"));
        if (access.SeesMissions)
            charts.Add(Series("missionsByYear", text["Missions d'expertise et recommandations, par année"], years,
                ("missions", "missions"), ("missions", "recommendationsDue"), ("missions", "recommendationsImplemented")));

        var scopeName = zone is not null ? Names.Pick(zone.NameFr, zone.NameEn) : await ScopeNameAsync(ct);
        var asOf = year < today.Year ? new DateOnly(year, 12, 31) : today;
        return new Dashboard(year, first, zone?.Code, scopeName, asOf, keyFigures, charts);
    }

    /// <summary>A year of the series: the report's sections the dashboard reads.</summary>
    private sealed record Year(int Number, IReadOnlyList<ReportSection> Sections);

    private static ReportFigure Find(Year year, (string Section, string Figure) f) =>
        year.Sections.Single(s => s.Code == f.Section).Figures.Single(x => x.Code == f.Figure);

    /// <summary>The key figures of the areas the user reads (a school director's would count only zeros elsewhere).</summary>
    private bool Shows(string code) => code switch
    {
        "activeCooperants" => access.SeesNetwork,
        "missions" => access.SeesMissions,
        "donatedValue" => access.SeesDonations,
        "disbursed" => access.SeesProjects,
        _ => true,
    };

    /// <summary>A chart over the years: a line a year, a column a figure of the report (its label, its kind), linked to the figure's list.</summary>
    private DashboardChart Series(string code, string caption, IReadOnlyList<Year> years, params (string Section, string Figure)[] figures)
    {
        var last = years[^1];
        var columns = figures.Select(f => new ReportColumn(Find(last, f).Label, Find(last, f).Kind)).ToList();
        var lines = years.Select(y => new ReportLine(y.Number.ToString(CultureInfo.InvariantCulture), y.Number.ToString(CultureInfo.InvariantCulture),
            figures.Select(f => Find(y, f).Value).ToList(), Find(y, figures[0]).Link)).ToList();
        return new DashboardChart(code, ChartShape.Columns, new ReportTable(code, caption, text["Année"], columns, lines));
    }

    /// <summary>A table of the chosen year's report, drawn as bars.</summary>
    private static DashboardChart Latest(string code, string caption, Year year, string section, string table)
    {
        var found = year.Sections.Single(s => s.Code == section).Tables.Single(t => t.Code == table);
        return new DashboardChart(code, ChartShape.Bars, found with { Code = code, Caption = caption, Chart = false });
    }

    /// <summary>What the dashboard covers without a zone: the world for headquarters, else the school or the country of the user.</summary>
    private async Task<string> ScopeNameAsync(CancellationToken ct)
    {
        if (access.SeesAnnualReport) return text["Monde"];
        if (access.IsSchoolDirector && access.SchoolId is { } school)
            return await db.RegionalSchools.AsNoTracking().Where(s => s.Id == school).Select(s => s.Acronym + " — " + s.Name).SingleAsync(ct);
        var country = await db.Countries.AsNoTracking().Where(c => c.Id == access.CountryId).Select(c => new { c.NameFr, c.NameEn }).SingleAsync(ct);
        return Names.Pick(country.NameFr, country.NameEn);
    }
}
