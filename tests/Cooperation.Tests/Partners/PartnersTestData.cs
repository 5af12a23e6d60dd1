namespace Cooperation.Tests.Partners;

/// <summary>What the Partners tests count in the demo data, independently of the application.</summary>
public static class PartnersTestData
{
    /// <summary>Coopérants in post today with the authorities of a country (not with an organisation seated there).</summary>
    public static Task<int> ActiveCountryPostingsAsync(this CooperationFactory factory, string iso2) => factory.WithDbAsync(db =>
        db.Postings.ActiveOn(Today).Where(p => p.OrganisationId == null && p.Country!.Iso2 == iso2).CountAsync());

    /// <summary>The last names of those coopérants.</summary>
    public static Task<List<string>> ActiveLastNamesAsync(this CooperationFactory factory, string iso2) => factory.WithDbAsync(db =>
        db.Postings.ActiveOn(Today).Where(p => p.OrganisationId == null && p.Country!.Iso2 == iso2).Select(p => p.Cooperant!.LastName).ToListAsync());
}
