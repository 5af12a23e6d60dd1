using Cooperation.Tests.Schools.Nominations;
using Cooperation.Web.Features.Network.Postings;
using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Notifications;

/// <summary>
/// In-app notifications without SMTP: who hears of what, the list (unread first) and the header's count, marking read,
/// and that a notification is only ever its recipient's.
/// </summary>
public class NotificationsTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private async Task<(int Id, string LastName)> NominatedAsync(HttpClient by, string country = "CI")
    {
        var sessionId = (await factory.SessionAsync(capacity: 3, quotas: new() { [country] = 3 })).Id;
        var lastName = UniqueName("Koné");
        var id = (await by.NominateAsync(sessionId, Candidate("Awa", lastName, new DateOnly(1988, 3, 14), gender: "Female", nationality: country), country))
            .GetProperty("id").GetInt32();
        return (id, lastName);
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient api, string query = "")
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/notifications/{query}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<int> UnreadAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();

    [Fact]
    public async Task The_liaison_officer_reads_each_decision_in_his_language_unread_first_and_marks_them_read()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi, language: "en");
        var (accepted, acceptedName) = await NominatedAsync(desk);
        var (waitlisted, waitlistedName) = await NominatedAsync(desk);
        (await desk.ScreenAsync(accepted)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(accepted, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.ActAsync(waitlisted, "waitlist")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = await NotificationsAsync(liaison);
        var acceptance = mine.Single(n => n.GetProperty("title").GetString()!.Contains(acceptedName.ToUpperInvariant()));
        acceptance.GetProperty("title").GetString().ShouldBe($"Nomination accepted: Awa {acceptedName.ToUpperInvariant()}");
        acceptance.GetProperty("body").GetString()!.ShouldContain("is accepted. The invitation letter is attached");
        acceptance.GetProperty("body").GetString()!.ShouldContain("Côte d'Ivoire");
        acceptance.GetProperty("link").GetString().ShouldBe($"/Schools/Nominations/{accepted}");
        acceptance.GetProperty("unread").GetBoolean().ShouldBeTrue();
        mine.Single(n => n.GetProperty("title").GetString()!.Contains(waitlistedName.ToUpperInvariant()))
            .GetProperty("title").GetString().ShouldBe($"Nomination on the waiting list: Awa {waitlistedName.ToUpperInvariant()}");
        // No SMTP configured: the in-app notification only, no e-mail written.
        (await factory.WithDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);

        var unread = await UnreadAsync(liaison);
        unread.ShouldBeGreaterThanOrEqualTo(2);
        var page = await factory.PageClientAsync(DemoAccounts.LiaisonCi);
        var html = await HtmlAsync(page, "/Notifications");
        html.ShouldContain($"Candidature acceptée : Awa {acceptedName.ToUpperInvariant()}");
        html.ShouldContain($"data-testid=\"unread-count\">&nbsp;({unread}".Replace("&nbsp;", "\u00a0"));

        (await liaison.PostAsync($"/api/v1/notifications/{acceptance.GetProperty("id").GetInt64()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await UnreadAsync(liaison)).ShouldBe(unread - 1);
        var after = await NotificationsAsync(liaison);
        // Unread first: the acceptance, now read, comes after every unread one.
        var firstRead = after.FindIndex(n => !n.GetProperty("unread").GetBoolean());
        after.Skip(firstRead).ShouldAllBe(n => !n.GetProperty("unread").GetBoolean());
        after.Single(n => n.GetProperty("id").GetInt64() == acceptance.GetProperty("id").GetInt64()).GetProperty("readAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        (await NotificationsAsync(liaison, "?unread=true")).ShouldNotContain(n => n.GetProperty("id").GetInt64() == acceptance.GetProperty("id").GetInt64());

        var all = await liaison.PostAsync("/api/v1/notifications/read-all", null);
        (await JsonAsync(all)).GetProperty("marked").GetInt32().ShouldBe(unread - 1);
        (await UnreadAsync(liaison)).ShouldBe(0);
        (await HtmlAsync(page, "/Notifications")).ShouldNotContain("data-testid=\"unread-count\"");
    }

    [Fact]
    public async Task The_desk_officer_of_the_zone_hears_of_a_new_nomination_and_the_liaison_officer_who_made_it_does_not()
    {
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var (id, lastName) = await NominatedAsync(liaison);

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var notice = (await NotificationsAsync(desk)).Single(n => n.GetProperty("link").GetString() == $"/Schools/Nominations/{id}");
        notice.GetProperty("title").GetString().ShouldBe($"Nouvelle candidature à examiner : Awa {lastName.ToUpperInvariant()}");
        notice.GetProperty("body").GetString()!.ShouldStartWith("Côte d'Ivoire propose Awa");
        (await NotificationsAsync(liaison)).ShouldNotContain(n => n.GetProperty("link").GetString() == $"/Schools/Nominations/{id}");
    }

    [Fact]
    public async Task An_import_tells_the_desk_officer_once_per_nominating_country_with_the_number_of_candidates()
    {
        var sessionId = (await factory.SessionAsync()).Id;
        var suffix = Unique(6);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var file = Schools.Import.ImportTestData.Nominations([
            new Schools.Import.Candidate($"Kouassi-{suffix}", "Jean", "1985-01-02", "M", "CI", "ARM"),
            new Schools.Import.Candidate($"Yao-{suffix}", "Marc", "1986-03-04", "M", "CI", "ARM"),
        ]);
        (await liaison.PostAsync($"/api/v1/imports/nominations?sessionId={sessionId}", Schools.Import.ImportTestData.Upload(file))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        var notice = (await NotificationsAsync(desk)).Where(n => n.GetProperty("link").GetString() == $"/Schools/Nominations?session={sessionId}").ShouldHaveSingleItem();
        notice.GetProperty("title").GetString().ShouldBe("New nominations to examine: 2 (Côte d'Ivoire)");
    }

    [Fact]
    public async Task Another_accounts_notification_cannot_be_read_nor_marked_nor_listed()
    {
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var (id, _) = await NominatedAsync(liaison);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var deskNotice = (await NotificationsAsync(desk)).Single(n => n.GetProperty("link").GetString() == $"/Schools/Nominations/{id}").GetProperty("id").GetInt64();

        foreach (var account in new[] { DemoAccounts.LiaisonCi, DemoAccounts.Admin, DemoAccounts.Director })
        {
            var other = await factory.ApiClientAsync(account);
            (await other.PostAsync($"/api/v1/notifications/{deskNotice}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await NotificationsAsync(other, "?pageSize=200")).ShouldNotContain(n => n.GetProperty("id").GetInt64() == deskNotice);
            var page = await factory.PageClientAsync(account);
            (await HtmlAsync(page, "/Notifications")).ShouldNotContain($"data-testid=\"notification-{deskNotice}\"");
            (await PostFormAsync(page, $"/Notifications?handler=Read&id={deskNotice}", new Dictionary<string, string>(), "/Notifications"))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        // Still unread for its recipient.
        (await NotificationsAsync(desk)).Single(n => n.GetProperty("id").GetInt64() == deskNotice).GetProperty("unread").GetBoolean().ShouldBeTrue();
        (await factory.CreateClient().GetAsync("/api/v1/notifications/")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_notifications_routes_are_in_the_OpenAPI_document()
    {
        var document = await (await factory.ApiClientAsync(DemoAccounts.LiaisonCi)).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var operations = paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/notifications"))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name.TrimEnd('/')}")).ToList();
        operations.ShouldContain("GET /api/v1/notifications");
        paths.GetProperty("/api/v1/notifications/unread-count").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/notifications/{id}/read").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/notifications/read-all").TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cooperant_is_told_once_that_his_posting_ends_within_ninety_days()
    {
        var cooperantId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.CooperantSenegal).Select(u => u.CooperantId!.Value).SingleAsync());
        var postingId = await factory.WithDbAsync(async db =>
        {
            var posting = await db.Postings.Where(p => p.CooperantId == cooperantId && p.ActualEndDate == null).OrderByDescending(p => p.StartDate).FirstAsync();
            posting.PlannedEndDate = Today.AddDays(PostingEndNotices.DaysBefore + 1);
            await db.SaveChangesAsync();
            return posting.Id;
        });
        async Task<int> RunAsync(DateOnly day)
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PostingEndNotices>().HandleAsync(day);
        }
        Task<int> CountAsync() => factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.OnceKey!.StartsWith($"posting-end:{postingId}:")));

        await RunAsync(Today);
        (await CountAsync()).ShouldBe(0);
        await RunAsync(Today.AddDays(1));
        (await CountAsync()).ShouldBe(1);
        await RunAsync(Today.AddDays(2));
        (await CountAsync()).ShouldBe(1);

        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal, language: "fr");
        var notice = (await NotificationsAsync(cooperant)).Single(n => n.GetProperty("kind").GetString() == "PostingEnding");
        notice.GetProperty("title").GetString().ShouldStartWith("Votre affectation se termine le ");
        notice.GetProperty("body").GetString()!.ShouldContain("dans 90 jours");
        notice.GetProperty("link").GetString().ShouldBe($"/Network/Cooperants/{cooperantId}");
    }
}
