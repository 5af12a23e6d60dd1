namespace Cooperation.Web.Features.Partners.Organisations;

public record OrganisationPage(
    string Acronym, string NameFr, string NameEn, string Name, string Kind, CountryRef SeatCountry,
    IReadOnlyList<PartnerPosting> ActivePostings, IReadOnlyList<AdministrationCount> CooperantsByAdministration,
    IReadOnlyList<PartnerVacancy> OpenVacancies);

public class GetOrganisation(CooperationDbContext db, Access access, TimeProvider clock) : IUseCase
{
    /// <summary>The organisation's page; not found when it does not exist or its seat lies outside the user's scope.</summary>
    public async Task<OrganisationPage> HandleAsync(string acronym, CancellationToken ct = default)
    {
        var code = acronym.Trim().ToUpperInvariant();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Acronym == code)
            .Select(o => new
            {
                o.Id, o.Acronym, o.NameFr, o.NameEn, o.Kind, o.SeatCountryId,
                SeatIso2 = o.SeatCountry!.Iso2, SeatFr = o.SeatCountry.NameFr, SeatEn = o.SeatCountry.NameEn,
            })
            .SingleOrDefaultAsync(ct);
        if (organisation is null || !access.CanSeeCountry(organisation.SeatCountryId)) throw new RecordNotFoundException();

        var postings = await PartnerPostings.ReadAsync(access,
            db.Postings.AsNoTracking().ActiveOn(clock.Today()).Where(p => p.OrganisationId == organisation.Id), ct);
        var vacancies = await PartnerVacancies.ReadAsync(db.Vacancies.AsNoTracking().Where(v => v.OrganisationId == organisation.Id), ct);

        return new OrganisationPage(organisation.Acronym, organisation.NameFr, organisation.NameEn,
            Names.Pick(organisation.NameFr, organisation.NameEn), organisation.Kind.ToString(),
            new CountryRef(organisation.SeatIso2, Names.Pick(organisation.SeatFr, organisation.SeatEn)),
            postings.Postings, postings.ByAdministration, vacancies);
    }
}
