using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Missions.Missions;

public record MissionAssessment(string Relevance, string Feasibility, string Risks, string? AssessedBy, DateOnly AssessedOn);

public record MissionDecision(bool Approved, string? Reason, string? DecidedBy, DateOnly DecidedOn);

/// <summary>An expert on a mission: a coopérant of the network or a short-term expert of the registry; his name and grade are personal data.</summary>
public record MissionExpertRow(
    int Id, string Kind, int? CooperantId, int? ExpertId, string? Name, string Administration, string? Grade, string? Speciality,
    DateOnly StartDate, DateOnly EndDate, int Days, int? PostingId);

/// <summary>A coopérant of the mission already assigned to another mission at overlapping dates.</summary>
public record StaffingWarning(int CooperantId, string? Name, int OtherMissionId, DateOnly StartDate, DateOnly EndDate);

public record FollowUpRow(DateOnly Date, string Note, string? Author, string? Status);

public record RecommendationRow(
    int Id, string Text, string OwnerAuthority, DateOnly DueDate, string Priority, string Status, bool Overdue, DateOnly? FinishedOn,
    IReadOnlyList<FollowUpRow> FollowUps, long Version);

public record MissionProject(int Id, string Title);

/// <summary>What the user may do with the mission: its steps (desk officers of its country), its decision (the director), follow-up notes.</summary>
public record MissionPermissions(bool Conduct, bool Decide, bool FollowUp);

/// <summary>A mission as its page and the API show it: the request, its assessment and decision, its experts, its report and recommendations.</summary>
public record MissionDetails(
    int Id, string Subject, string Country, string CountryName, string? Organisation, string? OrganisationName, string Zone, string ZoneName,
    string HostAuthorityType, string HostAuthorityTypeName, string HostAuthorityName, string? RequestedBy, DateOnly RequestedOn,
    string Domain, string DomainName, string Form, DateOnly PlannedStartDate, DateOnly PlannedEndDate, MissionProject? Project,
    string Status, MissionAssessment? Assessment, MissionDecision? Decision, DateOnly? ActualStartDate, DateOnly? ActualEndDate,
    string? Summary, DateOnly? ReportedOn, string? ReportFile, string? LetterFile, string? ClosingReason, DateOnly? ClosedOn,
    IReadOnlyList<MissionExpertRow> Experts, int ExpertDays, IReadOnlyList<StaffingWarning> Warnings,
    IReadOnlyList<RecommendationRow> Recommendations, MissionPermissions Can, long Version)
{
    [System.Text.Json.Serialization.JsonIgnore] public MissionStatus StatusValue => ProjectCodes.Parse<MissionStatus>(Status)!.Value;
    [System.Text.Json.Serialization.JsonIgnore] public MissionForm FormValue => ProjectCodes.Parse<MissionForm>(Form)!.Value;
}

