using Cooperation.Web.Features.Programmes.FollowUp;
using System.Text.Json.Serialization;
using Cooperation.Web.Features.Donations;
using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Programmes.Programmes;

public record PriorityRow(string Domain, string DomainName, string Rationale);

/// <summary>A planned line as read: its target by code and name; budget and source hidden from whom reads only the places offered.</summary>
public record LineRow(
    int Number, string Mode, string ModeName, string? School, string? SchoolName, string? Domain, string? DomainName, string? Category,
    string? CategoryName, string? Posting, string? PostingName, int? ProjectId, string? ProjectTitle, int Quantity, int ExpertDays, decimal Value,
    decimal? Budget, string? Source, string? SourceName);

public record EnvelopeRow(string Mode, string ModeName, string Source, string SourceName, decimal Amount);

public record RevisionRow(int Number, string Reason, string RevisedBy, DateOnly RevisedOn);

/// <summary>A step of the cycle as the reader meets it: whether he may take it now, and if not, why.</summary>
public record CycleStep(string Step, bool Allowed, string? Reason);

/// <summary>A programme whole: its partner and year, where its cycle stands, its plan, revisions and what the reader may do.</summary>
public record ProgrammeDetail(
    int Id, string Country, string CountryName, string? Organisation, string? Zone, string? ZoneName, int Year, string Status, string StatusName,
    DateOnly? SubmittedOn, string? ReturnComment, string? DecidedBy, DateOnly? ApprovedOn, string? Assessment, DateOnly? ClosedOn, long Version,
    IReadOnlyList<PriorityRow> Priorities, IReadOnlyList<LineRow> Lines, IReadOnlyList<EnvelopeRow> Envelopes, IReadOnlyList<RevisionRow> Revisions,
    decimal? Budget, IReadOnlyList<CycleStep> Steps)
{
    [JsonIgnore] public ProgrammeStatus StatusValue { get; init; }
    [JsonIgnore] public ProgrammeKey Key { get; init; } = null!;
    [JsonIgnore] public int CountryId { get; init; }
}

