using Cooperation.Web.Features.Projects;

namespace Cooperation.Web.Features.Schools.Trainees;

/// <summary>A nomination of the trainee, which is his enrolment once accepted: the session, its result and certificate.</summary>
public record TraineeEnrolment(
    int NominationId, int SessionId, string CourseCode, string CourseTitle, string School, string SchoolName,
    DateOnly StartDate, DateOnly EndDate, string NominatedBy, string NominatedByName, string Status, bool? Attended,
    string? Result, string? CertificateCode, DateTime? CertificateIssuedAt)
{
    /// <summary>The project the session serves (the one chain), for those who read projects; none otherwise.</summary>
    public SessionProject? Project { get; init; }
}

/// <summary>
/// The project a trainee's session serves and how it is funded: whether the EU funds it, and the funding sources of its
/// planned budget (codes: nationalCredits, euDelegatedFunds, partnerCoFunding, otherDonors; and their names).
/// </summary>
public record SessionProject(int Id, string Title, bool EuFunded, IReadOnlyList<string> FundingSources, string Funding);

/// <summary>A position held after (or before) training; the prominent ones make the influence network.</summary>
public record TraineeCareerEntry(int Id, string Position, string Organisation, DateOnly StartDate, DateOnly? EndDate, bool Prominent, bool Current);

/// <summary>One step of the timeline: a session (<see cref="Enrolment"/>) or a position (<see cref="Career"/>), in date order.</summary>
public record TimelineItem(DateOnly Date, TraineeEnrolment? Enrolment, TraineeCareerEntry? Career);

/// <summary>
/// A trainee's record: identity, nationality, administration, rank, position, the nominations and enrolments the user
/// may see, and his career. Names, birth date and email are <see cref="PersonalData.Redacted"/> for the auditor;
/// <see cref="Version"/> is the version to send back with an edit or a career change.
/// </summary>
public record TraineeDetails(
    int Id, string FirstName, string LastName, string? BirthDate, string Gender, string Nationality,
    string NationalityName, string Administration, string AdministrationName, string Rank, string Position,
    string? Email, long Version, bool Redacted, bool Alumnus, bool Prominent, bool CanEdit, bool CanEditCareer,
    IReadOnlyList<TraineeEnrolment> Enrolments, IReadOnlyList<TraineeCareerEntry> Career)
{
    /// <summary>Sessions and positions in date order (the oldest first), as the record page shows them.</summary>
    public IReadOnlyList<TimelineItem> Timeline() =>
        Enrolments.Select(e => new TimelineItem(e.StartDate, e, null))
            .Concat(Career.Select(c => new TimelineItem(c.StartDate, null, c)))
            .OrderBy(i => i.Date).ThenBy(i => i.Career is null ? 0 : 1)
            .ToList();
}

