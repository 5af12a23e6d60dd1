namespace Cooperation.Tests.Infrastructure;

/// <summary>Programmes the tests that walk every page or route need a record of.</summary>
public static class ProgrammeBuilder
{
    /// <summary>
    /// A programme of Senegal's (the demo desk officer's zone, the demo coopérant's country), submitted so that the
    /// coopérant reads it too, and still open so that its edit form opens: the first one there is, or a new one for this
    /// year planning places at the EMPABB.
    /// </summary>
    public static async Task<int> SenegalAsync(CooperationDbContext db, DateOnly today)
    {
        if (await db.Programmes.Where(p => p.Country!.Iso2 == "SN" && p.Status != ProgrammeStatus.Draft && p.Status != ProgrammeStatus.Closed).OrderBy(p => p.Id)
                .Select(p => (int?)p.Id).FirstOrDefaultAsync() is { } id)
            return id;
        var programme = new Programme { CountryId = await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync(), Year = today.Year };
        var school = await db.RegionalSchools.Where(x => x.Acronym == "EMPABB").Select(x => x.Id).SingleAsync();
        var domain = await db.Domains.Where(d => d.Code == "PEACEKEEPING").Select(d => d.Id).SingleAsync();
        programme.Plan(new ProgrammePlan([new(domain, "Contribution aux opérations de paix")],
            [new(ProgrammeMode.Training, school, domain, null, null, null, 4, 0, 0, 8_000, FundingSource.NationalCredits)],
            [new(ProgrammeMode.Training, FundingSource.NationalCredits, 8_000)]));
        programme.Submit(today);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    }

    /// <summary>
    /// A partner whose programme of a year is not drafted yet: the demo's programmes of that partner and year removed
    /// (the demo plans every partner with activity), so that a test drafts and approves its own.
    /// </summary>
    public static Task<int> NotDraftedAsync(this CooperationFactory factory, string iso2, int year) =>
        factory.WithDbAsync(db => db.Programmes.Where(p => p.Country!.Iso2 == iso2 && p.Year == year).ExecuteDeleteAsync());
}
