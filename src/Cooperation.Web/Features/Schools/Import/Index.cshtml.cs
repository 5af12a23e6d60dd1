using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cooperation.Web.Features.Schools.Import;

public class IndexModel(ImportChoices choices, ImportTemplate template, ImportNominations nominations, ImportTrainees trainees,
    IStringLocalizer<IndexModel> text) : FormPageModel
{
    public const string SummaryKey = "ImportSummary";
    public const string TargetKey = "ImportTarget";

    [BindProperty] public int? SessionId { get; set; }
    /// <summary>The school to import past trainees for; on arrival, one chosen beforehand (a link from the school's page).</summary>
    [BindProperty(SupportsGet = true)] public string? School { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public List<SelectListItem> Sessions { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public bool MayImportNominations => choices.MayImportNominations;
    /// <summary>The import the errors below belong to.</summary>
    public ImportKind? Tried { get; private set; }
    /// <summary>The faulty rows of a refused file, each with its column, the value read and why.</summary>
    public IReadOnlyList<ImportError> Report { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => OnRefusedAsync(ct);

    public async Task<IActionResult> OnGetTemplateAsync(string? kind, CancellationToken ct)
    {
        choices.Authorize();
        var file = await template.HandleAsync(kind == "trainees" ? ImportKind.Trainees : ImportKind.Nominations, School, ct);
        return File(file.Content, ImportTemplate.ContentType, file.Name);
    }

    public async Task<IActionResult> OnPostNominationsAsync(CancellationToken ct)
    {
        Tried = ImportKind.Nominations;
        await using var stream = Upload?.OpenReadStream();
        return Done(await nominations.HandleAsync(SessionId, stream, ct), $"session:{SessionId}");
    }

    public async Task<IActionResult> OnPostTraineesAsync(CancellationToken ct)
    {
        Tried = ImportKind.Trainees;
        await using var stream = Upload?.OpenReadStream();
        return Done(await trainees.HandleAsync(School, stream, ct), "school:" + School!.Trim().ToUpperInvariant());
    }

    /// <summary>Post, redirect, get: the report page reads the summary once.</summary>
    private RedirectResult Done(ImportSummary summary, string target)
    {
        TempData[SummaryKey] = JsonSerializer.Serialize(summary);
        TempData[TargetKey] = target;
        TempData["Flash"] = text["Import réussi : {0} ligne(s) importée(s).", summary.Rows].Value;
        return Redirect("/Schools/Import/Report");
    }

    /// <summary>
    /// A refused file shows as a report of its faulty rows, which only the refusal itself holds: read from it here, on
    /// its way to the page filter (which puts the faults of the whole file beside the fields, as any refusal's).
    /// </summary>
    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is InvalidImportException refused) Report = refused.Faults.Where(e => e.Row is not null).ToList();
    }

    /// <summary>The file's faults show beside the file field; a row's fault belongs to the report, not to a field of the form.</summary>
    public override string FormField(string field) => field switch
    {
        "file" => nameof(Upload),
        _ when field.StartsWith("rows[", StringComparison.Ordinal) => "rows",
        _ => base.FormField(field),
    };

    public override async Task OnRefusedAsync(CancellationToken ct)
    {
        choices.Authorize();
        Sessions = await choices.OpenSessionsAsync(ct);
        Schools = await choices.ManagedSchoolsAsync(ct);
    }
}