public class GetTrainee(CooperationDbContext db, Access access, TimeProvider clock, IStringLocalizer<GetTrainee> text) : IUseCase
{
    /// <summary>The trainee; not found when he does not exist or lies outside the user's scope.</summary>
    public async Task<TraineeDetails> HandleAsync(int id, CancellationToken ct = default)
    {
        var visible = await access.VisibleTraineesAsync(db.Trainees.AsNoTracking(), ct);
        var named = await access.NamedTraineesAsync(ct);
        var seen = await access.NominationRuleAsync(ct);
        var t = await visible.Where(t => t.Id == id).Select(t => new
        {
            Named = named.Any(n => n.Id == t.Id),
            t.Id, t.FirstName, t.LastName, t.BirthDate, t.Gender, t.NationalityId, t.Rank, t.Position, t.Email, t.Version,
            t.Nationality!.Iso2, NationalityFr = t.Nationality.NameFr, NationalityEn = t.Nationality.NameEn,
            AdministrationCode = t.Administration!.Code, AdministrationFr = t.Administration.NameFr, AdministrationEn = t.Administration.NameEn,
            Alumnus = t.Nominations.AsQueryable().Where(seen).Any(n => n.Result == TrainingResult.Passed),
            Career = t.Career.Select(c => new { c.Id, c.Position, c.Organisation, c.StartDate, c.EndDate, c.Prominent }).ToList(),
        }).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();

        var nominations = await access.VisibleNominationsAsync(db.Nominations.AsNoTracking(), ct);
        var projects = await ProjectsAsync(nominations.Where(n => n.TraineeId == id), ct);
        var enrolments = (await nominations.Where(n => n.TraineeId == id).Select(n => new
            {
                n.Id, n.SessionId, n.Session!.Course!.Code, n.Session.Course.TitleFr, n.Session.Course.TitleEn,
                School = n.Session.Course.School!.Acronym, SchoolName = n.Session.Course.School.Name,
                n.Session.StartDate, n.Session.EndDate,
                CountryIso2 = n.Country!.Iso2, CountryFr = n.Country.NameFr, CountryEn = n.Country.NameEn,
                n.Status, n.Attended, n.Result, n.CertificateCode, n.CertificateIssuedAt, n.Session.ProjectId,
            }).ToListAsync(ct))
            .OrderBy(n => n.StartDate).ThenBy(n => n.Id)
            .Select(n => new TraineeEnrolment(n.Id, n.SessionId, n.Code, Names.Pick(n.TitleFr, n.TitleEn), n.School, n.SchoolName,
                n.StartDate, n.EndDate, n.CountryIso2, Names.Pick(n.CountryFr, n.CountryEn), TraineeRules.StatusCode(n.Status),
                n.Attended, TraineeRules.ResultCode(n.Result), n.CertificateCode, n.CertificateIssuedAt)
            {
                Project = n.ProjectId is { } projectId ? projects.GetValueOrDefault(projectId) : null,
            })
            .ToList();

        var today = clock.Today();
        var career = t.Career
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new TraineeCareerEntry(c.Id, c.Position, c.Organisation, c.StartDate, c.EndDate, c.Prominent,
                c.StartDate <= today && (c.EndDate is null || c.EndDate > today)))
            .ToList();

        var personal = t.Named;
        return new TraineeDetails(
            t.Id, PersonalData.Show(personal, t.FirstName)!, PersonalData.Show(personal, t.LastName)!,
            PersonalData.Show(personal, t.BirthDate.ToString("yyyy-MM-dd")), TraineeRules.GenderCode(t.Gender), t.Iso2,
            Names.Pick(t.NationalityFr, t.NationalityEn), t.AdministrationCode,
            Names.Pick(t.AdministrationFr, t.AdministrationEn), t.Rank, t.Position,
            t.Email is null ? null : PersonalData.Show(personal, t.Email), t.Version, !personal, t.Alumnus,
            t.Alumnus && t.Career.Any(c => c.Prominent), await access.CanEditTraineeAsync(t.NationalityId, ct),
            await access.CanEditCareerAsync(t.NationalityId, ct), enrolments, career);
    }

    /// <summary>The projects of the trainee's sessions that the user reads, with their funding.</summary>
    private async Task<Dictionary<int, SessionProject>> ProjectsAsync(IQueryable<Nomination> nominations, CancellationToken ct)
    {
        if (!access.SeesProjects) return [];
        var ids = await nominations.Where(n => n.Session!.ProjectId != null).Select(n => n.Session!.ProjectId!.Value).Distinct().ToListAsync(ct);
        if (ids.Count == 0) return [];
        var projects = await access.VisibleProjects(db.Projects.AsNoTracking()).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.EuFunded }).ToListAsync(ct);
        var sources = (await db.BudgetLines.AsNoTracking().Where(b => ids.Contains(b.ProjectId)).Select(b => new { b.ProjectId, b.Source }).ToListAsync(ct))
            .ToLookup(b => b.ProjectId, b => b.Source);
        var found = projects.Select(p => new { p.Id, p.Title, p.EuFunded, Sources = sources[p.Id].Distinct().ToList() }).ToList();
        return found.ToDictionary(p => p.Id, p =>
        {
            var sources = p.Sources.Order().ToList();
            return new SessionProject(p.Id, p.Title, p.EuFunded, sources.Select(ProjectCodes.Of).ToList(),
                string.Join(", ", sources.Select(s => s.Name(text))));
        });
    }
}