/// <summary>
/// One programme the user reads (<see cref="Access.VisibleProgrammes"/>); a liaison officer reads only its training
/// places, without budget.
/// </summary>
public class GetProgramme(CooperationDbContext db, Access access, ProgrammeAccess programmes, IStringLocalizer<GetProgramme> text) : IUseCase
{
    public async Task<ProgrammeDetail> HandleAsync(int id, CancellationToken ct = default)
    {
        await programmes.ReadableCountryAsync(id, ct);
        var p = await db.Programmes.AsNoTracking().Include(x => x.Country!.Zone).Include(x => x.Organisation)
            .Include(x => x.Priorities).ThenInclude(x => x.Domain)
            .Include(x => x.Lines).ThenInclude(x => x.School).Include(x => x.Lines).ThenInclude(x => x.Domain)
            .Include(x => x.Lines).ThenInclude(x => x.Project)
            .Include(x => x.Envelopes).Include(x => x.Revisions).AsSplitQuery().SingleAsync(x => x.Id == id, ct);
        var onlyTraining = access.ReadsOnlyProgrammeTraining;
        var lines = p.Lines.OrderBy(l => l.Number).Where(l => !onlyTraining || l.Mode == ProgrammeMode.Training).ToList();
        var rows = lines.Select(l => new LineRow(
            l.Number, ProjectCodes.Of(l.Mode), l.Mode.Name(text), l.School?.Acronym, l.School?.Name, l.Domain?.Code,
            l.Domain is null ? null : Names.Pick(l.Domain.NameFr, l.Domain.NameEn), ProjectCodes.Of(l.Category), l.Category?.Name(text),
            ProjectCodes.Of(l.Posting), l.Posting?.Name(text), l.ProjectId, l.Project?.Title, l.Quantity, l.ExpertDays, l.Value,
            onlyTraining ? null : l.Budget, onlyTraining ? null : ProjectCodes.Of(l.Source), onlyTraining ? null : l.Source.Name(text))).ToList();
        var canDraft = await access.CanDraftProgrammeAsync(p.CountryId, ct);
        return new ProgrammeDetail(
            p.Id, p.Country!.Iso2, Names.Pick(p.Country.NameFr, p.Country.NameEn), p.Organisation?.Acronym, p.Country.Zone?.Code,
            p.Country.Zone is { } z ? Names.Pick(z.NameFr, z.NameEn) : null, p.Year, ProjectCodes.Of(p.Status), p.Status.Name(text),
            p.SubmittedOn, onlyTraining ? null : p.ReturnComment, p.DecidedBy, p.ApprovedOn, onlyTraining ? null : p.Assessment, p.ClosedOn, p.Version,
            onlyTraining ? [] : p.Priorities.Select(x => new PriorityRow(x.Domain!.Code, Names.Pick(x.Domain.NameFr, x.Domain.NameEn), x.Rationale)).ToList(),
            rows,
            onlyTraining ? [] : p.Envelopes.OrderBy(e => e.Mode).ThenBy(e => e.Source)
                .Select(e => new EnvelopeRow(ProjectCodes.Of(e.Mode), e.Mode.Name(text), ProjectCodes.Of(e.Source), e.Source.Name(text), e.Amount)).ToList(),
            onlyTraining ? [] : p.Revisions.OrderBy(r => r.Number).Select(r => new RevisionRow(r.Number, r.Reason, r.RevisedBy, r.RevisedOn)).ToList(),
            onlyTraining ? null : p.Lines.Sum(l => l.Budget),
            onlyTraining ? [] : Steps(p, canDraft))
        {
            StatusValue = p.Status, CountryId = p.CountryId,
            Key = new ProgrammeKey(p.Id, p.CountryId, p.OrganisationId, p.Year, lines.Select(l => (l.Number, l.Terms)).ToList(), p.Baseline),
        };
    }

    /// <summary>The steps of the cycle and, for each the reader may not take now, the reason.</summary>
    private List<CycleStep> Steps(Programme p, bool canDraft)
    {
        string? Drafter() => canDraft ? null : text["Réservé aux chargés de mission de la zone du pays."].Value;
        string? Decider() => access.CanDecideProgrammes ? null : text["Réservé au directeur."].Value;
        string? Closed() => p.Status == ProgrammeStatus.Closed ? text["Le programme est clôturé."].Value : null;
        return
        [
            new("edit", canDraft && p.PlanEditable, Closed() ?? Drafter() ?? (p.PlanEditable ? null : text["Approuvé ou soumis : il ne change que par une révision motivée."].Value)),
            new("submit", canDraft && p.PlanEditable && p.Lines.Count > 0, Closed() ?? Drafter()
                ?? (!p.PlanEditable ? text["Seul un programme en projet ou renvoyé se soumet."].Value : p.Lines.Count == 0 ? text["Aucune action planifiée."].Value : null)),
            new("approve", access.CanDecideProgrammes && p.Status == ProgrammeStatus.Submitted, Closed() ?? Decider()
                ?? (p.Status == ProgrammeStatus.Submitted ? null : text["Le programme n'est pas soumis au directeur."].Value)),
            new("return", access.CanDecideProgrammes && p.Status == ProgrammeStatus.Submitted, Closed() ?? Decider()
                ?? (p.Status == ProgrammeStatus.Submitted ? null : text["Le programme n'est pas soumis au directeur."].Value)),
            new("revise", canDraft && p.Approved && p.Status != ProgrammeStatus.Closed, Closed() ?? Drafter()
                ?? (p.Approved ? null : text["Seul un programme approuvé se révise."].Value)),
            new("close", canDraft && p.Approved && p.Status != ProgrammeStatus.Closed, Closed() ?? Drafter()
                ?? (p.Approved ? null : text["Seul un programme approuvé se clôture."].Value)),
        ];
    }
}
