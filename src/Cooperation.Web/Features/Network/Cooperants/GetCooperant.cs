namespace Cooperation.Web.Features.Network.Cooperants;

/// <summary>A posting of a coopérant's history. <see cref="Country"/> is the host country (an organisation's seat).</summary>
public record CooperantPosting(
    int Id, string Country, string CountryName, string? Organisation, string? OrganisationName,
    string HostAuthorityType, string HostAuthorityTypeName, string HostAuthorityName, string PositionTitle,
    DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ActualEndDate, bool Active)
{
    /// <summary>The project the posting serves (the one chain), if any.</summary>
    public int? ProjectId { get; init; }
    public string? ProjectTitle { get; init; }
}

/// <summary>
/// A coopérant's profile and postings, newest first. Names and contacts are <see cref="PersonalData.Redacted"/>
/// where the user may not see them. <see cref="Country"/> is the country of his scope (active posting, else latest).
/// </summary>
public record CooperantDetails(
    int Id, string FirstName, string LastName, string Administration, string AdministrationName, string Rank,
    string? SpecialtyDomain, string? SpecialtyDomainName, string Languages, string? Email, string? Phone, string Status,
    string? Country, string? CountryName, long Version, bool Redacted, bool CanEdit,
    IReadOnlyList<CooperantPosting> Postings);

public class GetCooperant(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    /// <summary>The coopérant; not found when he does not exist or lies outside the user's scope.</summary>
    public async Task<CooperantDetails> HandleAsync(int id, CancellationToken ct = default)
    {
        var today = clock.Today();
        var c = await db.Cooperants.AsNoTracking().Where(c => c.Id == id).Select(c => new
        {
            c.Id, c.FirstName, c.LastName, c.Rank, c.Languages, c.Email, c.Phone, c.Version,
            AdministrationCode = c.Administration!.Code, AdministrationFr = c.Administration.NameFr, AdministrationEn = c.Administration.NameEn,
            DomainCode = c.SpecialtyDomain == null ? null : c.SpecialtyDomain.Code,
            DomainFr = c.SpecialtyDomain == null ? null : c.SpecialtyDomain.NameFr,
            DomainEn = c.SpecialtyDomain == null ? null : c.SpecialtyDomain.NameEn,
        }).SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException();

        if (!await access.SeesCooperantAsync(id, ct)) throw new RecordNotFoundException();
        // His postings apart, over their coopérant's index (joined to the coopérant, every posting would be read).
        var history = await db.Postings.AsNoTracking().Where(p => p.CooperantId == id).Select(p => new
        {
            p.Id, p.CountryId, p.Country!.Iso2, CountryFr = p.Country.NameFr, CountryEn = p.Country.NameEn,
            Organisation = p.Organisation == null ? null : p.Organisation.Acronym,
            OrganisationFr = p.Organisation == null ? null : p.Organisation.NameFr,
            OrganisationEn = p.Organisation == null ? null : p.Organisation.NameEn,
            TypeCode = p.HostAuthorityType!.Code, TypeFr = p.HostAuthorityType.NameFr, TypeEn = p.HostAuthorityType.NameEn,
            p.HostAuthorityName, p.PositionTitle, p.StartDate, p.PlannedEndDate, p.ActualEndDate,
            p.ProjectId, ProjectTitle = p.Project == null ? null : p.Project.Title,
        }).ToListAsync(ct);
        var placing = Placement.Placing(history, p => p.StartDate, p => p.ActualEndDate, today);
        var visible = await access.ReadsCooperantAsync(id, ct);
        var canEdit = await access.CanEditCooperantAsync(id, ct);
        var postings = history
            .OrderByDescending(p => p.StartDate)
            .Select(p => new CooperantPosting(
                p.Id, p.Iso2, Names.Pick(p.CountryFr, p.CountryEn), p.Organisation,
                p.OrganisationFr is null ? null : Names.Pick(p.OrganisationFr, p.OrganisationEn!),
                p.TypeCode, Names.Pick(p.TypeFr, p.TypeEn), p.HostAuthorityName, p.PositionTitle,
                p.StartDate, p.PlannedEndDate, p.ActualEndDate,
                Posting.IsActive(p.StartDate, p.ActualEndDate, today)) { ProjectId = p.ProjectId, ProjectTitle = p.ProjectTitle })
            .ToList();

        return new CooperantDetails(
            c.Id, PersonalData.Show(visible, c.FirstName)!, PersonalData.Show(visible, c.LastName)!,
            c.AdministrationCode, Names.Pick(c.AdministrationFr, c.AdministrationEn), c.Rank, c.DomainCode,
            c.DomainFr is null ? null : Names.Pick(c.DomainFr, c.DomainEn!), c.Languages,
            c.Email is null ? null : PersonalData.Show(visible, c.Email),
            c.Phone is null ? null : PersonalData.Show(visible, c.Phone),
            CooperantStatus.Of(placing?.StartDate, placing?.ActualEndDate, today), placing?.Iso2,
            placing is null ? null : Names.Pick(placing.CountryFr, placing.CountryEn), c.Version, !visible, canEdit,
            postings);
    }
}
