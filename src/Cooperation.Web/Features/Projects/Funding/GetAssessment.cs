namespace Cooperation.Web.Features.Projects.Funding;

/// <summary>One criterion of the assessment: its code, its name, and how it is met with the comment.</summary>
public record CriterionRow(string Criterion, string Name, string? Rating, string? RatingName, string? Comment);

/// <summary>
/// The EU part of a project: mode, operator, contract, and the four-criteria assessment (<see cref="Assessed"/> once
/// recorded; the assessor's name is redacted for whoever may not see the project's named contacts).
/// </summary>
public record AssessmentRow(
    int ProjectId, string ProjectTitle, bool EuFunded, string? EuMode, string? EuModeName, string? Operator, string? EuContractReference,
    bool Assessed, IReadOnlyList<CriterionRow> Criteria, string? AssessedBy, DateOnly? AssessedOn, bool AnyNotMet, bool CanEdit,
    bool CanAssess, long Version);

public class GetAssessment(CooperationDbContext db, Access access, ProjectAccess projects, IStringLocalizer<GetAssessment> text) : IUseCase
{
    public async Task<AssessmentRow> HandleAsync(int projectId, CancellationToken ct = default)
    {
        var zone = await projects.ReadableZoneAsync(projectId, ct);
        var p = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new
        {
            p.Title, p.EuFunded, p.EuMode, Operator = p.Operator!.Code, p.EuContractReference, p.Status, p.Version, p.Assessment,
        }).SingleAsync(ct);
        var a = p.Assessment;
        var ratings = a is null ? [null, null, null, null]
            : new (CriterionRating, string)?[] { (a.PoliticalOrientation, a.PoliticalOrientationComment), (a.ExpertiseAddedValue, a.ExpertiseAddedValueComment),
                (a.ExpertiseImpact, a.ExpertiseImpactComment), (a.Complementarity, a.ComplementarityComment) };
        var criteria = AssessProject.Criteria.Select((c, i) => new CriterionRow(c, text[AssessProject.CriterionLabel(c)],
            ProjectCodes.Of(ratings[i]?.Item1), ratings[i]?.Item1.Name(text), ratings[i]?.Item2)).ToList();
        var canEdit = access.CanEditProject(zone);
        return new AssessmentRow(projectId, p.Title, p.EuFunded, ProjectCodes.Of(p.EuMode), p.EuMode?.Name(text), p.Operator, p.EuContractReference,
            a is not null, criteria, a is null ? null : PersonalData.Show(access.SeesProjectContacts(zone), a.AssessedBy), a?.AssessedOn,
            a?.AnyNotMet ?? false, canEdit,
            canEdit && p.EuFunded && p.Status is ProjectStatus.Identified or ProjectStatus.InPreparation, p.Version);
    }
}
