namespace Cooperation.Tests.Shared;

/// <summary>
/// After the demo data are loaded, the planner has the statistics of the big tables on either provider: SQLite's
/// <c>PRAGMA optimize</c> (also at every start), PostgreSQL's <c>ANALYZE</c>, rather than plans made on empty statistics
/// until autovacuum comes by.
/// </summary>
public class PlannerStatisticsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task The_planner_has_the_statistics_of_the_big_tables_after_the_demo_data()
    {
        var sql = factory.OnPostgres
            ? "SELECT DISTINCT tablename::text AS \"Value\" FROM pg_stats WHERE schemaname = 'public'"
            : "SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1";
        var analysed = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        analysed.ShouldContain("Nominations");
        analysed.ShouldContain("CourseSessions");
        analysed.ShouldContain("Trainees");
    }
}
