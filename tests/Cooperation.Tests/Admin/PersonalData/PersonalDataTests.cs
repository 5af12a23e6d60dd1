using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Cooperation.Tests.Admin.PersonalData;

/// <summary>
/// A person's rights, exercised by the administrator: everything held about him as a file (page and API), and his
/// pseudonymisation on request — his identity replaced in his record and in the audit trail's snapshots, his records
/// and the figures kept, the action audited, the hash chain still intact.
/// </summary>
public partial class PersonalDataTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>A trainee of his own with an enrolment passed and certified, a career position, and a correction of his record by the API.</summary>
    private async Task<(TestTrainee Trainee, TestSession Session, int NominationId, string Email)> TrainedTraineeAsync()
    {
        var session = await factory.SessionAsync();
        var trainee = await factory.TraineeAsync("SN");
        var nomination = await factory.NominateAsync(session.Id, trainee);
        await factory.PassAsync(nomination);
        await factory.CareerAsync(trainee.Id, "Chef d'état-major adjoint", Today.AddYears(-1), null, prominent: true);
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");
        var email = $"{trainee.LastName.ToLowerInvariant()}@armee.sn";
        var edit = await admin.PutAsJsonAsync($"/api/v1/trainees/{trainee.Id}", new
        {
            firstName = trainee.FirstName, lastName = trainee.LastName, birthDate = "1984-05-17", gender = "female", nationality = "SN",
            administration = "ARM", rank = "Lieutenant-colonel", position = "Chef de bureau opérations", email,
            version = record.GetProperty("version").GetInt64(),
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        return (trainee, session, nomination, email);
    }

    private Task<List<AuditEntry>> EntriesMentioningAsync(string text) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Before!.Contains(text) || e.After!.Contains(text) || e.UserName.Contains(text)).ToListAsync());

    [Fact]
    public async Task Administrator_exports_everything_held_about_a_trainee_from_his_page_and_the_api()
    {
        var (trainee, session, nomination, email) = await TrainedTraineeAsync();
        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        (await HtmlAsync(page, $"/Schools/Trainees/{trainee.Id}")).ShouldContain($"href=\"/Admin/PersonalData/trainees/{trainee.Id}\" data-testid=\"personal-data-link\"");
        var summary = await HtmlAsync(page, $"/Admin/PersonalData/trainees/{trainee.Id}");
        summary.ShouldContain($"{trainee.FirstName} {trainee.LastName.ToUpperInvariant()}");
        summary.ShouldContain("data-testid=\"records\">1<");

        var file = await page.GetAsync($"/Admin/PersonalData/trainees/{trainee.Id}?handler=Export");

        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"donnees-personnelles-stagiaire-{trainee.Id}-{DateTime.UtcNow:yyyy-MM-dd}.json");
        var data = await JsonAsync(file);
        data.GetProperty("exportedBy").GetString().ShouldBe(DemoAccounts.Admin);
        var person = data.GetProperty("trainee");
        (person.GetProperty("lastName").GetString(), person.GetProperty("email").GetString(), person.GetProperty("birthDate").GetString())
            .ShouldBe((trainee.LastName, email, "1984-05-17"));
        var enrolment = data.GetProperty("nominations").EnumerateArray().Single();
        (enrolment.GetProperty("id").GetInt32(), enrolment.GetProperty("courseCode").GetString(), enrolment.GetProperty("status").GetString(),
            enrolment.GetProperty("result").GetString()).ShouldBe((nomination, session.CourseCode, "Accepted", "Passed"));
        enrolment.GetProperty("certificateCode").GetString().ShouldNotBeNullOrEmpty();
        data.GetProperty("career").EnumerateArray().Single().GetProperty("position").GetString().ShouldBe("Chef d'état-major adjoint");
        var audit = data.GetProperty("auditEntries").EnumerateArray().ToList();
        audit.ShouldContain(e => e.GetProperty("entityType").GetString() == "Trainee" && e.GetProperty("action").GetString() == "Created");
        audit.ShouldContain(e => e.GetProperty("entityType").GetString() == "Nomination" && e.GetProperty("entityKey").GetString() == nomination.ToString());
        audit.ShouldContain(e => e.GetProperty("entityType").GetString() == "CareerEntry");
        audit.Single(e => e.GetProperty("entityType").GetString() == "Trainee" && e.GetProperty("action").GetString() == "Updated")
            .GetProperty("fields").EnumerateArray().ShouldContain(f => f.GetProperty("name").GetString() == "Email" && f.GetProperty("after").GetString() == email);

        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var viaApi = await api.GetAsync($"/api/v1/personal-data/trainees/{trainee.Id}");
        viaApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(viaApi)).GetProperty("trainee").GetProperty("id").GetInt32().ShouldBe(trainee.Id);
        // Each export is in the trail: who took the person's data, and when.
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "Exported" && e.EntityType == "Trainee" && e.EntityKey == trainee.Id.ToString())))
            .ShouldBe(2);
        (await api.GetAsync("/api/v1/personal-data/trainees/999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_administrator_reaches_a_persons_data_rights()
    {
        var trainee = await factory.TraineeAsync("SN");
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await desk.GetAsync($"/api/v1/personal-data/trainees/{trainee.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync($"/api/v1/personal-data/trainees/{trainee.Id}/pseudonymise", new { reason = "Essai" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        (await director.GetAsync($"/api/v1/personal-data/trainees/{trainee.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var deskPage = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        (await HtmlAsync(deskPage, $"/Schools/Trainees/{trainee.Id}")).ShouldNotContain("personal-data-link");
        (await deskPage.GetAsync($"/Admin/PersonalData/trainees/{trainee.Id}")).Headers.Location!.ToString().ShouldContain("/Account/Denied");
        (await factory.WithDbAsync(db => db.Trainees.Where(t => t.Id == trainee.Id).Select(t => t.LastName).SingleAsync())).ShouldBe(trainee.LastName);
    }

    [Fact]
    public async Task Pseudonymising_a_trainee_replaces_his_identity_everywhere_and_keeps_his_records_and_the_figures()
    {
        var (trainee, session, nomination, email) = await TrainedTraineeAsync();
        // His name is in the snapshot of his creation, his e-mail in that of the correction (an update records what changed).
        (await EntriesMentioningAsync(trainee.LastName)).ShouldContain(e => e.Action == "Created" && e.EntityType == "Trainee");
        (await EntriesMentioningAsync(email)).ShouldContain(e => e.Action == "Updated" && e.EntityType == "Trainee");
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var sessionBefore = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{session.Id}");
        var traineesBefore = await factory.WithDbAsync(db => db.Trainees.CountAsync());
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}")).GetProperty("version").GetInt64();

        var missing = await api.PostAsJsonAsync($"/api/v1/personal-data/trainees/{trainee.Id}/pseudonymise", new { reason = " ", version });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.ErrorsAsync())["reason"].ShouldBe(["Le champ « Motif » est obligatoire."]);

        var response = await api.PostAsJsonAsync($"/api/v1/personal-data/trainees/{trainee.Id}/pseudonymise", new { reason = "Demande n° 2026-17", version });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var done = await JsonAsync(response);
        done.GetProperty("name").GetString().ShouldBe($"Anonyme STAGIAIRE-{trainee.Id}");
        done.GetProperty("rewrittenAuditEntries").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");
        (record.GetProperty("firstName").GetString(), record.GetProperty("lastName").GetString(), record.GetProperty("birthDate").GetString())
            .ShouldBe(("Anonyme", $"STAGIAIRE-{trainee.Id}", "1984-01-01"));
        record.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        record.GetProperty("rank").GetString().ShouldBe("Lieutenant-colonel");
        var enrolment = record.GetProperty("enrolments").EnumerateArray().Single();
        (enrolment.GetProperty("nominationId").GetInt32(), enrolment.GetProperty("result").GetString()).ShouldBe((nomination, "passed"));
        record.GetProperty("career").GetArrayLength().ShouldBe(1);
        (await factory.WithDbAsync(db => db.Trainees.CountAsync())).ShouldBe(traineesBefore);
        var sessionAfter = await api.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{session.Id}");
        sessionAfter.ToString().ShouldBe(sessionBefore.ToString());

        // Nothing of his identity is left in the trail: its snapshots of him were rewritten, under their digest.
        (await EntriesMentioningAsync(trainee.LastName)).ShouldBeEmpty();
        (await EntriesMentioningAsync(trainee.LastName.ToUpperInvariant())).ShouldBeEmpty();
        (await EntriesMentioningAsync(email)).ShouldBeEmpty();
        (await EntriesMentioningAsync("1984-05-17")).Where(e => e.EntityType == "Trainee" && e.EntityKey == trainee.Id.ToString()).ShouldBeEmpty();
        var recorded = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Trainee&entityKey={trainee.Id}&action=Pseudonymised");
        var entry = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit/{recorded.GetProperty("items")[0].GetProperty("id").GetInt64()}");
        entry.GetProperty("userName").GetString().ShouldBe(DemoAccounts.Admin);
        entry.GetProperty("fields").EnumerateArray().ShouldContain(f => f.GetProperty("name").GetString() == "Reason" && f.GetProperty("after").GetString() == "Demande n° 2026-17");
        var integrity = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit/integrity");
        integrity.GetProperty("intact").GetBoolean().ShouldBeTrue(integrity.ToString());
        integrity.GetProperty("rewrittenEntries").GetInt64().ShouldBeGreaterThanOrEqualTo(2);

        var again = await api.PostAsJsonAsync($"/api/v1/personal-data/trainees/{trainee.Id}/pseudonymise", new { reason = "Demande n° 2026-18" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ErrorsAsync())["person"].ShouldBe(["Cette personne est déjà pseudonymisée."]);
    }

    [Fact]
    public async Task A_stale_version_refuses_the_pseudonymisation()
    {
        var trainee = await factory.TraineeAsync("CI");
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}")).GetProperty("version").GetInt64();

        var response = await api.PostAsJsonAsync($"/api/v1/personal-data/trainees/{trainee.Id}/pseudonymise", new { reason = "Demande n° 3", version = version - 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await factory.WithDbAsync(db => db.Trainees.Where(t => t.Id == trainee.Id).Select(t => t.LastName).SingleAsync())).ShouldBe(trainee.LastName);
        (await EntriesMentioningAsync(trainee.LastName)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Pseudonymising_a_cooperant_from_his_page_ends_his_account_and_rewrites_what_his_account_wrote()
    {
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var last = UniqueName("Lefebvre");
        var email = $"{last.ToLowerInvariant()}@interieur.gouv.fr";
        var created = await admin.PostAsJsonAsync("/api/v1/cooperants", new
        {
            firstName = "Hélène", lastName = last, administration = "INT", rank = "Commissaire", email, phone = "+33 6 12 34 56 78",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await JsonAsync(created)).GetProperty("id").GetInt32();
        await factory.WithDbAsync(async db =>
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Hélène {last}", CooperantId = id };
            (await users.CreateAsync(user, CooperationFactory.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Cooperant)).Succeeded.ShouldBeTrue();
            return 0;
        });
        // He corrects his own phone: an entry his account wrote, under his address.
        var own = await factory.ApiClientAsync(email);
        var mine = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}");
        (await own.PutAsJsonAsync($"/api/v1/cooperants/{id}", new
        {
            firstName = "Hélène", lastName = last, administration = "INT", rank = "Commissaire", email, phone = "+33 6 99 88 77 66",
            version = mine.GetProperty("version").GetInt64(),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntriesMentioningAsync(email)).ShouldContain(e => e.UserName == email);

        var page = await factory.PageClientAsync(DemoAccounts.Admin);
        var summary = await HtmlAsync(page, $"/Admin/PersonalData/cooperants/{id}");
        summary.ShouldContain("data-testid=\"records\">0<");
        var form = VersionField().Match(summary).Groups[1].Value;
        var refused = await PostFormAsync(page, $"/Admin/PersonalData/cooperants/{id}", new Dictionary<string, string> { ["Reason"] = "", ["Version"] = form });
        (await HtmlAsync(refused)).ShouldContain("Le champ « Motif » est obligatoire.");

        var posted = await PostFormAsync(page, $"/Admin/PersonalData/cooperants/{id}",
            new Dictionary<string, string> { ["Reason"] = "Demande de l'intéressé, réf. 2026-41", ["Version"] = form });

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await HtmlAsync(page, posted.Headers.Location!.ToString());
        after.ShouldContain($"La personne a été pseudonymisée (Anonyme COOPERANT-{id})");
        after.ShouldContain("Cette personne est pseudonymisée.");
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cooperants/{id}");
        (record.GetProperty("firstName").GetString(), record.GetProperty("lastName").GetString(), record.GetProperty("rank").GetString())
            .ShouldBe(("Anonyme", $"COOPERANT-{id}", "Commissaire"));
        record.GetProperty("phone").ValueKind.ShouldBe(JsonValueKind.Null);
        (await EntriesMentioningAsync(last)).ShouldBeEmpty();
        (await EntriesMentioningAsync(last.ToUpperInvariant())).ShouldBeEmpty();
        (await EntriesMentioningAsync(email)).ShouldBeEmpty();
        (await EntriesMentioningAsync("+33 6 99 88 77 66")).ShouldBeEmpty();
        (await EntriesMentioningAsync($"cooperant-{id}@pseudonyme.invalid")).ShouldContain(e => e.UserName == $"cooperant-{id}@pseudonyme.invalid");
        // His account is locked for good under its new name: the old address signs in no more.
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = CooperationFactory.Password });
        login.IsSuccessStatusCode.ShouldBeFalse();
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/integrity")).GetProperty("intact").GetBoolean().ShouldBeTrue();

        var export = await JsonAsync(await admin.GetAsync($"/api/v1/personal-data/cooperants/{id}"));
        export.GetProperty("account").GetProperty("email").GetString().ShouldBe($"cooperant-{id}@pseudonyme.invalid");
        export.GetProperty("cooperant").GetProperty("pseudonymisedAt").ValueKind.ShouldBe(JsonValueKind.String);
        export.ToString().ShouldNotContain(last);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
