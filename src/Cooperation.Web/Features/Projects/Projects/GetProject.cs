using Cooperation.Web.Features.Projects.Budget;
using Cooperation.Web.Features.Projects.Results;
using Cooperation.Web.Features.Schools.Sessions;

namespace Cooperation.Web.Features.Projects.Projects;

/// <summary>A place of the project: a country (ISO2) or a whole zone (its code), with its share.</summary>
public record PlaceRow(string? Country, string? Zone, string Name, decimal Percentage);

public record CodeName(string Code, string Name);

public record SectorRow(string Code, string Name, decimal Percentage);

/// <summary>
/// What the project's actions add up to: postings and the coopérants posted (those running today), sessions attached
/// and held (completed), trainees trained (distinct persons who attended a held session) and the women's share of them (0 to 1).
/// </summary>
public record ActionFigures(int Postings, int CooperantsPosted, int ActivePostings, int Sessions, int SessionsHeld, int TraineesTrained, double WomenShare);

/// <summary>A posting of the project; the coopérant's name is redacted outside the reader's scope.</summary>
public record ProjectPosting(int Id, int CooperantId, string CooperantName, string CountryName, string PositionTitle, DateOnly StartDate, DateOnly EndDate, bool Active);

/// <summary>A session of the project, with its accepted trainees.</summary>
public record ProjectSession(int Id, string CourseCode, string CourseTitle, string School, DateOnly StartDate, DateOnly EndDate, string Status, string StatusName, int Accepted);

/// <summary>
/// A project's page: its terms, places and shares, strategic priority (of its zone), EU part, classification, money,
/// results chain with indicators, and the actions attached to it with their figures. The named contacts (responsible
/// desk officer, partner contact) are <see cref="PersonalData.Redacted"/> for whoever may not see them.
/// <see cref="NextStatuses"/>: the steps of the cycle the reader may try; <see cref="Missing"/>: for a step that still lacks
/// something (<see cref="Project.Blocker"/>), what it is.
/// </summary>
public record ProjectDetails(
    int Id, string Title, string Summary, string Objective, string PartnerAuthorities, string Zone, string ZoneName, string Priority,
    IReadOnlyList<PlaceRow> Locations, IReadOnlyList<CodeName> Domains, CodeName? Operator,
    string? Responsible, string? ResponsibleEmail, string? ContactName, string? ContactEmail,
    DateOnly StartDate, DateOnly EndDate, string Status, string StatusName, DateOnly? StatusChangedOn, string? EvaluationSummary,
    bool EuFunded, string? EuMode, string? EuModeName, string? EuContractReference, bool Assessed,
    IReadOnlyList<SectorRow> Sectors, int GenderMarker, string? GenderJustification, int SsrMarker, int CrisisPreventionMarker,
    IReadOnlyList<string> Sdg16Targets, string? OdaEligibility, string? OdaEligibilityName, decimal? OdaEligibleShare, string? OdaReason,
    ProjectMoney Money, ResultsChain Results, ActionFigures Figures, IReadOnlyList<ProjectPosting> Postings, IReadOnlyList<ProjectSession> Sessions,
    bool Redacted, bool CanEdit, IReadOnlyList<string> NextStatuses, IReadOnlyDictionary<string, string> Missing, long Version)
{
    /// <summary>The multilateral partnership the project serves, if any (its organisation and agreement).</summary>
    public int? PartnershipId { get; init; }
    public string? PartnershipTitle { get; init; }
    /// <summary>The title and summary in English, for the IATI publication.</summary>
    public string? TitleEn { get; init; }
    public string? SummaryEn { get; init; }
    /// <summary>Published in the IATI activity file, with the identifier it got at its first publication.</summary>
    public bool IatiPublished { get; init; }
    public string? IatiIdentifier { get; init; }
}

