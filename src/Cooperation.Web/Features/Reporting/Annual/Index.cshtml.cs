using System.Globalization;

namespace Cooperation.Web.Features.Reporting.Annual;

/// <summary>The preview of the annual activity report: the same sections and figures as the files, each figure a link to its list.</summary>
public class IndexModel(ComputeAnnualReport compute, GetAnnualReportFile files, ReferenceLists references, Access access, TimeProvider clock,
    DeclareReportFinal declare, IStringLocalizer<IndexModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public AnnualReport? Report { get; private set; }
    public List<SelectListItem> Zones { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool OffersWorld => access.AnnualReportZoneIds is null;

    /// <summary>Offers to prepare the report's files or its ten-year series in the background (<see cref="Jobs.RequestReportJob"/>).</summary>
    public bool OffersJobs => access.MayRequestReportJobs;

    /// <summary>Offers "Déclarer le rapport définitif": the director or an administrator, for a year ended and still open.</summary>
    public bool OffersFinal => access.MayDeclareReportFinal && Report is { } r && r.Year < clock.Today().Year && r.Sections.All(s => s.Code != "lockedYear");

    /// <summary>Declares the year's report final (the button of the preview), then shows it again.</summary>
    public async Task<IActionResult> OnPostFinalAsync(CancellationToken ct)
    {
        var final = await declare.HandleAsync(Year ?? clock.Today().Year - 1, ct);
        TempData["Flash"] = text["Le rapport {0} est déclaré définitif : les enregistrements de cette année sont verrouillés.", final.Year].Value;
        return RedirectToPage(new { year = final.Year, zone = Zone });
    }

    private ComputeAnnualReport.Query Query => new(Year ?? clock.Today().Year - 1, Zone);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        Report = await compute.HandleAsync(Query, ct);
        Zone = Report.Zone;
    }

    public async Task<IActionResult> OnGetPdfAsync(string? lang, CancellationToken ct)
    {
        ReportLanguage.Apply(lang, text);
        var file = await files.PdfAsync(Query, ct);
        return File(file.Content, file.ContentType, file.Name);
    }

    public async Task<IActionResult> OnGetDocxAsync(string? lang, CancellationToken ct)
    {
        ReportLanguage.Apply(lang, text);
        var file = await files.DocxAsync(Query, ct);
        return File(file.Content, file.ContentType, file.Name);
    }

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        Years = Enumerable.Range(ComputeAnnualReport.FirstYear, clock.Today().Year - ComputeAnnualReport.FirstYear + 1).Reverse().ToList();
        Zones = await references.ZonesAsync(access.AnnualReportZoneIds?.ToList());
    }

    /// <summary>The address of a download: this year and scope, in a language.</summary>
    public string Download(string handler, string lang) =>
        ComputeAnnualReport.Link("/Reporting/Annual", [("handler", handler), ("year", Report?.Year ?? Year), ("zone", Report?.Zone), ("lang", lang)]);

    /// <summary>The width of a line's bar, in percent of the table's largest.</summary>
    public static string Bar(ReportTable table, ReportLine line)
    {
        var max = table.Lines.Count == 0 ? 0 : table.Lines.Max(l => l.Values[0]);
        return (max <= 0 ? 0 : Math.Round(100 * line.Values[0] / max, 1)).ToString(CultureInfo.InvariantCulture) + "%";
    }
}