/// <summary>
/// One mission the user reads. Who asked, the experts' names and grades, and the names of those who assessed, decided and
/// followed up are shown within the mission's personal-data scope (<see cref="Access.ReadsMissionPersonalDataAsync"/>);
/// a coopérant's name also needs his own (<see cref="Access.NamedCooperantsAsync"/>).
/// </summary>
public class GetMission(CooperationDbContext db, Access access, MissionAccess missions, TimeProvider clock) : IUseCase
{
    public async Task<MissionDetails> HandleAsync(int id, CancellationToken ct = default)
    {
        var countryId = await missions.ReadableCountryAsync(id, ct);
        var personal = await access.ReadsMissionPersonalDataAsync(countryId, ct);
        var named = await access.NamedCooperantsAsync(ct);
        var today = clock.Today();
        var m = await db.Missions.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id, x.Subject, x.Country!.Iso2, x.Country.NameFr, x.Country.NameEn, Org = x.Organisation!.Acronym, OrgFr = x.Organisation.NameFr,
            OrgEn = x.Organisation.NameEn, Zone = x.Country.Zone!.Code, ZoneFr = x.Country.Zone.NameFr, ZoneEn = x.Country.Zone.NameEn,
            Type = x.HostAuthorityType!.Code, TypeFr = x.HostAuthorityType.NameFr, TypeEn = x.HostAuthorityType.NameEn, x.HostAuthorityName,
            x.RequestedBy, x.RequestedOn, Domain = x.Domain!.Code, DomainFr = x.Domain.NameFr, DomainEn = x.Domain.NameEn, x.Form,
            x.PlannedStartDate, x.PlannedEndDate, x.ProjectId, ProjectTitle = x.Project!.Title, x.Status, x.Relevance, x.Feasibility, x.Risks,
            x.AssessedBy, x.AssessedOn, x.DecisionReason, x.DecidedBy, x.DecidedOn, x.ActualStartDate, x.ActualEndDate, x.Summary, x.ReportedOn,
            x.ClosingReason, x.ClosedOn, x.Version, ReportFile = x.ReportFile!.FileName, LetterFile = x.RequestLetter!.FileName,
        }).SingleAsync(ct);

        var experts = await db.MissionExperts.AsNoTracking().Where(e => e.MissionId == id).OrderBy(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.CooperantId, e.ExpertId, e.StartDate, e.EndDate, e.Days, e.PostingId,
                Named = e.CooperantId != null && named.Any(c => c.Id == e.CooperantId),
                First = e.CooperantId != null ? e.Cooperant!.FirstName : e.Expert!.FirstName,
                Last = e.CooperantId != null ? e.Cooperant!.LastName : e.Expert!.LastName,
                Grade = e.CooperantId != null ? e.Cooperant!.Rank : e.Expert!.Grade,
                Speciality = e.ExpertId != null ? e.Expert!.Speciality : null,
                AdmFr = e.CooperantId != null ? e.Cooperant!.Administration!.NameFr : e.Expert!.Administration!.NameFr,
                AdmEn = e.CooperantId != null ? e.Cooperant!.Administration!.NameEn : e.Expert!.Administration!.NameEn,
            }).ToListAsync(ct);
        string? NameOf(bool isCooperant, bool namedCooperant, string first, string last) =>
            personal && (!isCooperant || namedCooperant) ? $"{first} {last.ToUpperInvariant()}" : PersonalData.Redacted;
        var expertRows = experts.Select(e =>
        {
            var visible = personal && (e.CooperantId is null || e.Named);
            return new MissionExpertRow(e.Id, e.CooperantId is null ? "expert" : "cooperant", e.CooperantId, e.ExpertId,
                NameOf(e.CooperantId is not null, e.Named, e.First, e.Last), Names.Pick(e.AdmFr, e.AdmEn), PersonalData.Show(visible, e.Grade),
                e.Speciality, e.StartDate, e.EndDate, e.Days, e.PostingId);
        }).ToList();

        // A coopérant already on another mission at those dates: the warning names only missions the user reads.
        var cooperantIds = experts.Where(e => e.CooperantId is not null).Select(e => e.CooperantId!.Value).ToList();
        var visibleMissions = access.VisibleMissions(db.Missions);
        var others = await db.MissionExperts.AsNoTracking()
            .Where(o => o.MissionId != id && o.CooperantId != null && cooperantIds.Contains(o.CooperantId.Value)
                && o.Mission!.Status != MissionStatus.Declined && visibleMissions.Any(v => v.Id == o.MissionId))
            .Select(o => new { CooperantId = o.CooperantId!.Value, o.MissionId, o.StartDate, o.EndDate }).ToListAsync(ct);
        var warnings = (from e in experts.Where(e => e.CooperantId is not null)
                        from o in others.Where(o => o.CooperantId == e.CooperantId && o.StartDate <= e.EndDate && e.StartDate <= o.EndDate)
                        select new StaffingWarning(o.CooperantId, NameOf(true, e.Named, e.First, e.Last), o.MissionId, o.StartDate, o.EndDate)).ToList();

        var recommendations = (await db.Recommendations.AsNoTracking().Where(r => r.MissionId == id).OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Text, r.OwnerAuthority, r.DueDate, r.Priority, r.Status, r.FinishedOn, r.Version,
                FollowUps = r.FollowUps.OrderBy(f => f.Date).ThenBy(f => f.Id).Select(f => new { f.Date, f.Note, f.Author, f.Status }).ToList(),
            }).ToListAsync(ct))
            .Select(r => new RecommendationRow(r.Id, r.Text, r.OwnerAuthority, r.DueDate, ProjectCodes.Of(r.Priority), ProjectCodes.Of(r.Status),
                r.DueDate < today && (r.Status is RecommendationStatus.Open or RecommendationStatus.InProgress), r.FinishedOn,
                r.FollowUps.Select(f => new FollowUpRow(f.Date, f.Note, PersonalData.Show(personal, f.Author), ProjectCodes.Of(f.Status))).ToList(),
                r.Version)).ToList();

        return new MissionDetails(
            m.Id, m.Subject, m.Iso2, Names.Pick(m.NameFr, m.NameEn), m.Org, m.Org is null ? null : Names.Pick(m.OrgFr, m.OrgEn), m.Zone ?? "",
            m.Zone is null ? "" : Names.Pick(m.ZoneFr, m.ZoneEn), m.Type, Names.Pick(m.TypeFr, m.TypeEn), m.HostAuthorityName,
            PersonalData.Show(personal, m.RequestedBy), m.RequestedOn, m.Domain, Names.Pick(m.DomainFr, m.DomainEn), ProjectCodes.Of(m.Form),
            m.PlannedStartDate, m.PlannedEndDate, m.ProjectId is { } p ? new MissionProject(p, m.ProjectTitle) : null, ProjectCodes.Of(m.Status),
            m.AssessedOn is { } assessed ? new MissionAssessment(m.Relevance!, m.Feasibility!, m.Risks!, PersonalData.Show(personal, m.AssessedBy), assessed) : null,
            m.DecidedOn is { } decided
                ? new MissionDecision(m.Status is not (MissionStatus.Declined), m.DecisionReason, PersonalData.Show(personal, m.DecidedBy), decided)
                : null,
            m.ActualStartDate, m.ActualEndDate, m.Summary, m.ReportedOn, m.ReportFile, m.LetterFile, m.ClosingReason, m.ClosedOn,
            expertRows, expertRows.Sum(e => e.Days), warnings, recommendations,
            new MissionPermissions(await access.CanConductMissionAsync(countryId, ct), access.CanDecideMissions,
                await access.CanFollowUpMissionAsync(countryId, ct)),
            m.Version);
    }
}
