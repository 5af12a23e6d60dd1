using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>A nomination never reaches a trainee outside the nominating user's scope: not to reuse, update or show him.</summary>
public class NominationScopeTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    [Fact]
    public async Task A_liaison_officer_cannot_nominate_nor_overwrite_a_trainee_of_another_nationality()
    {
        var session = await factory.SessionAsync();
        var senegalese = await factory.TraineeAsync("SN");
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        var candidate = new
        {
            firstName = senegalese.FirstName, lastName = senegalese.LastName, birthDate = "1984-05-17", gender = "F", nationality = "SN",
            administration = "ARM", rank = "Colonel", position = "Poste écrasé", email = "ecrase@example.org",
        };

        var response = await liaison.PostAsJsonAsync("/api/v1/nominations", new { sessionId = session.Id, candidate });
        var again = await liaison.PostAsJsonAsync("/api/v1/nominations", new { sessionId = session.Id, country = "CI", candidate });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorsAsync())["nationality"].ShouldBe([factory.Message("fr", "nomination.nationalityOutOfScope", "SN")]);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync() + await again.Content.ReadAsStringAsync();
        body.ShouldNotContain("Commandant");
        body.ShouldNotContain("@example.org");
        var kept = await factory.WithDbAsync(db => db.Trainees.AsNoTracking().Where(t => t.Id == senegalese.Id)
            .Select(t => new { t.Rank, t.Position, t.Email, Nominations = t.Nominations.Count }).SingleAsync());
        kept.Rank.ShouldBe("Commandant");
        kept.Position.ShouldBe("Chef de bureau opérations");
        kept.Email.ShouldNotBe("ecrase@example.org");
        kept.Nominations.ShouldBe(0);
    }

    [Fact]
    public async Task The_nominations_import_and_the_single_nomination_apply_one_rule_to_the_candidates_nationality()
    {
        var session = await factory.SessionAsync();
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi, "en");
        var own = Candidate("Awa", UniqueName("Kone"), new DateOnly(1986, 1, 2), nationality: "CI");
        var foreign = Candidate("Awa", UniqueName("Kone"), new DateOnly(1986, 1, 2), nationality: "SN");

        var accepted = await liaison.PostAsJsonAsync("/api/v1/nominations", new { sessionId = session.Id, candidate = own });
        var refused = await liaison.PostAsJsonAsync("/api/v1/nominations", new { sessionId = session.Id, candidate = foreign });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["nationality"].ShouldBe([factory.Message("en", "nomination.nationalityOutOfScope", "SN")]);
    }

    [Fact]
    public async Task Headquarters_still_reuse_a_trainee_on_record_of_their_zone_and_bring_his_position_up_to_date()
    {
        var session = await factory.SessionAsync();
        var senegalese = await factory.TraineeAsync("SN");
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var created = await desk.NominateAsync(session.Id, new
        {
            firstName = senegalese.FirstName, lastName = senegalese.LastName, birthDate = "1984-05-17", gender = "F", nationality = "SN",
            administration = "ARM", rank = "Lieutenant-colonel", position = "", email = (string?)null,
        }, "SN");

        created.GetProperty("traineeId").GetInt32().ShouldBe(senegalese.Id);
        created.GetProperty("existingTrainee").GetBoolean().ShouldBeTrue();
        (await factory.WithDbAsync(db => db.Trainees.Where(t => t.Id == senegalese.Id).Select(t => t.Rank).SingleAsync())).ShouldBe("Lieutenant-colonel");
    }
}
