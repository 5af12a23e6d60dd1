using Cooperation.Web.Features.Shared;

namespace Cooperation.Tests.Shared;

/// <summary>
/// The long lists' pages away from the start (issue 12, bench/PLANS.md): past <see cref="Paging.DeepOffset"/> rows a
/// page reads its ids first, then its rows (<see cref="Paging.DeepPageOf{T}"/>); the lists sorted on another table's
/// column keep their order like the figures where no index gives it (the trainees by administration; the nominations of a
/// year or awaiting a decision; filtered or deep, the trainees by nationality and the nominations by country or
/// candidate). Either way a page holds the rows that a page starting within the first rows finds at that place, in the
/// same order, and a filtered list the rows the database finds, in its order.
/// </summary>
public class DeepPagesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Theory]
    [InlineData("/api/v1/trainees?")]
    [InlineData("/api/v1/trainees?sort=-name&gender=F&")]
    [InlineData("/api/v1/trainees?sort=-administration&")]
    [InlineData("/api/v1/trainees?sort=nationality&")]
    [InlineData("/api/v1/nominations?")]
    [InlineData("/api/v1/nominations?sort=-status&")]
    [InlineData("/api/v1/nominations?sort=name&")]
    [InlineData("/api/v1/nominations?sort=-country&")]
    [InlineData("/api/v1/nominations?year=2019&")]
    [InlineData("/api/v1/nominations?year=2019&sort=-session&")]
    public async Task A_deep_page_holds_the_rows_a_page_within_the_first_ones_finds_at_its_place(string list)
    {
        // Rows 900-1079 read by a page that starts within the first rows, rows 1000-1049 by a deep one.
        const int wide = 180, from = 900, deepSize = 50;
        from.ShouldBeLessThan(Paging.DeepOffset);
        (from + wide).ShouldBeGreaterThanOrEqualTo(Paging.DeepOffset + deepSize);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var around = await IdsAsync(api, $"{list}pageSize={wide}&page={from / wide + 1}");
        var deep = await IdsAsync(api, $"{list}pageSize={deepSize}&page={Paging.DeepOffset / deepSize + 1}");
        deep.Count.ShouldBe(deepSize);
        deep.ShouldBe(around.Skip(Paging.DeepOffset - from).Take(deepSize).ToList());
    }

    /// <summary>
    /// Sorted by candidate, the nominations come in the order of the candidates' names, then of their submission, both
    /// ways; on SQLite the order is kept like the figures (<c>FigureCache.OrderAsync</c>). A nomination written now is in
    /// it at once, at its place.
    /// </summary>
    [Fact]
    public async Task The_nominations_sorted_by_candidate_come_in_the_order_of_the_names_and_follow_a_write_at_once()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        Task<List<int>> Expected() => factory.WithDbAsync(db => db.Nominations
            .OrderBy(n => n.Trainee!.NormalizedName).ThenBy(n => n.SubmittedAt).ThenBy(n => n.Id).Select(n => n.Id).ToListAsync());

        var expected = await Expected();
        (await IdsAsync(api, "/api/v1/nominations?sort=name&pageSize=200&page=3")).ShouldBe(expected.Skip(400).Take(200).ToList());
        var descending = Enumerable.Reverse(expected).ToList();
        (await IdsAsync(api, "/api/v1/nominations?sort=-name&pageSize=200&page=2")).ShouldBe(descending.Skip(200).Take(200).ToList());

        var session = await factory.SessionAsync(start: new DateOnly(2019, 2, 11));
        var nomination = await factory.NominateAsync(session.Id, await factory.TraineeAsync());
        expected = await Expected();
        var at = expected.IndexOf(nomination);
        at.ShouldBeGreaterThanOrEqualTo(0);
        var page = at / 200 + 1;
        (await IdsAsync(api, $"/api/v1/nominations?sort=name&pageSize=200&page={page}"))
            .ShouldBe(expected.Skip((page - 1) * 200).Take(200).ToList());
        var total = (await api.GetFromJsonAsync<JsonElement>("/api/v1/nominations?sort=name")).GetProperty("total").GetInt32();
        total.ShouldBe(expected.Count);
    }

    /// <summary>Sorted by status, the nominations of one status come by submission, the way of the sort, then by id.</summary>
    [Fact]
    public async Task Sorted_by_status_the_nominations_of_a_status_come_by_submission_the_way_of_the_sort()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        var ascending = await factory.WithDbAsync(db => db.Nominations
            .OrderBy(n => n.Status).ThenBy(n => n.SubmittedAt).ThenBy(n => n.Id).Select(n => n.Id).Take(400).ToListAsync());
        var descending = await factory.WithDbAsync(db => db.Nominations
            .OrderByDescending(n => n.Status).ThenByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Select(n => n.Id).Take(400).ToListAsync());
        (await IdsAsync(api, "/api/v1/nominations?sort=status&pageSize=200&page=2")).ShouldBe(ascending.Skip(200).ToList());
        (await IdsAsync(api, "/api/v1/nominations?sort=-status&pageSize=200&page=2")).ShouldBe(descending.Skip(200).ToList());
    }

    /// <summary>
    /// The filtered lists whose order is kept, or whose zone is tested for each row rather than joined, hold the rows the
    /// database finds for that filter, in the list's order (a page of each, past the first).
    /// </summary>
    [Theory]
    [InlineData("/api/v1/nominations?awaiting=true&sort=submitted")]
    [InlineData("/api/v1/nominations?status=Accepted&sort=-country")]
    [InlineData("/api/v1/nominations?zone=AFN&sort=session")]
    [InlineData("/api/v1/nominations?zone=AFS&sort=-status")]
    [InlineData("/api/v1/nominations?school=CPPT&sort=-name")]
    [InlineData("/api/v1/trainees?gender=F&sort=-nationality")]
    public async Task A_filtered_list_holds_the_rows_the_database_finds_in_the_order_of_its_sort(string list)
    {
        var expected = await factory.WithDbAsync(db => (list.Split('?')[1] switch
        {
            "awaiting=true&sort=submitted" => db.Nominations
                .Where(n => n.Status == NominationStatus.Submitted || n.Status == NominationStatus.UnderReview)
                .OrderBy(n => n.SubmittedAt).ThenBy(n => n.Id).Select(n => n.Id),
            "status=Accepted&sort=-country" => db.Nominations.Where(n => n.Status == NominationStatus.Accepted)
                .OrderByDescending(n => n.Country!.NameFr).ThenByDescending(n => n.Id).Select(n => n.Id),
            "zone=AFN&sort=session" => db.Nominations.Where(n => n.Country!.Zone!.Code == "AFN")
                .OrderBy(n => n.Session!.StartDate).ThenBy(n => n.Id).Select(n => n.Id),
            "zone=AFS&sort=-status" => db.Nominations.Where(n => n.Country!.Zone!.Code == "AFS")
                .OrderByDescending(n => n.Status).ThenByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Select(n => n.Id),
            "school=CPPT&sort=-name" => db.Nominations.Where(n => n.Session!.Course!.School!.Acronym == "CPPT")
                .OrderByDescending(n => n.Trainee!.NormalizedName).ThenByDescending(n => n.SubmittedAt).ThenByDescending(n => n.Id).Select(n => n.Id),
            _ => db.Trainees.Where(t => t.Gender == Gender.Female)
                .OrderByDescending(t => t.Nationality!.NameFr).ThenBy(t => t.NormalizedName).ThenBy(t => t.Id).Select(t => t.Id),
        }).ToListAsync());
        expected.Count.ShouldBeGreaterThan(60);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);
        (await IdsAsync(api, $"{list}&pageSize=30&page=2")).ShouldBe(expected.Skip(30).Take(30).ToList());
        var total = (await api.GetFromJsonAsync<JsonElement>(list)).GetProperty("total").GetInt32();
        total.ShouldBe(expected.Count);
    }

    private static async Task<List<int>> IdsAsync(HttpClient api, string route) =>
        (await api.GetFromJsonAsync<JsonElement>(route)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
}
