namespace Cooperation.Tests.Network;

/// <summary>Records of the demo data that the Network tests write on, each test taking its own.</summary>
public static class NetworkTestData
{
    /// <summary>
    /// A former coopérant (only ended postings). The demo generator creates them last, so counting from the highest
    /// id gives each test a coopérant of its own that stays the same whatever other tests have written.
    /// </summary>
    public static Task<int> FormerCooperantAsync(this CooperationFactory factory, int index) => factory.WithDbAsync(async db =>
    {
        var today = TestData.Today;
        var cooperant = await db.Cooperants.AsNoTracking().OrderByDescending(c => c.Id).Skip(index)
            .Select(c => new { c.Id, Free = c.Postings.All(p => p.ActualEndDate != null && p.ActualEndDate <= today) }).FirstAsync();
        if (!cooperant.Free) throw new InvalidOperationException($"Former coopérant #{index} has been posted by another test: give each test its own index.");
        return cooperant.Id;
    });

    /// <summary>A coopérant in post today in a country (not with an organisation), and his posting.</summary>
    public static Task<(int CooperantId, int PostingId)> ActivePostingAsync(this CooperationFactory factory, string iso2, int index = 0) =>
        factory.WithDbAsync(async db =>
        {
            var today = TestData.Today;
            var p = await db.Postings.AsNoTracking()
                .Where(p => p.Country!.Iso2 == iso2 && p.OrganisationId == null && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today))
                .OrderBy(p => p.Id).Skip(index).Select(p => new { p.CooperantId, p.Id }).FirstAsync();
            return (p.CooperantId, p.Id);
        });
}
