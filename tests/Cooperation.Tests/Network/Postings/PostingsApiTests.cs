using Cooperation.Web.Features.Shared;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Postings;

/// <summary>
/// /api/v1/postings, /vacancies, /headcounts as clients see them. Each test that writes takes its own former
/// coopérant (<see cref="NetworkTestData.FormerCooperantAsync"/>), by a distinct index.
/// </summary>
public class PostingsApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static object NewPosting(int cooperantId, string? country = "SN", DateOnly? start = null, DateOnly? plannedEnd = null,
        string title = "Conseiller formation", string? organisation = null)
    {
        var s = start ?? Today;
        return new
        {
            cooperantId, country, organisation, hostAuthorityType = "GENERAL_STAFF", hostAuthorityName = "État-major général des armées",
            positionTitle = title, startDate = s.ToString("yyyy-MM-dd"), plannedEndDate = (plannedEnd ?? s.AddYears(3)).ToString("yyyy-MM-dd"),
        };
    }

    [Fact]
    public async Task Active_postings_of_Senegal_come_with_their_total_and_in_pages()
    {
        var today = Today;
        var expected = await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.Country!.Iso2 == "SN"
            && p.StartDate <= today && (p.ActualEndDate == null || p.ActualEndDate > today)));
        expected.ShouldBeGreaterThan(10);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=SN&active=true&pageSize=10");
        var second = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=SN&active=true&pageSize=10&page=2");

        first.GetProperty("total").GetInt32().ShouldBe(expected);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(10);
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        items.Count.ShouldBe(Math.Min(20, expected));
        items.Select(i => i.GetProperty("id").GetInt32()).Distinct().Count().ShouldBe(items.Count);
        items.ShouldAllBe(i => i.GetProperty("country").GetString() == "SN" && i.GetProperty("active").GetBoolean());
        items.ShouldAllBe(i => i.GetProperty("organisation").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Postings_sort_by_start_date_both_ways()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var ascending = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=CI&sort=start&pageSize=50");
        var descending = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=CI&sort=-start&pageSize=50");
        var up = ascending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("startDate").GetString()!).ToList();
        var down = descending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("startDate").GetString()!).ToList();
        up.ShouldBe(up.Order(StringComparer.Ordinal).ToList());
        down.ShouldBe(down.OrderDescending(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Posting_a_coopérant_between_postings_answers_201_and_the_figures_count_him()
    {
        var cooperantId = await factory.FormerCooperantAsync(0);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var before = (await api.GetFromJsonAsync<JsonElement>("/api/v1/figures")).GetProperty("activeCooperants").GetInt32();
        // The countries' and zones' lists keep the network's counts between requests: they follow the posting too.
        async Task<(int Country, int Zone)> ListedAsync() => (
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/countries?q=SN&pageSize=200")).GetProperty("items").EnumerateArray()
                .Single(c => c.GetProperty("iso2").GetString() == "SN").GetProperty("activeCooperants").GetInt32(),
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/zones")).GetProperty("items").EnumerateArray()
                .Single(z => z.GetProperty("code").GetString() == "AFS").GetProperty("activeCooperants").GetInt32());
        var listed = await ListedAsync();

        var response = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, title: "Conseiller opérations (test 201)"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var posting = await JsonAsync(response);
        var id = posting.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/postings/{id}");
        posting.GetProperty("cooperantId").GetInt32().ShouldBe(cooperantId);
        posting.GetProperty("country").GetString().ShouldBe("SN");
        posting.GetProperty("hostAuthorityType").GetString().ShouldBe("GENERAL_STAFF");
        posting.GetProperty("active").GetBoolean().ShouldBeTrue();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}")).GetProperty("positionTitle").GetString().ShouldBe("Conseiller opérations (test 201)");
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/figures")).GetProperty("activeCooperants").GetInt32().ShouldBe(before + 1);
        (await ListedAsync()).ShouldBe((listed.Country + 1, listed.Zone + 1));
    }

    [Fact]
    public async Task A_posting_to_an_organisation_lies_in_the_country_of_its_seat()
    {
        var cooperantId = await factory.FormerCooperantAsync(8);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var response = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, country: null, organisation: "UA"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var posting = await JsonAsync(response);
        posting.GetProperty("organisation").GetString().ShouldBe("UA");
        posting.GetProperty("country").GetString().ShouldBe("ET");
    }

    [Fact]
    public async Task An_overlapping_posting_is_refused_on_the_start_date_in_the_user_language()
    {
        var (cooperantId, _) = await factory.ActivePostingAsync("SN");
        var french = await factory.ApiClientAsync(DemoAccounts.Admin);
        var english = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");

        var fr = await french.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, country: "CI"));
        var en = await english.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, country: "CI"));

        fr.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(fr), "startDate").ShouldContain("ne peuvent pas se chevaucher");
        en.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(en), "startDate").ShouldContain("two postings cannot overlap");
        (await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.CooperantId == cooperantId && p.Country!.Iso2 == "CI" && p.StartDate == Today))).ShouldBe(0);
    }

    [Fact]
    public async Task A_planned_end_before_the_start_is_refused_on_the_planned_end_date()
    {
        var cooperantId = await factory.FormerCooperantAsync(1);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var response = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, start: Today, plannedEnd: Today.AddDays(-1)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(response), "plannedEndDate").ShouldBe("La date de fin doit être postérieure à la date de début.");
    }

    [Fact]
    public async Task Missing_and_unknown_fields_are_named_each_with_its_reason()
    {
        var cooperantId = await factory.FormerCooperantAsync(1);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");

        var response = await api.PostAsJsonAsync("/api/v1/postings", new
        {
            cooperantId, country = "SN", hostAuthorityType = "PALACE", positionTitle = "", startDate = "2030-01-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        FirstError(problem, "hostAuthorityType").ShouldBe("The value \"PALACE\" of the field \"Host authority type\" is unknown.");
        FirstError(problem, "hostAuthorityName").ShouldBe("The field \"Host authority\" is required.");
        FirstError(problem, "positionTitle").ShouldBe("The field \"Position title\" is required.");
        FirstError(problem, "plannedEndDate").ShouldBe("The field \"Planned end date\" is required.");
        problem.GetProperty("errors").TryGetProperty("startDate", out _).ShouldBeFalse();

        var unknownCountry = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, country: "XX"));
        FirstError(await JsonAsync(unknownCountry), "country").ShouldContain("\"XX\"");
    }

    [Fact]
    public async Task Ending_a_posting_records_its_actual_end_once()
    {
        var cooperantId = await factory.FormerCooperantAsync(2);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await JsonAsync(await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, start: Today.AddDays(-20))));
        var id = created.GetProperty("id").GetInt32();

        var ended = await api.PostAsJsonAsync($"/api/v1/postings/{id}/end", new { actualEndDate = Today.ToString("yyyy-MM-dd") });

        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        var posting = await JsonAsync(ended);
        posting.GetProperty("actualEndDate").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        posting.GetProperty("active").GetBoolean().ShouldBeFalse();

        var again = await api.PostAsJsonAsync($"/api/v1/postings/{id}/end", new { actualEndDate = Today.AddDays(1).ToString("yyyy-MM-dd") });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(again), "actualEndDate").ShouldBe($"Cette affectation est déjà terminée (le {Today:yyyy-MM-dd}).");
    }

    [Fact]
    public async Task A_change_made_on_a_stale_version_is_refused_with_409()
    {
        var cooperantId = await factory.FormerCooperantAsync(5);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var created = await JsonAsync(await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, start: Today.AddMonths(2))));
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64();
        object Change(string title, long v) => new
        {
            version = v, country = "SN", hostAuthorityType = "GENERAL_STAFF", hostAuthorityName = "État-major général des armées",
            positionTitle = title, startDate = Today.AddMonths(2).ToString("yyyy-MM-dd"), plannedEndDate = Today.AddMonths(38).ToString("yyyy-MM-dd"),
        };

        var first = await api.PutAsJsonAsync($"/api/v1/postings/{id}", Change("Conseiller logistique", version));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(first)).GetProperty("version").GetInt64().ShouldBe(version + 1);

        var stale = await api.PutAsJsonAsync($"/api/v1/postings/{id}", Change("Conseiller renseignement", version));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonAsync(stale)).GetProperty("status").GetInt32().ShouldBe(409);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}")).GetProperty("positionTitle").GetString().ShouldBe("Conseiller logistique");

        var missing = await api.PutAsJsonAsync($"/api/v1/postings/{id}", new { country = "SN" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(missing)).GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Changed_dates_that_overlap_another_posting_are_refused()
    {
        var cooperantId = await factory.FormerCooperantAsync(9);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var earlier = await JsonAsync(await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, start: Today.AddMonths(1), plannedEnd: Today.AddMonths(13))));
        var later = await JsonAsync(await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, start: Today.AddMonths(13), plannedEnd: Today.AddMonths(25))));

        var response = await api.PutAsJsonAsync($"/api/v1/postings/{later.GetProperty("id").GetInt32()}", new
        {
            version = later.GetProperty("version").GetInt64(), country = "SN", hostAuthorityType = "GENERAL_STAFF",
            hostAuthorityName = "État-major", positionTitle = "Conseiller", startDate = Today.AddMonths(6).ToString("yyyy-MM-dd"),
            plannedEndDate = Today.AddMonths(25).ToString("yyyy-MM-dd"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(response), "startDate").ShouldContain(earlier.GetProperty("startDate").GetString()!);
    }

    /// <summary>A coopérant asking for another country's postings gets an empty list (not a 403): lists are filtered by scope.</summary>
    [Fact]
    public async Task A_coopérant_sees_the_postings_of_his_country_only_and_posts_nobody()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);

        var mali = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=ML");
        mali.GetProperty("total").GetInt32().ShouldBe(0);
        mali.GetProperty("items").GetArrayLength().ShouldBe(0);

        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/postings?pageSize=200");
        var senegal = await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.Country!.Iso2 == "SN"));
        all.GetProperty("total").GetInt32().ShouldBe(senegal);
        all.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("country").GetString() == "SN");

        var (_, maliPosting) = await factory.ActivePostingAsync("ML");
        (await api.GetAsync($"/api/v1/postings/{maliPosting}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var cooperantId = await factory.FormerCooperantAsync(10);
        var post = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.CooperantId == cooperantId && p.ActualEndDate == null))).ShouldBe(0);
    }

    [Fact]
    public async Task A_desk_officer_posts_in_the_countries_of_her_zone_only()
    {
        var cooperantId = await factory.FormerCooperantAsync(6);
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        var lebanon = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, country: "LB"));
        lebanon.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var senegal = await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, country: "SN"));
        senegal.StatusCode.ShouldBe(HttpStatusCode.Created);

        var (_, lebanonPosting) = await factory.ActivePostingAsync("LB");
        var end = await api.PostAsJsonAsync($"/api/v1/postings/{lebanonPosting}/end", new { actualEndDate = Today.AddDays(1).ToString("yyyy-MM-dd") });
        end.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Names_are_shown_only_where_personal_data_is_in_scope()
    {
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        var seenByAuditor = (await auditor.GetFromJsonAsync<JsonElement>("/api/v1/postings?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        seenByAuditor.Count.ShouldBe(100);
        seenByAuditor.ShouldAllBe(i => i.GetProperty("cooperantName").GetString() == PersonalData.Redacted);
        seenByAuditor.ShouldAllBe(i => i.GetProperty("positionTitle").GetString() != PersonalData.Redacted);

        (await director.GetFromJsonAsync<JsonElement>("/api/v1/postings?pageSize=100")).GetProperty("items").EnumerateArray()
            .ShouldAllBe(i => i.GetProperty("cooperantName").GetString() != PersonalData.Redacted);

        // Those in post in Senegal today are hers; an old Senegal posting of a coopérant since placed in another desk's zone
        // is not (PostingScopeTests).
        (await desk.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=SN&active=true")).GetProperty("items").EnumerateArray()
            .ShouldAllBe(i => i.GetProperty("cooperantName").GetString() != PersonalData.Redacted);
        var lebanon = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/postings?country=LB&active=true")).GetProperty("items").EnumerateArray().ToList();
        lebanon.ShouldNotBeEmpty();
        lebanon.ShouldAllBe(i => i.GetProperty("cooperantName").GetString() == PersonalData.Redacted);
    }

    [Fact]
    public async Task Creating_a_posting_is_written_in_the_audit_trail()
    {
        var cooperantId = await factory.FormerCooperantAsync(7);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var created = await JsonAsync(await api.PostAsJsonAsync("/api/v1/postings", NewPosting(cooperantId, title: "Conseiller planification (audit)")));
        var id = created.GetProperty("id").GetInt32().ToString();

        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == "Posting" && a.EntityKey == id && a.Action == "Created"));
        entry.UserName.ShouldBe(DemoAccounts.Admin);
        entry.Before.ShouldBeNull();
        var after = JsonDocument.Parse(entry.After!).RootElement;
        after.GetProperty("PositionTitle").GetString().ShouldBe("Conseiller planification (audit)");
        after.GetProperty("CooperantId").GetInt32().ShouldBe(cooperantId);
        after.GetProperty("HostAuthorityName").GetString().ShouldBe("État-major général des armées");
    }

    [Fact]
    public async Task The_postings_api_needs_a_token_and_shows_in_the_openapi_document()
    {
        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/api/v1/postings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var openapi = await anonymous.GetStringAsync("/openapi/v1.json");
        openapi.ShouldContain("/api/v1/postings/{id}/end");
        openapi.ShouldContain("/api/v1/vacancies/{id}/fill");
        openapi.ShouldContain("/api/v1/headcounts");
    }
}
