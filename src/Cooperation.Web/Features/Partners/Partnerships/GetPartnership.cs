namespace Cooperation.Web.Features.Partners.Partnerships;

/// <summary>A year of contributions: what the directorate and the organisation each give.</summary>
public record ContributionRow(int Year, string Party, string PartyName, decimal Amount, string Currency, int CooperantsPlaced, int TrainingPlaces);

/// <summary>A course session the partnership covers, with the trainees trained in it (attended).</summary>
public record PartnershipSession(int Id, string Course, string School, DateOnly StartDate, DateOnly EndDate, string Status, int Trained);

/// <summary>A posting to the organisation under the partnership (the position, not the person).</summary>
public record PartnershipPosting(int Id, string PositionTitle, string HostAuthority, string Country, DateOnly StartDate, DateOnly PlannedEndDate);

public record PartnershipProject(int Id, string Title, string Status, DateOnly StartDate, DateOnly EndDate);

/// <summary>Trainees trained under the partnership in a year (attended one of its sessions).</summary>
public record TrainedByYear(int Year, int Trainees);

/// <summary>
/// A partnership with its contributions by year, the actions it covers (sessions, postings, projects) and the trainees
/// trained under it by year. <see cref="CanManage"/>: the reader may change it and attach actions.
/// </summary>
public record PartnershipPage(
    PartnershipRow Partnership, IReadOnlyList<string> DomainCodes, IReadOnlyList<string> CountryCodes, IReadOnlyList<string> ZoneCodes,
    IReadOnlyList<ContributionRow> Contributions, IReadOnlyList<PartnershipSession> Sessions, IReadOnlyList<PartnershipPosting> Postings,
    IReadOnlyList<PartnershipProject> Projects, IReadOnlyList<TrainedByYear> Trained, bool CanManage, AgreementFileRow? AgreementFile);

/// <summary>The signed agreement's file, as stored: downloaded from <c>/api/v1/partnerships/{id}/agreement</c>.</summary>
public record AgreementFileRow(string FileName, long Length, DateTimeOffset StoredAt);

public class GetPartnership(CooperationDbContext db, Access access, ListPartnerships list, IStringLocalizer<GetPartnership> text) : IUseCase
{
    public async Task<PartnershipPage> HandleAsync(int id, CancellationToken ct = default)
    {
        var row = await list.GetAsync(id, ct);
        var p = await db.Partnerships.AsNoTracking().Include(x => x.Domains).Include(x => x.Countries).Include(x => x.Zones).Include(x => x.Contributions)
            .AsSplitQuery().SingleAsync(x => x.Id == id, ct);
        var contributions = p.Contributions.OrderBy(c => c.Year).ThenBy(c => c.Party)
            .Select(c => new ContributionRow(c.Year, PartnershipForm.PartyCode(c.Party),
                c.Party == ContributionParty.Directorate ? text["Direction"] : text["Organisation"], c.Amount, c.Currency, c.CooperantsPlaced, c.TrainingPlaces))
            .ToList();

        var sessions = await (await access.VisibleSessionsAsync(db.CourseSessions.AsNoTracking(), ct)).Where(s => s.PartnershipId == id)
            .OrderBy(s => s.StartDate)
            .Select(s => new { s.Id, s.Course!.TitleFr, s.Course.TitleEn, s.Course.School!.Acronym, s.StartDate, s.EndDate, s.Status,
                Trained = s.Nominations.Count(n => n.Status == NominationStatus.Accepted && n.Attended == true) })
            .ToListAsync(ct);
        var countries = access.VisibleCountryIds;
        var postings = await db.Postings.AsNoTracking().Where(x => x.PartnershipId == id && (countries == null || countries.Contains(x.CountryId)))
            .OrderBy(x => x.StartDate)
            .Select(x => new { x.Id, x.PositionTitle, x.HostAuthorityName, x.Country!.NameFr, x.Country.NameEn, x.StartDate, x.PlannedEndDate })
            .ToListAsync(ct);
        var projects = await access.VisibleProjects(db.Projects.AsNoTracking()).Where(x => x.PartnershipId == id).OrderBy(x => x.StartDate)
            .Select(x => new PartnershipProject(x.Id, x.Title, x.Status.ToString(), x.StartDate, x.EndDate)).ToListAsync(ct);

        return new PartnershipPage(row,
            p.Domains.Select(d => d.Code).Order().ToList(), p.Countries.Select(c => c.Iso2).Order().ToList(), p.Zones.Select(z => z.Code).Order().ToList(),
            contributions,
            sessions.Select(s => new PartnershipSession(s.Id, Names.Pick(s.TitleFr, s.TitleEn), s.Acronym, s.StartDate, s.EndDate, s.Status.ToString(), s.Trained)).ToList(),
            postings.Select(x => new PartnershipPosting(x.Id, x.PositionTitle, x.HostAuthorityName, Names.Pick(x.NameFr, x.NameEn), x.StartDate, x.PlannedEndDate)).ToList(),
            projects,
            sessions.Where(s => s.Trained > 0).GroupBy(s => s.StartDate.Year).OrderBy(g => g.Key).Select(g => new TrainedByYear(g.Key, g.Sum(s => s.Trained))).ToList(),
            access.CanManagePartnership(EditPartnership.ZonesOf(p)),
            p.AgreementFileId is null ? null : await db.StoredFiles.AsNoTracking().Where(f => f.Id == p.AgreementFileId)
                .Select(f => new AgreementFileRow(f.FileName, f.Length, f.StoredAt)).SingleAsync(ct));
    }
}
