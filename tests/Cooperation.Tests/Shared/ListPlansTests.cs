using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Cooperation.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Tests.Shared;

/// <summary>
/// An instance whose kept counts and orders (<see cref="FigureCache"/>) follow no write and last the class: a request
/// compared with the one before it sends the same statements, whatever the other tests of this process write
/// meanwhile (every write of the process starts a new generation of the figures of all its instances).
/// </summary>
public sealed class SteadyFiguresFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Figures:MaxAgeSeconds", "3600");
        FiguresFollow(builder, _ => (() => 0, () => 0));
    }
}

/// <summary>
/// The main lists keep their indexes (issue 12, bench/PLANS.md): every query a list sends is read back with SQLite's
/// EXPLAIN QUERY PLAN, and none reads a big table whole ("SCAN table" without an index). A list walking an index in
/// its order ("SCAN c USING INDEX ...") or searching one is what is wanted. SQLite only: PostgreSQL's plans depend on
/// its statistics and are recorded in bench/PLANS.md; test.sh leaves this class out of its PostgreSQL run (category
/// SqliteOnly), and the tests fail rather than pass unchecked if run there.
/// </summary>
[Trait("Category", "SqliteOnly")]
public sealed partial class ListPlansTests(SteadyFiguresFactory factory) : IClassFixture<SteadyFiguresFactory>, IDisposable
{
    /// <summary>The tables that grow with the directorate (hundreds of thousands of rows at scale 10).</summary>
    private static readonly HashSet<string> BigTables =
    [
        "Cooperants", "Postings", "Trainees", "Nominations", "CareerEntries", "CourseSessions", "Recommendations",
        "Missions", "Donations", "DonationItems", "DonationChecks", "AuditEntries", "Notifications",
    ];

