using System.Security.Claims;

namespace Cooperation.Web.Features.Projects.Funding;

/// <param name="Rating">met, partly or notMet.</param>
/// <param name="Comment">Why: required.</param>
public record CriterionInput(string? Rating, string? Comment);

/// <summary>
/// Records the four-criteria assessment of an EU-funded project before it is approved: respect of French political
/// orientations, added value of French expertise, impact of that expertise on the project's success, complementarity
/// with national cooperation; each met, partly or not met, with a comment; who assessed and when.
/// </summary>
public class AssessProject(CooperationDbContext db, ProjectAccess projects, IHttpContextAccessor http, TimeProvider clock, IStringLocalizer<AssessProject> text)
    : IUseCase
{
    /// <param name="AssessedBy">Who assessed; the signed-in user's name when not given.</param>
    /// <param name="AssessedOn">When; today when not given.</param>
    public record Request(
        CriterionInput? PoliticalOrientation, CriterionInput? ExpertiseAddedValue, CriterionInput? ExpertiseImpact, CriterionInput? Complementarity,
        string? AssessedBy = null, DateOnly? AssessedOn = null, long? Version = null);

    /// <summary>The criteria, in the order the form and the API name them.</summary>
    public static readonly string[] Criteria = ["politicalOrientation", "expertiseAddedValue", "expertiseImpact", "complementarity"];

    public async Task HandleAsync(int projectId, Request request, CancellationToken ct = default)
    {
        var project = await projects.EditableAsync(projectId, ct);
        var errors = new FieldErrors(text);
        var political = Criterion(errors, Criteria[0], request.PoliticalOrientation);
        var addedValue = Criterion(errors, Criteria[1], request.ExpertiseAddedValue);
        var impact = Criterion(errors, Criteria[2], request.ExpertiseImpact);
        var complementarity = Criterion(errors, Criteria[3], request.Complementarity);
        var by = string.IsNullOrWhiteSpace(request.AssessedBy)
            ? http.HttpContext?.User.FindFirstValue(ScopeClaims.DisplayName) ?? http.HttpContext?.User.Identity?.Name ?? "?"
            : errors.Text("assessedBy", "Évaluateur", request.AssessedBy);
        var on = request.AssessedOn ?? clock.Today();
        if (on > clock.Today()) errors.Add("assessedOn", "project.assessedInFuture");
        errors.ThrowIfAny();

        project.Assess(political!, addedValue!, impact!, complementarity!, by!, on);
        projects.Guard(project, request.Version);
        await db.SaveChangesAsync(ct);
    }

    private static CriterionAssessment? Criterion(FieldErrors errors, string field, CriterionInput? input)
    {
        var rating = ProjectCodes.Read<CriterionRating>(errors, field, CriterionLabel(field), input?.Rating);
        var comment = errors.Text(field + "Comment", "Commentaire", input?.Comment, 1000);
        return rating is { } r && comment is not null ? new CriterionAssessment(r, comment) : null;
    }

    /// <summary>The French label of a criterion (its translation key).</summary>
    public static string CriterionLabel(string criterion) => criterion switch
    {
        "politicalOrientation" => "Respect des orientations politiques françaises",
        "expertiseAddedValue" => "Valeur ajoutée de l'expertise française",
        "expertiseImpact" => "Impact de l'expertise sur la réussite du projet",
        _ => "Complémentarité avec la coopération nationale",
    };
}
