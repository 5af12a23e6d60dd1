using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cooperation.Tests.Admin.Audit;

/// <summary>
/// The audit trail's hash chain in the database: intact as the application writes it, even with writers in parallel;
/// an entry altered or deleted behind its back (SQL) is found by the administrator's page, the API and the
/// verify-audit command, at the entry where it happened.
/// </summary>
public partial class AuditIntegrityTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private sealed record PageVerdict(bool Intact, long? Entry, string? Kind, string Html);

    private static async Task<PageVerdict> PageAsync(CooperationFactory app)
    {
        var page = await app.PageClientAsync(DemoAccounts.Admin);
        var html = await HtmlAsync(page, "/Admin/Audit/Integrity");
        var intact = IntactAttribute().Match(html).Groups[1].Value == "true";
        var broken = BreakAttributes().Match(html);
        return new PageVerdict(intact, broken.Success ? long.Parse(broken.Groups[1].Value) : null, broken.Success ? broken.Groups[2].Value : null, html);
    }

    private static async Task<JsonElement> ApiAsync(CooperationFactory app) =>
        await (await app.ApiClientAsync(DemoAccounts.Admin)).GetFromJsonAsync<JsonElement>("/api/v1/audit/integrity");

    private static Task<CommandResult> CommandAsync(CooperationFactory app) => AppProcess.RunAsync(["verify-audit", .. AppProcess.DatabaseArguments(app)]);

    [Fact]
    public async Task The_trail_the_application_wrote_is_intact_and_only_the_administrator_checks_it()
    {
        var verdict = await PageAsync(factory);
        verdict.Intact.ShouldBeTrue(verdict.Html);
        verdict.Html.ShouldContain("La chaîne est intacte");
        var total = await factory.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        var api = await ApiAsync(factory);
        api.GetProperty("intact").GetBoolean().ShouldBeTrue();
        api.GetProperty("entries").GetInt64().ShouldBeGreaterThanOrEqualTo(total);
        api.GetProperty("headHash").GetString()!.Length.ShouldBe(64);
        api.GetProperty("firstBreak").ValueKind.ShouldBe(JsonValueKind.Null);

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await desk.GetAsync("/api/v1/audit/integrity")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var deskPage = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await deskPage.GetAsync("/Admin/Audit/Integrity")).Headers.Location!.ToString().ShouldContain("/Account/Denied");
    }

    [Fact]
    public async Task Writers_in_parallel_append_one_unbroken_sequence()
    {
        var before = await factory.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        var token = Unique(6);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperationDbContext>();
            var country = await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync();
            var admin = await db.Administrations.Where(a => a.Code == "ARM").Select(a => a.Id).SingleAsync();
            for (var k = 0; k < 3; k++)
            {
                var last = $"Parallele{token}{i}x{k}";
                db.Trainees.Add(new Trainee
                {
                    FirstName = "Awa", LastName = last, NormalizedName = Trainee.Normalize("Awa", last), BirthDate = new DateOnly(1990, 1, 1),
                    Gender = Gender.Female, NationalityId = country, AdministrationId = admin,
                });
                await db.SaveChangesAsync();
            }
        })));

        var sequences = await factory.WithDbAsync(db => db.AuditEntries.Select(e => e.Sequence).ToListAsync());
        sequences.Count.ShouldBe((int)before + 36);
        sequences.Order().ShouldBe(Enumerable.Range(1, sequences.Count).Select(n => (long?)n));
        (await ApiAsync(factory)).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_entry_altered_in_the_database_is_found_where_it_was_altered()
    {
        using var app = new CooperationFactory();
        var (id, sequence) = await app.WithDbAsync(async db =>
        {
            var e = await db.AuditEntries.Where(e => e.EntityType == nameof(AppUser) && e.Action == "Created" && e.After!.Contains("admin@demo.local"))
                .Select(e => new { e.Id, e.Sequence }).SingleAsync();
            return (e.Id, e.Sequence!.Value);
        });
        (await CommandAsync(app)).ExitCode.ShouldBe(0);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"After\" = replace(\"After\", 'admin@demo.local', 'mallory@demo.local') WHERE \"Id\" = {0}", id));

        var verdict = await PageAsync(app);
        verdict.Intact.ShouldBeFalse();
        (verdict.Entry, verdict.Kind).ShouldBe((id, "Altered"));
        verdict.Html.ShouldContain($"Première entrée en cause : n° {sequence}");
        var api = await ApiAsync(app);
        api.GetProperty("intact").GetBoolean().ShouldBeFalse();
        api.GetProperty("firstBreak").GetProperty("entryId").GetInt64().ShouldBe(id);
        api.GetProperty("firstBreak").GetProperty("kind").GetString().ShouldBe("Altered");
        var command = await CommandAsync(app);
        command.ExitCode.ShouldBe(1, command.Output + command.Errors);
        command.Output.ShouldContain($"Audit trail BROKEN at entry id {id} (no. {sequence}): its content or place no longer matches its hash");
    }

    [Fact]
    public async Task A_deleted_entry_is_found_at_the_entry_after_it()
    {
        using var app = new CooperationFactory();
        var (deleted, next) = await app.WithDbAsync(async db =>
        {
            var middle = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(3).Take(2).Select(e => new { e.Id, e.Sequence }).ToListAsync();
            return ((middle[0].Id, middle[0].Sequence!.Value), (middle[1].Id, middle[1].Sequence!.Value));
        });

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", deleted.Id));

        var verdict = await PageAsync(app);
        (verdict.Intact, verdict.Entry, verdict.Kind).ShouldBe((false, next.Id, "Missing"));
        verdict.Html.ShouldContain($"N° attendu : {deleted.Value}.");
        var command = await CommandAsync(app);
        command.ExitCode.ShouldBe(1);
        command.Output.ShouldContain($"BROKEN at entry id {next.Id} (no. {next.Value}): entries are missing before it (no. {deleted.Value} expected)");
    }

    [Fact]
    public async Task Entries_of_a_database_older_than_the_chain_are_sealed_at_start_and_a_row_slipped_in_later_is_not()
    {
        // No scheduler running: going back past the scheduler's migration drops its tables, which a running (clustered)
        // scheduler holds between its check-ins — on PostgreSQL the two would deadlock.
        using var app = new JoblessFactory();
        var total = await app.WithDbAsync(async db =>
        {
            // Back to the schema before the chain (its columns dropped, the entries kept), then forward again as a start does.
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.IndexOf(migrations.Single(m => m.EndsWith("_AuditChainAndPseudonyms"))) - 1]);
            await migrator.MigrateAsync();
            (await db.AuditEntries.CountAsync(e => e.Hash != null)).ShouldBe(0);
            return await db.AuditEntries.CountAsync();
        });

        var sealedCount = await app.WithDbAsync(db => AuditTrail.SealLegacyAsync(db));

        sealedCount.ShouldBe(total);
        var api = await ApiAsync(app);
        api.GetProperty("intact").GetBoolean().ShouldBeTrue();
        api.GetProperty("headSequence").GetInt64().ShouldBeGreaterThanOrEqualTo(total);

        // A row written behind the application's back has no seal; a restart does not seal it, verification reports it.
        var strayId = await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"AuditEntries\" (\"At\", \"UserName\", \"Action\", \"EntityType\", \"EntityKey\", \"After\") " +
                "VALUES ({0}, 'mallory', 'Updated', 'Cooperant', '1', '{{\"Email\":\"mallory@example.org\"}}')", DateTimeOffset.UtcNow);
            return await db.AuditEntries.Where(e => e.Sequence == null).Select(e => e.Id).SingleAsync();
        });
        (await app.WithDbAsync(db => AuditTrail.SealLegacyAsync(db))).ShouldBe(0);
        var verdict = await PageAsync(app);
        (verdict.Intact, verdict.Entry, verdict.Kind).ShouldBe((false, strayId, "Unsealed"));
    }

    [GeneratedRegex("data-testid=\"integrity\" data-intact=\"(true|false)\"")]
    private static partial Regex IntactAttribute();

    [GeneratedRegex("data-testid=\"first-break\" data-entry=\"(\\d+)\" data-kind=\"(\\w+)\"")]
    private static partial Regex BreakAttributes();
}
