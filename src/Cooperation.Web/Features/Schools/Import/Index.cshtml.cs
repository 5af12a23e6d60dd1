using System.Text.Json;

namespace Cooperation.Web.Features.Schools.Import;

public class IndexModel(ImportChoices choices, ImportTemplate template, ImportNominations nominations, ImportTrainees trainees,
    Access access, IStringLocalizer<IndexModel> text) : PageModel
{
    public const string SummaryKey = "ImportSummary";
    public const string TargetKey = "ImportTarget";

    [BindProperty] public int? SessionId { get; set; }
    [BindProperty] public string? School { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public List<SelectListItem> Sessions { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public bool MayImportNominations => choices.MayImportNominations;
    /// <summary>The import the errors below belong to.</summary>
    public ImportKind? Tried { get; private set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    /// <param name="school">The school to import past trainees for, chosen beforehand (a link from the school's page).</param>
    public async Task<IActionResult> OnGetAsync(string? school, CancellationToken ct)
    {
        if (!access.CanImportTraining) return Forbid();
        School = school;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(string? kind, string? school, CancellationToken ct)
    {
        if (!access.CanImportTraining) return Forbid();
        var file = await template.HandleAsync(kind == "trainees" ? ImportKind.Trainees : ImportKind.Nominations, school, ct);
        return File(file.Content, ImportTemplate.ContentType, file.Name);
    }

    public async Task<IActionResult> OnPostNominationsAsync(CancellationToken ct)
    {
        if (!access.CanImportTraining) return Forbid();
        Tried = ImportKind.Nominations;
        if (SessionId is null) ModelState.AddModelError(nameof(SessionId), text["import.sessionRequired"]);
        CheckUpload();
        if (ModelState.IsValid)
        {
            try
            {
                await using var stream = Upload!.OpenReadStream();
                var result = await nominations.HandleAsync(SessionId!.Value, stream, ct);
                if (result is null) ModelState.AddModelError(nameof(SessionId), text["common.notFound"]);
                else if (result.Imported is { } summary)
                    return Done(summary, $"session:{SessionId.Value}");
                else Errors = result.Errors;
            }
            catch (ForbiddenException) { return Forbid(); }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTraineesAsync(CancellationToken ct)
    {
        if (!access.CanImportTraining) return Forbid();
        Tried = ImportKind.Trainees;
        if (string.IsNullOrWhiteSpace(School)) ModelState.AddModelError(nameof(School), text["import.schoolRequired"]);
        CheckUpload();
        if (ModelState.IsValid)
        {
            try
            {
                await using var stream = Upload!.OpenReadStream();
                var result = await trainees.HandleAsync(School!, stream, ct);
                if (result is null) ModelState.AddModelError(nameof(School), text["common.notFound"]);
                else if (result.Imported is { } summary)
                    return Done(summary, "school:" + School!.Trim().ToUpperInvariant());
                else Errors = result.Errors;
            }
            catch (ForbiddenException) { return Forbid(); }
        }
        await LoadAsync(ct);
        return Page();
    }

    private void CheckUpload()
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), text["import.fileRequired"]);
        else if (Upload.Length > ImportSheet.MaxMegabytes * 1024L * 1024L)
            ModelState.AddModelError(nameof(Upload), text["import.tooLarge", ImportSheet.MaxMegabytes]);
    }

    /// <summary>Post, redirect, get: the report page reads the summary once.</summary>
    private RedirectResult Done(ImportSummary summary, string target)
    {
        TempData[SummaryKey] = JsonSerializer.Serialize(summary);
        TempData[TargetKey] = target;
        TempData["Flash"] = text["Import réussi : {0} ligne(s) importée(s).", summary.Rows].Value;
        return Redirect("/Schools/Import/Report");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sessions = await choices.OpenSessionsAsync(ct);
        Schools = await choices.ManagedSchoolsAsync(ct);
    }

    public string Group(string field, string css = "fr-input-group") => ModelState[field]?.Errors.Count > 0 ? $"{css} {css}--error" : css;
    public string? Error(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;
}
