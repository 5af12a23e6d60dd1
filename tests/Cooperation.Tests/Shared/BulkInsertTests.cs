using Microsoft.Data.Sqlite;

namespace Cooperation.Tests.Shared;

/// <summary>
/// The bulk writes of the demo generator and the imports: the load's SQLite settings (journal in memory, no sync, a large
/// page cache) hold only during the load, the connection finding its own settings again after; records written without
/// the change tracker take their keys and their references' keys, and the tables go on after them.
/// </summary>
public class BulkInsertTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Records_written_without_the_tracker_take_keys_after_the_highest_and_their_references_keys()
    {
        var courseId = await factory.CourseAsync();
        var last = $"Bulk{TestData.Unique()}";
        var (sessions, nominations) = await factory.WithDbAsync(async db =>
        {
            var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == courseId);
            var senegal = await db.Countries.AsNoTracking().SingleAsync(c => c.Iso2 == "SN");
            var army = await db.Administrations.AsNoTracking().SingleAsync(a => a.Code == "ARM");
            var highest = await db.CourseSessions.MaxAsync(s => s.Id);
            var sessions = Enumerable.Range(0, 2).Select(i => new CourseSession
            {
                Course = course, StartDate = new DateOnly(2027, 3, 1 + i), EndDate = new DateOnly(2027, 3, 12 + i), Place = "Bamako", Capacity = 10,
            }).ToList();
            var trainees = Enumerable.Range(0, 3).Select(i => new Trainee
            {
                FirstName = $"Awa{i}", LastName = last, NormalizedName = Trainee.Normalize($"Awa{i}", last), BirthDate = new DateOnly(1985, 1, 1 + i),
                Gender = Gender.Female, Nationality = senegal, Administration = army,
            }).ToList();
            var quotas = sessions.Select(s => new SessionQuota { Session = s, Country = senegal, Seats = 5 }).ToList();
            // The third trainee goes to the second session; the others to the first.
            var nominations = trainees.Select((t, i) => new Nomination
            {
                Session = sessions[i / 2], Trainee = t, Country = senegal, SubmittedAt = new DateTime(2027, 1, 5, 9, 0, 0, DateTimeKind.Utc),
            }).ToList();

            // A reference to a record not written yet is refused before anything is written.
            (await Should.ThrowAsync<InvalidOperationException>(() => BulkInsert.InsertNewAsync(db, nominations)))
                .Message.ShouldContain("CourseSession");
            nominations.ShouldAllBe(n => n.Id == 0);

            (await BulkInsert.InsertNewAsync(db, sessions)).ShouldBe(2);
            (await BulkInsert.InsertNewAsync(db, quotas)).ShouldBe(2);
            (await BulkInsert.InsertNewAsync(db, trainees)).ShouldBe(3);
            (await BulkInsert.InsertNewAsync(db, nominations)).ShouldBe(3);
            db.ChangeTracker.Entries().ShouldBeEmpty();
            sessions.Select(s => s.Id).ShouldBe([highest + 1, highest + 2]);
            return (sessions.Select(s => s.Id).ToList(), nominations.Select(n => n.Id).ToList());
        });

        await factory.WithDbAsync(async db =>
        {
            var written = await db.Nominations.AsNoTracking().Where(n => nominations.Contains(n.Id))
                .OrderBy(n => n.Trainee!.FirstName)
                .Select(n => new { n.SessionId, n.Trainee!.FirstName, n.Trainee.LastName, Country = n.Country!.Iso2, Nationality = n.Trainee.Nationality!.Iso2 })
                .ToListAsync();
            written.Select(n => (n.SessionId, n.FirstName, n.LastName, n.Country, n.Nationality)).ShouldBe(
                [(sessions[0], "Awa0", last, "SN", "SN"), (sessions[0], "Awa1", last, "SN", "SN"), (sessions[1], "Awa2", last, "SN", "SN")]);
            (await db.SessionQuotas.Where(q => sessions.Contains(q.SessionId)).SumAsync(q => q.Seats)).ShouldBe(10);
            (await db.CourseSessions.Where(s => sessions.Contains(s.Id)).Select(s => s.CourseId).Distinct().ToListAsync()).ShouldBe([courseId]);

            // The table goes on after the keys given (PostgreSQL's identity sequence too).
            var course = await db.Courses.SingleAsync(c => c.Id == courseId);
            var next = new CourseSession { Course = course, StartDate = new DateOnly(2027, 4, 1), EndDate = new DateOnly(2027, 4, 12), Place = "Dakar", Capacity = 10 };
            db.CourseSessions.Add(next);
            await db.SaveChangesAsync();
            next.Id.ShouldBeGreaterThan(sessions.Max());
            return 0;
        });
    }

    [Fact]
    public async Task A_load_sets_its_SQLite_settings_and_gives_the_connection_its_own_back_after()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cooperation-bulk-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCooperationDbContext>().UseSqlite($"Data Source={file}").Options;
            await using var db = new SqliteCooperationDbContext(options);
            await db.Database.OpenConnectionAsync();
            var before = await SettingsAsync(db);
            before.ShouldBe(("delete", 2L, -2000L));

            await using (await BulkInsert.BeginLoadAsync(db))
                (await SettingsAsync(db)).ShouldBe(("memory", 0L, -65536L));

            (await SettingsAsync(db)).ShouldBe(before);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<(string Journal, long Synchronous, long Cache)> SettingsAsync(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        async Task<object?> Read(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            return await command.ExecuteScalarAsync();
        }
        return ((string)(await Read("journal_mode"))!, (long)(await Read("synchronous"))!, (long)(await Read("cache_size"))!);
    }
}
