using System.Text.Json;

namespace Cooperation.Web.Features.Schools.Import;

/// <summary>The outcome of a successful import, shown once after the redirect.</summary>
public class ReportModel : PageModel
{
    public ImportSummary Summary { get; private set; } = null!;
    /// <summary>The school whose past trainees were imported; null for nominations.</summary>
    public string? School { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData[IndexModel.SummaryKey] is not string json || JsonSerializer.Deserialize<ImportSummary>(json) is not { } summary)
            return Redirect("/Schools/Import");
        Summary = summary;
        if (TempData[IndexModel.TargetKey] is string target && target.StartsWith("school:", StringComparison.Ordinal)) School = target["school:".Length..];
        return Page();
    }
}
