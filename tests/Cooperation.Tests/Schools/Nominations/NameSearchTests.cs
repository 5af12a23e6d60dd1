using System.Security.Claims;
using Cooperation.Web.Features.Shared;
using Cooperation.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>
/// A name searched among the nominations finds those whose candidates' names hold every word, on both providers and by
/// both of SQLite's ways to read them (from few candidates, along the list's order for many), and the index of the
/// names' trigrams follows the trainees as they are added, renamed and removed.
/// </summary>
public class NameSearchTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Theory]
    [InlineData("tra")]
    [InlineData("moussa")]
    [InlineData("ou")]
    [InlineData("ou tra")]
    [InlineData("Zzqx")]
    [InlineData("traore moussa")]
    public async Task A_name_search_finds_the_nominations_whose_candidates_names_hold_every_word(string search)
    {
        var words = Access.NameWords(search);
        var names = await factory.WithDbAsync(db => db.Trainees.Select(t => new { t.Id, t.NormalizedName }).ToListAsync());
        var named = names.Where(t => words.All(w => t.NormalizedName.Contains(w, StringComparison.Ordinal))).Select(t => t.Id).ToHashSet();
        var expected = await factory.WithDbAsync(db => db.Nominations.Select(n => new { n.Id, n.TraineeId }).ToListAsync());
        var ids = expected.Where(n => named.Contains(n.TraineeId)).Select(n => n.Id).Order().ToList();
        if (search != "Zzqx") named.ShouldNotBeEmpty();

        // From few candidates (every one read first) and along the order (none taken as few).
        foreach (var few in new[] { int.MaxValue - 1, 0 })
            (await FoundAsync(words, few)).ShouldBe(ids, $"{search}, few up to {few}");

        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var page = await JsonAsync(await director.GetAsync($"/api/v1/nominations?search={Uri.EscapeDataString(search)}&pageSize=100&sort=session"));
        // Counted up to 10,000 (Paging.SearchCountLimit): "ou" finds more nominations.
        page.GetProperty("total").GetInt32().ShouldBe(Math.Min(ids.Count, Paging.SearchCountLimit));
        page.GetProperty("totalIsLowerBound").GetBoolean().ShouldBe(ids.Count > Paging.SearchCountLimit);
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldBeSubsetOf(ids);

        // The trainees' list, by the same rule: those few read by their ids, the others tested along the names' order.
        var trainees = await JsonAsync(await director.GetAsync($"/api/v1/trainees?q={Uri.EscapeDataString(search)}&pageSize=100"));
        trainees.GetProperty("total").GetInt32().ShouldBe(Math.Min(named.Count, Paging.SearchCountLimit));
        trainees.GetProperty("totalIsLowerBound").GetBoolean().ShouldBe(named.Count > Paging.SearchCountLimit);
        // In the names' order, as the database sorts them unsearched (on PostgreSQL the few are sorted apart, behind an OFFSET).
        var byName = await factory.WithDbAsync(db => db.Trainees.Where(t => named.Contains(t.Id))
            .OrderBy(t => t.NormalizedName).ThenBy(t => t.Id).Select(t => t.Id).Take(100).ToListAsync());
        trainees.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldBe(byName);
    }

    [Fact]
    public async Task A_trainee_is_found_by_his_name_once_added_by_his_new_name_once_renamed_and_no_more_once_removed()
    {
        var first = UniqueName("Awa");
        var renamed = UniqueName("Binta");
        var id = await factory.WithDbAsync(async db =>
        {
            var trainee = new Trainee
            {
                FirstName = first, LastName = "Diop", BirthDate = new DateOnly(1990, 5, 2), Gender = Gender.Female,
                NationalityId = (await db.Countries.FirstAsync(c => c.Iso2 == "SN")).Id, AdministrationId = (await db.Administrations.FirstAsync()).Id,
                NormalizedName = Trainee.Normalize(first, "Diop"),
            };
            db.Trainees.Add(trainee);
            await db.SaveChangesAsync();
            return trainee.Id;
        });
        (await FoundTraineesAsync(first)).ShouldBe([id]);

        await factory.WithDbAsync(async db =>
        {
            var trainee = await db.Trainees.SingleAsync(t => t.Id == id);
            trainee.FirstName = renamed;
            trainee.NormalizedName = Trainee.Normalize(renamed, trainee.LastName);
            return await db.SaveChangesAsync();
        });
        (await FoundTraineesAsync(first)).ShouldBeEmpty();
        (await FoundTraineesAsync(renamed)).ShouldBe([id]);

        await factory.WithDbAsync(async db => await db.Trainees.Where(t => t.Id == id).ExecuteDeleteAsync());
        (await FoundTraineesAsync(renamed)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_names_index_is_whole_after_the_demo_datas_bulk_load()
    {
        // The load sets aside what keeps the index row after row (BulkInsert.BeginLoadAsync) and makes it again at its end.
        await factory.WithDbAsync(async db =>
        {
            if (db.Database.IsSqlite())
            {
                // FTS5 compares its index with the trainees' table and fails on a difference.
                await db.Database.ExecuteSqlRawAsync("""INSERT INTO "TraineeNames"("TraineeNames", rank) VALUES ('integrity-check', 1)""");
                (await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Trainees'").ToListAsync())
                    .Order().ShouldBe(["Trainees_NameDeleted", "Trainees_NameInserted", "Trainees_NameUpdated"]);
            }
            else
                (await db.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Trainees' AND indexdef LIKE '% USING gin %'").ToListAsync())
                    .ShouldBe(["IX_Trainees_NormalizedName_Trigrams"]);
            return 0;
        });
    }

    /// <summary>The nominations the director's search finds, by the rule every list applies.</summary>
    private async Task<List<int>> FoundAsync(string[] words, int few)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var access = new Access(Director, db, TimeProvider.System);
        var found = await access.NominationsOfCandidatesNamedAsync(db.Nominations, words, CancellationToken.None, few);
        return (await found.Select(n => n.Id).ToListAsync()).Order().ToList();
    }

    /// <summary>The trainees a search finds through the index of the names' trigrams (a nomination of each is not needed).</summary>
    private async Task<List<int>> FoundTraineesAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
        var words = Access.NameWords(name);
        if (db.Database.IsSqlite())
            return await db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "TraineeNames" WHERE "TraineeNames" MATCH {"\"" + words[0] + "\""}""").ToListAsync();
        var access = new Access(Director, db, TimeProvider.System);
        return await (await access.TraineesNamedAsync(words)).Select(t => t.Id).ToListAsync();
    }

    private static readonly ClaimsPrincipal Director = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Director)], "test"));
}
