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

    /// <summary>A coopérant of his own (names, e-mail and telephone nobody else bears) with the postings given, in this order.</summary>
    public sealed record PostedCooperant(int Id, string FirstName, string LastName, string Email, string Phone, IReadOnlyList<int> Postings)
    {
        public string FullName => $"{FirstName} {LastName.ToUpperInvariant()}";
    }

    public static Task<PostedCooperant> CooperantPostedAsync(this CooperationFactory factory, params (string Iso2, DateOnly Start, DateOnly? End)[] postings) =>
        factory.WithDbAsync(async db =>
        {
            var last = TestData.UniqueName("Zeltrov");
            var cooperant = new Cooperant
            {
                FirstName = TestData.UniqueName("Ysolde"), LastName = last, Rank = "Lieutenant-colonel",
                AdministrationId = await db.Administrations.Where(x => x.Code == "ARM").Select(x => x.Id).SingleAsync(),
                Email = $"{last.ToLowerInvariant()}@cooperation.test",
                Phone = $"+33 6 {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}",
            };
            cooperant.NormalizedName = Cooperant.Normalize(cooperant.FirstName, cooperant.LastName);
            var type = await db.HostAuthorityTypes.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var made = new List<Posting>();
            foreach (var (iso2, start, end) in postings)
                made.Add(cooperant.Post(new PostingTerms(await db.Countries.Where(x => x.Iso2 == iso2).Select(x => x.Id).SingleAsync(), null, type,
                    "État-major général", "Conseiller", start, end ?? start.AddYears(3), end)));
            db.Cooperants.Add(cooperant);
            await db.SaveChangesAsync();
            return new PostedCooperant(cooperant.Id, cooperant.FirstName, last, cooperant.Email, cooperant.Phone, made.Select(p => p.Id).ToList());
        });

    /// <summary>A country the desk officer for Africa has no say in (another zone): its ISO2 code.</summary>
    public static Task<string> CountryOutsideAfricaAsync(this CooperationFactory factory) => factory.WithDbAsync(async db =>
    {
        var africa = await db.UserZones.Where(z => db.Users.Any(u => u.Id == z.UserId && u.Email == DemoAccounts.DeskAfrica)).Select(z => z.ZoneId).ToListAsync();
        return await db.Countries.AsNoTracking().Where(c => c.ZoneId != null && !africa.Contains(c.ZoneId.Value))
            .OrderBy(c => c.Iso2).Select(c => c.Iso2).FirstAsync();
    });
}
