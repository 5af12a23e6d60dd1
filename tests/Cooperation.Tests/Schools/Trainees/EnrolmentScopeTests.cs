namespace Cooperation.Tests.Schools.Trainees;

/// <summary>
/// A school director sees the trainees nominated to his school, and of them only what his school knows: never their
/// enrolments, results, certificates or alumnus standing at another school.
/// </summary>
public class EnrolmentScopeTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    /// <summary>A Senegalese trainee enrolled at EMPABB (no result yet) who passed at CPADD, certified, now in a prominent position.</summary>
    private async Task<(TestTrainee Trainee, TestSession Cpadd, string Certificate)> TrainedElsewhereAsync()
    {
        var trainee = await factory.TraineeAsync("SN");
        var empabb = await factory.SessionAsync(school: "EMPABB");
        var cpadd = await factory.SessionAsync(school: "CPADD");
        await factory.NominateAsync(empabb.Id, trainee);
        var certificate = await factory.PassAsync(await factory.NominateAsync(cpadd.Id, trainee));
        await factory.CareerAsync(trainee.Id, "Chef d'état-major adjoint", Today.AddYears(-1), null, prominent: true);
        return (trainee, cpadd, certificate!);
    }

    [Fact]
    public async Task A_school_director_learns_nothing_of_another_schools_enrolments()
    {
        var (trainee, cpadd, certificate) = await TrainedElsewhereAsync();
        var year = (await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Id == cpadd.Id).Select(s => s.StartDate).SingleAsync())).Year;
        var director = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var pages = await factory.PageClientAsync(DemoAccounts.SchoolDirector);

        var alumni = await director.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?country=SN&pageSize=200");
        var byCpaddAndYear = await director.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?school=CPADD&year={year}&pageSize=200");
        var prominent = await director.GetFromJsonAsync<JsonElement>("/api/v1/trainees?prominent=true&nationality=SN&pageSize=200");
        var record = await director.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");
        var pdf = await director.GetAsync($"/api/v1/certificates/{certificate}.pdf");
        var page = await pages.GetAsync($"/Schools/Certificates/{certificate}");
        var alumniPage = await HtmlAsync(pages, "/Schools/Alumni?country=SN");

        alumni.GetProperty("items").EnumerateArray().ShouldNotContain(a => a.GetProperty("id").GetInt32() == trainee.Id);
        alumniPage.ShouldNotContain(trainee.LastName);
        byCpaddAndYear.GetProperty("items").EnumerateArray().ShouldNotContain(t => t.GetProperty("id").GetInt32() == trainee.Id);
        prominent.GetProperty("items").EnumerateArray().ShouldNotContain(t => t.GetProperty("id").GetInt32() == trainee.Id);
        record.GetProperty("alumnus").GetBoolean().ShouldBeFalse();
        record.GetProperty("enrolments").EnumerateArray().Select(e => e.GetProperty("school").GetString()).ShouldBe(["EMPABB"]);
        pdf.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_school_that_trained_him_and_headquarters_see_the_alumnus_whole()
    {
        var (trainee, _, certificate) = await TrainedElsewhereAsync();
        await factory.EnsureTestAccountsAsync();
        var cpaddDirector = await factory.ApiClientAsync(TestAccounts.DirectorCpadd);
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);

        var alumni = await cpaddDirector.GetFromJsonAsync<JsonElement>("/api/v1/alumni/prominent?country=SN&pageSize=200");
        var record = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/trainees/{trainee.Id}");

        var alumnus = alumni.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == trainee.Id);
        alumnus.GetProperty("lastSchool").GetString().ShouldBe("CPADD");
        alumnus.GetProperty("sessionsPassed").GetInt32().ShouldBe(1);
        (await cpaddDirector.GetAsync($"/api/v1/certificates/{certificate}.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        record.GetProperty("alumnus").GetBoolean().ShouldBeTrue();
        record.GetProperty("enrolments").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task The_trainees_list_counts_the_enrolments_its_reader_sees_on_a_page_and_in_an_export()
    {
        var (trainee, _, _) = await TrainedElsewhereAsync();
        var starts = await factory.WithDbAsync(db => db.Nominations.Where(n => n.TraineeId == trainee.Id && n.Status == NominationStatus.Accepted)
            .Select(n => new { n.Session!.Course!.School!.Acronym, n.Session.StartDate }).ToListAsync());
        starts.Count.ShouldBe(2);
        // EMPABB's director counts his school's enrolment only; the desk officer of Africa both, the latest last.
        foreach (var (account, count, last) in new[]
                 {
                     (DemoAccounts.SchoolDirector, 1, starts.Single(s => s.Acronym == "EMPABB").StartDate),
                     (DemoAccounts.DeskAfrica, 2, starts.Max(s => s.StartDate)),
                 })
        {
            var api = await factory.ApiClientAsync(account);
            var row = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/trainees?q={trainee.LastName}")).GetProperty("items").EnumerateArray()
                .Single(t => t.GetProperty("id").GetInt32() == trainee.Id);
            row.GetProperty("sessions").GetInt32().ShouldBe(count, account);
            row.GetProperty("lastSessionDate").GetString().ShouldBe(last.ToString("yyyy-MM-dd"), account);

            // The export, which counts them over the whole list in a statement of its own, says the same.
            var pages = await factory.PageClientAsync(account);
            var csv = await (await pages.GetAsync($"/Schools/Trainees?q={trainee.LastName}&handler=Export&format=csv")).Content.ReadAsStringAsync();
            var line = csv.Split('\n').Single(l => l.StartsWith(trainee.LastName, StringComparison.Ordinal)).Split(';');
            line[7].ShouldBe($"{count}", account);
        }
    }
}
