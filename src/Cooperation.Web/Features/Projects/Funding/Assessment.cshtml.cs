namespace Cooperation.Web.Features.Projects.Funding;

/// <summary>The EU part of a project and its four-criteria assessment, recorded here before approval.</summary>
public class AssessmentModel(GetAssessment get, AssessProject assess, TimeProvider clock, IStringLocalizer<AssessmentModel> text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Version { get; set; }
    [BindProperty] public Dictionary<string, string?> Ratings { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Comments { get; set; } = [];
    [BindProperty] public string? AssessedBy { get; set; }
    [BindProperty] public string? AssessedOn { get; set; }

    public AssessmentRow Assessment { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await OnRefusedAsync(ct);
        foreach (var c in Assessment.Criteria)
        {
            Ratings[c.Criterion] = c.Rating;
            Comments[c.Criterion] = c.Comment;
        }
        AssessedBy = Assessment.AssessedBy;
        AssessedOn = (Assessment.AssessedOn ?? clock.Today()).ToString("yyyy-MM-dd");
        Version = Assessment.Version.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var on = Date(nameof(AssessedOn), AssessedOn);
        ThrowIfInvalid();
        CriterionInput Criterion(string c) => new(Ratings.GetValueOrDefault(c), Comments.GetValueOrDefault(c));
        await assess.HandleAsync(Id, new AssessProject.Request(Criterion(AssessProject.Criteria[0]), Criterion(AssessProject.Criteria[1]),
            Criterion(AssessProject.Criteria[2]), Criterion(AssessProject.Criteria[3]), AssessedBy, on, long.TryParse(Version, out var v) ? v : null), ct);
        TempData["Flash"] = text["L'évaluation des quatre critères a été enregistrée."].Value;
        return Redirect($"/Projects/{Id}/Assessment");
    }

    /// <summary>A criterion's rating and comment show beside the criterion; the project's own refusals above the form.</summary>
    public override string FormField(string field) => field switch
    {
        "project" or "version" => "",
        _ when field.EndsWith("Comment") => "Comments." + field[..^"Comment".Length],
        _ when AssessProject.Criteria.Contains(field) => "Ratings." + field,
        _ => base.FormField(field),
    };

    public override async Task OnRefusedAsync(CancellationToken ct) => Assessment = await get.HandleAsync(Id, ct);
}
