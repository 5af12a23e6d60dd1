namespace Cooperation.Tests.Shared;

/// <summary>
/// The contexts are pooled (Database.AddCooperationDatabase): a context goes back to the pool at the end of its scope
/// and serves another one. What a scope set on it (the audit's author, the audit switched off for a pseudonymisation)
/// must not follow it there.
/// </summary>
public class PooledContextTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.EnsureTestAccountsAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_context_back_from_the_pool_audits_what_the_scope_before_it_did_not()
    {
        var leased = new List<CooperationDbContext>();
        for (var i = 0; i < 3; i++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
            db.AuditEnabled = false;
            leased.Add(db);
        }
        // Pooled: the scopes, one after the other, were served by the same context, which went back with its audit on.
        leased.Distinct().Count().ShouldBeLessThan(3);
        leased.ShouldAllBe(db => db.AuditEnabled);

        var id = await factory.CourseAsync("EMPABB", "T-POOL-AUDIT");

        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Course) && a.EntityKey == id.ToString())
            .Select(a => new { a.Action, a.UserName }).ToListAsync());
        entries.ShouldHaveSingleItem().Action.ShouldBe("Created");
    }

    [Fact]
    public async Task A_write_through_the_API_is_in_its_author_s_name_and_the_next_scope_s_in_the_system_s()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var created = await api.PostAsJsonAsync("/api/v1/courses", new
        {
            school = "EMPABB", code = "T-POOL-AUTHOR", titleFr = "Formation du pool", titleEn = "Pool course", domain = "PEACEKEEPING",
            level = "Initial", durationDays = 5, languages = new[] { "fr" }, audience = new[] { "ARM" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var byApi = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var byScope = await factory.CourseAsync("EMPABB", "T-POOL-SYSTEM");

        async Task<string> AuthorOf(int course) => await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Course) && a.EntityKey == course.ToString() && a.Action == "Created")
            .Select(a => a.UserName).SingleAsync());
        (await AuthorOf(byApi)).ShouldBe(DemoAccounts.SchoolDirector);
        (await AuthorOf(byScope)).ShouldBe("system");
    }
}