    private readonly ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> _commands = new();
    /// <summary>One subscription for the process: EF Core's listener outlives the factories.</summary>
    private static readonly IDisposable Subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners());
    private string? _dataSource;

    public void Dispose() => Listening = null;

    [Theory]
    [InlineData("/api/v1/cooperants")]
    [InlineData("/api/v1/cooperants?country=SN")]
    [InlineData("/api/v1/recommendations/overdue")]
    [InlineData("/api/v1/donations")]
    [InlineData("/api/v1/donations?country=SN")]
    [InlineData("/api/v1/nominations")]
    [InlineData("/api/v1/nominations?country=CI")]
    [InlineData("/api/v1/nominations?country=CI,SN")]
    [InlineData("/api/v1/trainees")]
    [InlineData("/api/v1/sessions")]
    [InlineData("/api/v1/sessions?country=CI")]
    [InlineData("/api/v1/sessions?country=CI,SN")]
    [InlineData("/api/v1/postings")]
    [InlineData("/api/v1/missions")]
    [InlineData("/Network/Cooperants")]
    [InlineData("/Missions/Recommendations/Overdue")]
    [InlineData("/Schools/Nominations")]
    [InlineData("/Schools/Sessions")]
    public async Task A_list_reads_no_big_table_whole(string route)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var client = await DirectorsClientAsync(route);
        var scans = await ScansOfAsync(() => client.GetAsync(route));
        scans.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cooperant_is_read_with_his_postings_by_their_index()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var id = await factory.WithDbAsync(db => db.Postings.Select(p => p.CooperantId).FirstAsync());
        var pages = await factory.PageClientAsync(DemoAccounts.Director);
        var scans = await ScansOfAsync(() => pages.GetAsync($"/Network/Cooperants/{id}"));
        scans.ShouldBeEmpty();
    }

    /// <summary>
    /// The international sessions' page reads neither their participants nor their invited countries: each session's
    /// are counted once, grouped, into a tally kept like the figures (<c>ListInternationalSessions</c>), which follows
    /// the writes (<c>InternationalSessionsApiTests</c>). Before, each row counted them in four correlated subqueries.
    /// </summary>
    [Fact]
    public async Task The_international_sessions_page_reads_no_participant_and_no_invited_country()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        (await api.GetAsync("/api/v1/international-sessions")).StatusCode.ShouldBe(HttpStatusCode.OK); // the tally, counted once
        var plan = await PlanOfAsync(() => api.GetAsync("/api/v1/international-sessions"));
        plan.Select(l => l.Sql).Distinct().Count().ShouldBe(1, string.Join("; ", plan.Select(l => l.Sql).Distinct()));
        plan.SelectMany(l => l.Tables.Values).ShouldContain("InternationalSessions");
        plan.SelectMany(l => l.Tables.Values).ShouldNotContain("SessionParticipants");
        plan.SelectMany(l => l.Tables.Values).ShouldNotContain("InternationalSessionCountries");
    }

    /// <summary>
    /// A country's nominations and donations are paged by the index on the country and the list's order
    /// (<c>ListFilters.OfCountries</c>): the list searches it for the country and sorts nothing itself, however many rows
    /// the country has. Through the country's code, PostgreSQL walked the list's order through every row for a country
    /// with few.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/nominations?country=CI", "Nominations", "IX_Nominations_CountryId_SubmittedAt_Id")]
    [InlineData("/api/v1/donations?country=SN", "Donations", "IX_Donations_CountryId_ProposedOn_Id")]
    public async Task A_countrys_page_is_read_from_the_index_on_its_country_and_the_lists_order(string route, string table, string index)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        (await api.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.OK); // the count, kept
        var plan = await PlanOfAsync(() => api.GetAsync(route));
        var page = plan.Where(l => l.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        page.ShouldNotBeEmpty();
        var details = page.Select(l => l.Detail).ToList();
        WalksInOrder(details, $"USING INDEX {index} (CountryId=?)");
        page.SelectMany(l => l.Tables.Values).ShouldContain(table);
        // The rows are found by their own key of their country, the country's code looked up apart (PostgreSQL's plan in
        // bench/PLANS.md): not by a join on the code, which SQLite plans as well but PostgreSQL does not.
        page.ShouldAllBe(l => l.Sql.Contains("\"CountryId\" = COALESCE((", StringComparison.Ordinal));
    }

    /// <summary>
    /// The nominations of one status (the desk's screening: the submitted, the waiting list, the accepted) are paged by
    /// the index on their status and the list's order. Without it, SQLite skipped through the countries' index on the
    /// status and sorted every accepted nomination: 204 ms a page at scale 10.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/nominations?status=Accepted")]
    [InlineData("/api/v1/nominations?status=Withdrawn")]
    [InlineData("/Schools/Nominations?Status=Accepted")]
    public async Task A_statuss_nominations_are_read_from_the_index_on_their_status_and_the_lists_order(string route)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        WalksInOrder(await PagePlanAsync(await DirectorsClientAsync(route), route), "USING INDEX IX_Nominations_Status_SubmittedAt_Id (Status=?)");
    }

    /// <summary>
    /// The trainees sorted by nationality walk the countries by the index on their names, in French and in English, and
    /// read each one's trainees by their own index: the whole list is never sorted. Before, SQLite sorted the 298,000
    /// trainees of scale 10 (305 ms), PostgreSQL too (144 ms).
    /// </summary>
    [Theory]
    [InlineData("/api/v1/trainees?sort=nationality", "fr", "IX_Countries_NameFr")]
    [InlineData("/api/v1/trainees?sort=-nationality", "en", "IX_Countries_NameEn")]
    public async Task The_trainees_sorted_by_nationality_walk_the_countries_names(string route, string language, string index)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var api = await factory.ApiClientAsync(DemoAccounts.Director, language);
        var details = await PagePlanAsync(api, route);
        WalksInOrder(details, $"USING INDEX {index}");
    }

    /// <summary>
    /// A page deep in the trainees or the nominations (past <c>Paging.DeepOffset</c> rows) skips the rows before it in
    /// the index of the list's order alone, then reads its own rows by their keys. An OFFSET over the rows themselves
    /// read every row it skipped: the trainees' page 2,000 took 175 ms on SQLite at scale 10, 60 ms on PostgreSQL.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/trainees?page=60", "IX_Trainees_NormalizedName_Id")]
    [InlineData("/api/v1/trainees?sort=-name&page=60", "IX_Trainees_NormalizedName_Id")]
    [InlineData("/api/v1/nominations?page=60", "IX_Nominations_SubmittedAt_Id")]
    [InlineData("/api/v1/nominations?sort=-status&page=60", "IX_Nominations_Status_SubmittedAt_Id")]
    public async Task A_deep_page_skips_the_rows_before_it_in_the_index_of_the_lists_order_alone(string route, string index)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var client = await DirectorsClientAsync(route);
        var details = await PagePlanAsync(client, route);
        details.ShouldContain(d => d.Contains("SCAN", StringComparison.Ordinal) && d.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal), string.Join("; ", details));
        details.ShouldContain(d => d.Contains("USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal), string.Join("; ", details));
    }

    /// <summary>
    /// The trainees of one gender by name, both ways, walk the index of their names and ids: SQLite had walked the index
    /// of their nationalities and sorted every woman of scale 10 for each page (116 ms).
    /// </summary>
    [Theory]
    [InlineData("/api/v1/trainees?gender=F&sort=name")]
    [InlineData("/api/v1/trainees?gender=F&sort=-name")]
    public async Task The_trainees_of_one_gender_by_name_walk_the_index_of_their_names_both_ways(string route)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        WalksInOrder(await PagePlanAsync(await DirectorsClientAsync(route), route), "USING INDEX IX_Trainees_NormalizedName_Id");
    }

    /// <summary>
    /// An administration's trainees by name walk the index on administration, name and id, both ways. Before it, SQLite
    /// read them by the administration's index and sorted them all: 59 ms for the 56,000 of the armed forces at scale 10.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/trainees?administration=ARM")]
    [InlineData("/api/v1/trainees?administration=ARM&sort=-name")]
    public async Task An_administrations_trainees_by_name_walk_the_index_of_administration_and_name_both_ways(string route)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        WalksInOrder(await PagePlanAsync(await DirectorsClientAsync(route), route), "USING INDEX IX_Trainees_AdministrationId_NormalizedName_Id (AdministrationId=?)");
    }

    /// <summary>
    /// A country's sessions are those whose quota for it has seats: the list walks the sessions' start dates and looks
    /// each session's quota up by the session and the country's own key, the code looked up apart
    /// (<c>ListFilters.CountryIdOf</c>). Through a join on the code, PostgreSQL read every quota's country too: 94 ms a
    /// request at scale 10 for a country no session invites (bench/PLANS.md).
    /// </summary>
    [Fact]
    public async Task A_countrys_sessions_look_their_quota_up_by_its_own_key_of_the_country()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        (await api.GetAsync("/api/v1/sessions?country=SN")).StatusCode.ShouldBe(HttpStatusCode.OK); // the count, kept
        var plan = await PlanOfAsync(() => api.GetAsync("/api/v1/sessions?country=SN"));
        var page = plan.Where(l => l.Sql.Contains("LIMIT", StringComparison.Ordinal) && l.Sql.Contains("SessionQuotas", StringComparison.Ordinal)).ToList();
        page.ShouldNotBeEmpty();
        var details = page.Select(l => l.Detail).ToList();
        details.ShouldContain(d => d.Contains("USING COVERING INDEX IX_SessionQuotas_SessionId_CountryId (SessionId=? AND CountryId=?)", StringComparison.Ordinal)
            || d.Contains("USING INDEX IX_SessionQuotas_SessionId_CountryId (SessionId=? AND CountryId=?)", StringComparison.Ordinal), string.Join("; ", details));
        page.ShouldAllBe(l => l.Sql.Contains("\"CountryId\" = COALESCE((", StringComparison.Ordinal));
        page.ShouldAllBe(l => !l.Sql.Contains("\"Iso2\" IN", StringComparison.Ordinal) && !l.Sql.Contains("JOIN \"Countries\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// A list's first page carries its size in its SQL and no OFFSET (<c>Paging.PageOf</c>): PostgreSQL then keeps one
    /// plan for it rather than planning each call. A later page skips its rows by a parameter.
    /// </summary>
    [Fact]
    public async Task A_lists_first_page_is_one_statement_whatever_the_call_and_a_later_page_skips_by_a_parameter()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's commands: this class runs on SQLite only");
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var first = await PageStatementAsync(api, "/api/v1/postings?pageSize=7");
        first.Sql.ShouldContain("LIMIT 7");
        first.Sql.ShouldNotContain("OFFSET");
        first.Parameters.ShouldBeEmpty();
        // The director reads every coopérant's name: no test of it in the SQL.
        first.Sql.ShouldNotContain("EXISTS");
        var third = await PageStatementAsync(api, "/api/v1/postings?pageSize=7&page=3");
        third.Sql.ShouldContain("LIMIT 7 OFFSET @");
        third.Parameters.Select(p => p.Value).ShouldBe([14]);
        // Another size is another statement, and the first size again the first one.
        var other = await PageStatementAsync(api, "/api/v1/postings?pageSize=9");
        other.Sql.ShouldContain("LIMIT 9");
        other.Sql.ShouldNotContain("LIMIT 7");
        var again = await PageStatementAsync(api, "/api/v1/postings?pageSize=7");
        again.Sql.ShouldBe(first.Sql);
        again.Parameters.ShouldBeEmpty();
    }

    /// <summary>
    /// The director reads every coopérant's name: the coopérants' list tests none (no EXISTS a row), and shows them all.
    /// </summary>
    [Fact]
    public async Task The_cooperants_list_tests_no_name_for_one_who_reads_them_all()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's commands: this class runs on SQLite only");
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var page = await PageStatementAsync(director, "/api/v1/cooperants?pageSize=10");
        page.Sql.ShouldNotContain("EXISTS");
        var all = await director.GetFromJsonAsync<JsonElement>("/api/v1/cooperants?pageSize=10");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(10);
        items.ShouldAllBe(c => !c.GetProperty("redacted").GetBoolean() && c.GetProperty("lastName").GetString() != Cooperation.Web.Features.Shared.PersonalData.Redacted);
    }

    /// <summary>
    /// Today's date is written into the SQL as a date (<c>ConstantsInSql</c>), not sent as a parameter: the coopérants
    /// running today, in a desk officer's scope and in the list's filter, and the donations with a check overdue.
    /// </summary>
    [Fact]
    public async Task Todays_date_goes_into_the_sql_of_the_cooperants_and_the_overdue_donations_as_a_date()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's commands: this class runs on SQLite only");
        var today = "'" + TimeProvider.System.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "'";
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        foreach (var (api, path) in new[] { (desk, "/api/v1/cooperants?pageSize=5"), (director, "/api/v1/donations?overdue=true&pageSize=5") })
        {
            var page = await PageStatementAsync(api, path);
            page.Sql.ShouldContain(today, customMessage: path);
            page.Sql.ShouldNotContain("@today", customMessage: path);
            page.Parameters.ShouldNotContain(p => p.Name.Contains("today"), path);
        }
    }

    /// <summary>
    /// The trainees of a school are looked for among its accepted nominations, the school written into the SQL as its id
    /// (EF.Constant in <c>ListTrainees</c>), not sent as a parameter: SQLite searches the trainees by their key rather
    /// than walk every trainee's name and test each (250 ms for a small school's women at scale 10), and PostgreSQL
    /// plans the statement for that school (bench/PLANS.md).
    /// </summary>
    [Fact]
    public async Task A_schools_trainees_are_found_from_its_nominations_its_id_written_in_the_sql()
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's query plans: this class runs on SQLite only");
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var school = await factory.WithDbAsync(db => db.RegionalSchools.Where(s => s.Acronym == "EMPABB").Select(s => s.Id).SingleAsync());
        const string route = "/api/v1/trainees?gender=female&school=EMPABB&pageSize=5";
        var page = await PageStatementAsync(director, route);
        page.Sql.ShouldContain($"\"SchoolId\" = {school}");
        page.Parameters.ShouldNotContain(p => p.Name.Contains("school", StringComparison.OrdinalIgnoreCase));
        var details = await PagePlanAsync(director, route);
        details.ShouldContain(d => d.StartsWith("SEARCH t USING INTEGER PRIMARY KEY", StringComparison.Ordinal), string.Join("; ", details));
        details.ShouldNotContain(d => d == "SCAN t" || d.StartsWith("SCAN t ", StringComparison.Ordinal), string.Join("; ", details));
    }

    /// <summary>
    /// A first page that holds the whole list tells its total: no count is sent beside it (<c>Paging.TotalAsync</c>).
    /// A full page, or one past the end, has its total counted; every total is the list's.
    /// </summary>
    [Fact]
    public async Task A_first_page_that_holds_the_whole_list_is_not_counted_beside_it_and_every_page_tells_the_lists_total()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var whole = await api.GetFromJsonAsync<JsonElement>("/api/v1/partnerships?pageSize=200");
        var count = whole.GetProperty("items").GetArrayLength();
        count.ShouldBeGreaterThan(4);
        whole.GetProperty("total").GetInt32().ShouldBe(count);
        (await CommandsOfAsync(() => api.GetAsync("/api/v1/partnerships?pageSize=200")))
            .ShouldNotContain(c => c.Sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));
        (await CommandsOfAsync(() => api.GetAsync("/api/v1/partnerships?pageSize=2")))
            .ShouldContain(c => c.Sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));
        foreach (var (page, rows) in new[] { (1, 2), (2, 2), ((count + 1) / 2, count % 2 == 0 ? 2 : 1), (count, 0) })
        {
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/partnerships?pageSize=2&page={page}");
            answer.GetProperty("items").GetArrayLength().ShouldBe(rows, $"page {page}");
            answer.GetProperty("total").GetInt32().ShouldBe(count, $"page {page}");
        }
    }

    /// <summary>
    /// A list whose total is counted first reads no page past its end (<c>Paging.ToPageAsync</c>): a filter that matches
    /// nothing, or a page beyond the last, sends no statement on the list's table once its total is kept, and answers
    /// no row with the list's total. Finding none, the page's statement walked the list's order through the whole table
    /// (PostgreSQL: 280 ms for the nominations of a zone without any at scale 10).
    /// </summary>
    [Theory]
    [InlineData("/api/v1/nominations?search=zzqx-nobody", "Nominations")]
    [InlineData("/api/v1/nominations?zone=AML", "Nominations")]
    [InlineData("/api/v1/nominations?page=100000", "Nominations")]
    [InlineData("/api/v1/trainees?q=zzqx-nobody", "Trainees")]
    [InlineData("/api/v1/cooperants?country=AR", "Cooperants")]
    [InlineData("/api/v1/sessions?country=AR", "CourseSessions")]
    [InlineData("/api/v1/donations?search=zzqx-nobody", "Donations")]
    [InlineData("/api/v1/missions?search=zzqx-nobody", "Missions")]
    public async Task A_page_past_the_end_of_its_list_sends_no_statement_on_its_table(string route, string table)
    {
        factory.OnPostgres.ShouldBeFalse("SQLite's commands: this class runs on SQLite only");
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var answer = await api.GetFromJsonAsync<JsonElement>(route);
        answer.GetProperty("items").GetArrayLength().ShouldBe(0);
        var whole = await api.GetFromJsonAsync<JsonElement>(Regex.Replace(route, @"[?&]page=\d+", ""));
        answer.GetProperty("total").GetInt32().ShouldBe(whole.GetProperty("total").GetInt32());
        (await CommandsOfAsync(() => api.GetAsync(route), mayBeNone: true)).ShouldNotContain(c => c.Sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal));
    }

    /// <summary>The page's plan walks an index (a line holding <paramref name="index"/>) and sorts nothing.</summary>
    private static void WalksInOrder(List<string> details, string index)
    {
        details.ShouldContain(d => d.Contains(index, StringComparison.Ordinal), string.Join("; ", details));
        details.ShouldNotContain(d => d.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal), string.Join("; ", details));
    }

    /// <summary>The director's client for an API route (a token) or a page (a cookie).</summary>
    private async Task<HttpClient> DirectorsClientAsync(string route) => route.StartsWith("/api/", StringComparison.Ordinal)
        ? await factory.ApiClientAsync(DemoAccounts.Director)
        : await factory.PageClientAsync(DemoAccounts.Director);

    /// <summary>SQLite's plan lines of the statement that reads the page (the one with a LIMIT).</summary>
    private async Task<List<string>> PagePlanAsync(HttpClient client, string route) =>
        (await PlanOfAsync(() => client.GetAsync(route))).Where(l => l.Sql.Contains("LIMIT", StringComparison.Ordinal)).Select(l => l.Detail).ToList();

    /// <summary>The statement that reads the page (the one with a LIMIT) among those a request sends.</summary>
    private async Task<(string Sql, (string Name, object? Value)[] Parameters)> PageStatementAsync(HttpClient client, string route) =>
        (await CommandsOfAsync(() => client.GetAsync(route))).Single(c => c.Sql.Contains("LIMIT", StringComparison.Ordinal));

    /// <summary>The SELECT statements one request sends (after a first call that warms it up).</summary>
    private async Task<List<(string Sql, (string Name, object? Value)[] Parameters)>> CommandsOfAsync(Func<Task<HttpResponseMessage>> request,
        bool mayBeNone = false)
    {
        _dataSource ??= new SqliteConnectionStringBuilder(factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("Cooperation")).DataSource;
        using (var warm = await request()) warm.StatusCode.ShouldBe(HttpStatusCode.OK);
        _commands.Clear();
        GC.KeepAlive(Subscription);
        Listening = this;
        try
        {
            using var response = await request();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally { Listening = null; }

        var commands = _commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!mayBeNone) commands.ShouldNotBeEmpty();
        return commands;
    }

    /// <summary>The plan lines "SCAN table" of the big tables in the queries one request sends.</summary>
    private async Task<List<string>> ScansOfAsync(Func<Task<HttpResponseMessage>> request)
    {
        var scans = new List<string>();
        foreach (var (detail, sql, tables) in await PlanOfAsync(request))
        {
            var scan = FullScan().Match(detail);
            if (!scan.Success) continue;
            var table = tables.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value);
            if (BigTables.Contains(table)) scans.Add($"{detail} ({table}) in: {sql[..Math.Min(sql.Length, 300)]}");
        }
        return scans;
    }

    /// <summary>SQLite's plan of the queries one request sends: each line, its statement and the statement's aliases.</summary>
    private async Task<List<(string Detail, string Sql, Dictionary<string, string> Tables)>> PlanOfAsync(Func<Task<HttpResponseMessage>> request)
    {
        var commands = await CommandsOfAsync(request);
        await using var connection = new SqliteConnection($"Data Source={_dataSource};Mode=ReadOnly");
        await connection.OpenAsync();
        // EF Core's decimal sum, which the plan names but never runs here.
        connection.CreateAggregate<object?, object?>("ef_sum", null, (sum, _) => sum);
        var lines = new List<(string, string, Dictionary<string, string>)>();
        foreach (var (sql, parameters) in commands)
        {
            var tables = Aliases().Matches(sql).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add((reader.GetString(3), sql, tables));
        }
        return lines;
    }

    private static ListPlansTests? Listening;

    private void Record(DbCommand command)
    {
        if (command.Connection?.DataSource is not { } source || !string.Equals(Path.GetFullPath(source), Path.GetFullPath(_dataSource!), StringComparison.Ordinal)) return;
        _commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
    }

    /// <summary>"SCAN c" alone: the table read whole, row by row (with "USING INDEX" it walks an index in order).</summary>
    [GeneratedRegex(@"^SCAN (\w+)$")]
    private static partial Regex FullScan();

    [GeneratedRegex("(?:FROM|JOIN) \"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex Aliases();

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(new Commands());
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }

    private sealed class Commands : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            // Executed: the statement as it went, after the interceptors (ConstantsInSql).
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandEventData data) Listening?.Record(data.Command);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }
}
