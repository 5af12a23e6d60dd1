using Cooperation.Web.Features.Shared;
using static Cooperation.Tests.Network.NetworkTestData;

namespace Cooperation.Tests.Network.Vacancies;

public class VacanciesApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task Filling_a_vacancy_creates_the_posting_and_closes_the_vacancy()
    {
        var cooperantId = await factory.FormerCooperantAsync(3);
        var latecomer = await factory.FormerCooperantAsync(4);
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var open = await api.GetFromJsonAsync<JsonElement>("/api/v1/vacancies?pageSize=200");
        var vacancy = open.GetProperty("items").EnumerateArray().First();
        var vacancyId = vacancy.GetProperty("id").GetInt32();
        vacancy.GetProperty("open").GetBoolean().ShouldBeTrue();

        var response = await api.PostAsJsonAsync($"/api/v1/vacancies/{vacancyId}/fill", new { cooperantId, startDate = Today.AddDays(30).ToString("yyyy-MM-dd") });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var posting = await JsonAsync(response);
        var postingId = posting.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/postings/{postingId}");
        posting.GetProperty("cooperantId").GetInt32().ShouldBe(cooperantId);
        posting.GetProperty("positionTitle").GetString().ShouldBe(vacancy.GetProperty("positionTitle").GetString());
        posting.GetProperty("country").GetString().ShouldBe(vacancy.GetProperty("country").GetString());
        posting.GetProperty("plannedEndDate").GetString().ShouldBe(Today.AddDays(30).AddMonths(vacancy.GetProperty("durationMonths").GetInt32()).ToString("yyyy-MM-dd"));

        var filled = await api.GetFromJsonAsync<JsonElement>($"/api/v1/vacancies/{vacancyId}");
        filled.GetProperty("open").GetBoolean().ShouldBeFalse();
        filled.GetProperty("filledByPostingId").GetInt32().ShouldBe(postingId);
        var stillOpen = await api.GetFromJsonAsync<JsonElement>("/api/v1/vacancies?status=open&pageSize=200");
        stillOpen.GetProperty("items").EnumerateArray().ShouldNotContain(v => v.GetProperty("id").GetInt32() == vacancyId);
        stillOpen.GetProperty("total").GetInt32().ShouldBe(open.GetProperty("total").GetInt32() - 1);
        var filledList = await api.GetFromJsonAsync<JsonElement>("/api/v1/vacancies?status=filled&pageSize=200");
        filledList.GetProperty("items").EnumerateArray().ShouldContain(v => v.GetProperty("id").GetInt32() == vacancyId);

        var twice = await api.PostAsJsonAsync($"/api/v1/vacancies/{vacancyId}/fill", new { cooperantId = latecomer, startDate = Today.AddDays(30).ToString("yyyy-MM-dd") });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(twice), "vacancy").ShouldBe("Ce poste vacant est déjà pourvu.");
        (await factory.WithDbAsync(db => db.Postings.CountAsync(p => p.CooperantId == latecomer && p.ActualEndDate == null))).ShouldBe(0);
    }

    [Fact]
    public async Task Vacancies_are_opened_within_scope_with_a_sensible_duration()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, language: "en");
        object Vacancy(string country, int duration) => new
        {
            country, hostAuthorityType = "POLICE", hostAuthorityName = "Police nationale", positionTitle = "Conseiller police aux frontières",
            administration = "INT", domain = (string?)null, wishedStartDate = Today.AddMonths(4).ToString("yyyy-MM-dd"), durationMonths = duration,
        };

        var created = await api.PostAsJsonAsync("/api/v1/vacancies", Vacancy("BJ", 24));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var vacancy = await JsonAsync(created);
        vacancy.GetProperty("open").GetBoolean().ShouldBeTrue();
        vacancy.GetProperty("administration").GetString().ShouldBe("INT");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/vacancies/{vacancy.GetProperty("id").GetInt32()}");

        (await api.PostAsJsonAsync("/api/v1/vacancies", Vacancy("JO", 24))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var tooLong = await api.PostAsJsonAsync("/api/v1/vacancies", Vacancy("BJ", 600));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(tooLong), "durationMonths").ShouldBe("The duration must be a number of months between 1 and 120.");
    }
}