public class GetProject(CooperationDbContext db, Access access, ProjectAccess projects, GetMoney money, GetResults results, TimeProvider clock,
    IStringLocalizer<GetProject> text) : IUseCase
{
    /// <summary>The project; not found when it does not exist or the user may not read it.</summary>
    public async Task<ProjectDetails> HandleAsync(int id, CancellationToken ct = default)
    {
        var zone = await projects.ReadableZoneAsync(id, ct);
        var p = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.Id, p.Title, p.Summary, p.Objective, p.PartnerAuthorities, ZoneCode = p.Zone!.Code, ZoneFr = p.Zone.NameFr, ZoneEn = p.Zone.NameEn,
            p.Zone.Priority, Operator = p.Operator == null ? null : new { p.Operator.Code, p.Operator.Name },
            // The responsible desk officer, the sectors' names and the partnership in the same statement: a round trip each less.
            ResponsibleName = db.Users.Where(u => u.Id == p.ResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault(),
            ResponsibleEmail = db.Users.Where(u => u.Id == p.ResponsibleUserId).Select(u => u.Email).FirstOrDefault(),
            Partnership = p.Partnership == null ? null : new { p.Partnership.Id, p.Partnership.Organisation!.Acronym, p.Partnership.AgreementTitle },
            p.ContactName, p.ContactEmail, p.StartDate, p.EndDate, p.Status, p.StatusChangedOn, p.EvaluationSummary,
            p.EuFunded, p.EuMode, p.EuContractReference, Assessed = p.Assessment != null,
            p.GenderMarker, p.GenderJustification, p.SsrMarker, p.CrisisPreventionMarker, p.Sdg16, p.Oda, p.OdaEligibleShare, p.OdaReason, p.Version,
            p.TitleEn, p.SummaryEn, p.IatiPublished, p.IatiIdentifier,
            Locations = p.Locations.OrderBy(l => l.Id).Select(l => new
            {
                Iso2 = l.Country == null ? null : l.Country.Iso2, CountryFr = l.Country == null ? null : l.Country.NameFr,
                CountryEn = l.Country == null ? null : l.Country.NameEn, Zone = l.Zone == null ? null : l.Zone.Code,
                ZoneFr = l.Zone == null ? null : l.Zone.NameFr, ZoneEn = l.Zone == null ? null : l.Zone.NameEn, l.Percentage,
            }).ToList(),
            Domains = p.Domains.Select(d => new { d.Code, d.NameFr, d.NameEn }).ToList(),
            Sectors = p.Sectors.OrderBy(s => s.Id).Select(s => new
            {
                s.Code, s.Percentage,
                NameFr = db.DacSectors.Where(d => d.Code == s.Code).Select(d => d.NameFr).FirstOrDefault(),
                NameEn = db.DacSectors.Where(d => d.Code == s.Code).Select(d => d.NameEn).FirstOrDefault(),
            }).ToList(),
        }).CollectionsByProvider(db.Database).SingleAsync(ct);

        var visible = access.SeesProjectContacts(zone);
        var canEdit = access.CanEditProject(zone);
        var status = p.Status;
        var (figures, postings, sessions) = await ActionsAsync(id, ct);
        var next = canEdit ? Project.StatusesAfter(status).ToList() : [];

        var partnership = p.Partnership;
        return new ProjectDetails(
            p.Id, p.Title, p.Summary, p.Objective, p.PartnerAuthorities, p.ZoneCode, Names.Pick(p.ZoneFr, p.ZoneEn), p.Priority.ToString(),
            p.Locations.Select(l => new PlaceRow(l.Iso2, l.Iso2 is null ? l.Zone : null,
                l.Iso2 is null ? Names.Pick(l.ZoneFr!, l.ZoneEn!) : Names.Pick(l.CountryFr!, l.CountryEn!), l.Percentage)).ToList(),
            p.Domains.Select(d => new CodeName(d.Code, Names.Pick(d.NameFr, d.NameEn))).OrderBy(d => d.Name).ToList(),
            p.Operator is null ? null : new CodeName(p.Operator.Code, p.Operator.Name),
            p.ResponsibleName is null ? null : PersonalData.Show(visible, p.ResponsibleName),
            p.ResponsibleEmail is null ? null : PersonalData.Show(visible, p.ResponsibleEmail),
            p.ContactName is null ? null : PersonalData.Show(visible, p.ContactName),
            p.ContactEmail is null ? null : PersonalData.Show(visible, p.ContactEmail),
            p.StartDate, p.EndDate, ProjectCodes.Of(status), status.Name(text), p.StatusChangedOn, p.EvaluationSummary,
            p.EuFunded, ProjectCodes.Of(p.EuMode), p.EuMode?.Name(text), p.EuContractReference, p.Assessed,
            p.Sectors.Select(s => new SectorRow(s.Code, s.NameFr is null ? s.Code : Names.Pick(s.NameFr, s.NameEn!), s.Percentage)).ToList(),
            (int)p.GenderMarker, p.GenderJustification, (int)p.SsrMarker, (int)p.CrisisPreventionMarker,
            p.Sdg16.Length == 0 ? [] : p.Sdg16.Split(';'), ProjectCodes.Of(p.Oda), p.Oda?.Name(text), p.OdaEligibleShare, p.OdaReason,
            await money.ReadAsync(id, ct), await results.ReadAsync(id, p.Objective, zone, ct), figures, postings, sessions,
            !visible, canEdit, next.Select(ProjectCodes.Of).ToList(), await MissingAsync(id, next, ct), p.Version)
        {
            PartnershipId = partnership?.Id,
            PartnershipTitle = partnership is null ? null : $"{partnership.Acronym} — {partnership.AgreementTitle}",
            TitleEn = p.TitleEn, SummaryEn = p.SummaryEn, IatiPublished = p.IatiPublished, IatiIdentifier = p.IatiIdentifier,
        };
    }

    /// <summary>What the steps of the cycle after this one still lack (approval, closing), in the reader's language.</summary>
    private async Task<IReadOnlyDictionary<string, string>> MissingAsync(int id, IReadOnlyList<ProjectStatus> next, CancellationToken ct)
    {
        if (!next.Any(s => s is ProjectStatus.Approved or ProjectStatus.Closed)) return new Dictionary<string, string>();
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Include(p => p.Budget).Include(p => p.Assessment)
            .Include(p => p.Indicators).ThenInclude(i => i.Values).AsSplitQuery().SingleAsync(ct);
        return next.Where(s => s is ProjectStatus.Approved or ProjectStatus.Closed).Select(s => (Status: s, Missing: project.Blocker(s)))
            .Where(b => b.Missing is not null)
            .ToDictionary(b => ProjectCodes.Of(b.Status)!, b => text[b.Missing!.MessageKey, b.Missing.Args].Value);
    }

    private async Task<(ActionFigures, IReadOnlyList<ProjectPosting>, IReadOnlyList<ProjectSession>)> ActionsAsync(int id, CancellationToken ct)
    {
        var today = clock.Today();
        var postingData = await db.Postings.AsNoTracking().Where(x => x.ProjectId == id)
            .Select(x => new
            {
                x.Id, x.CooperantId, x.Cooperant!.FirstName, x.Cooperant.LastName, x.CountryId, x.Country!.NameFr, x.Country.NameEn,
                Organisation = x.Organisation!.Acronym, x.PositionTitle, x.StartDate, x.PlannedEndDate, x.ActualEndDate,
            }).ToListAsync(ct);
        var personal = await access.PersonalDataCountryIdsAsync(ct);
        var seen = access.VisibleCountryIds;
        var postings = postingData.Where(x => seen is null || seen.Contains(x.CountryId)).OrderByDescending(x => x.StartDate).ThenBy(x => x.Id)
            .Select(x => new ProjectPosting(x.Id, x.CooperantId,
                PersonalData.Show(personal is null || personal.Contains(x.CountryId), $"{x.FirstName} {x.LastName.ToUpperInvariant()}")!,
                x.Organisation is null ? Names.Pick(x.NameFr, x.NameEn) : $"{x.Organisation} ({Names.Pick(x.NameFr, x.NameEn)})",
                x.PositionTitle, x.StartDate, x.ActualEndDate ?? x.PlannedEndDate, Posting.IsActive(x.StartDate, x.ActualEndDate, today)))
            .ToList();

        var visibleSessions = await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct);
        var sessions = (await visibleSessions.Where(s => s.ProjectId == id)
                .Select(s => new
                {
                    s.Id, s.Course!.Code, s.Course.TitleFr, s.Course.TitleEn, School = s.Course.School!.Acronym, s.StartDate, s.EndDate, s.Status,
                    Accepted = s.Nominations.Count(n => n.Status == NominationStatus.Accepted),
                }).ToListAsync(ct))
            .OrderByDescending(s => s.StartDate).ThenBy(s => s.Id)
            .Select(s => new ProjectSession(s.Id, s.Code, Names.Pick(s.TitleFr, s.TitleEn), s.School, s.StartDate, s.EndDate, s.Status.ToString(),
                s.Status.Name(text), s.Accepted))
            .ToList();

        // The figures are aggregates without personal data: they count every action of the project.
        var sessionCounts = await db.CourseSessions.AsNoTracking().Where(s => s.ProjectId == id)
            .GroupBy(s => s.Status == SessionStatus.Completed).Select(g => new { Held = g.Key, Count = g.Count() }).ToListAsync(ct);
        var trained = await db.Nominations.AsNoTracking()
            .Where(n => n.Session!.ProjectId == id && n.Session.Status == SessionStatus.Completed && n.Status == NominationStatus.Accepted && n.Attended != false)
            .Select(n => new { n.TraineeId, n.Trainee!.Gender }).Distinct().ToListAsync(ct);
        var women = trained.Count(t => t.Gender == Gender.Female);
        var figures = new ActionFigures(
            postingData.Count, postingData.Select(x => x.CooperantId).Distinct().Count(),
            postingData.Count(x => Posting.IsActive(x.StartDate, x.ActualEndDate, today)),
            sessionCounts.Sum(c => c.Count), sessionCounts.Where(c => c.Held).Sum(c => c.Count), trained.Count,
            trained.Count == 0 ? 0 : Math.Round((double)women / trained.Count, 3));
        return (figures, postings, sessions);
    }
}
