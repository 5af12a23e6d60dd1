namespace Cooperation.Tests.Schools.Courses;

/// <summary>/api/v1/courses: who may write a school's catalogue, what a course must say, and how the catalogue is searched.</summary>
public class CoursesApiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.EnsureTestAccountsAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object NewCourse(string school, string code, string[]? audience = null, string domain = "PEACEKEEPING",
        string level = "Advanced", int? durationDays = 15, string[]? languages = null) => new
    {
        school, code, titleFr = $"Chef de section de maintien de la paix ({code})", titleEn = $"Peacekeeping platoon leader ({code})",
        domain, level, durationDays, languages = languages ?? ["fr", "en"], audience = audience ?? ["ARM", "INT"],
    };

    [Fact]
    public async Task A_school_director_adds_a_course_to_his_school_s_catalogue()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);

        var response = await api.PostAsJsonAsync("/api/v1/courses", NewCourse("empabb", "T-CAT-201", audience: ["ARM", "DOU"]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var course = await JsonAsync(response);
        var id = course.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/courses/{id}");
        course.GetProperty("school").GetString().ShouldBe("EMPABB");
        course.GetProperty("code").GetString().ShouldBe("T-CAT-201");
        course.GetProperty("title").GetString().ShouldBe("Chef de section de maintien de la paix (T-CAT-201)");
        course.GetProperty("domain").GetString().ShouldBe("PEACEKEEPING");
        course.GetProperty("level").GetString().ShouldBe("Advanced");
        course.GetProperty("durationDays").GetInt32().ShouldBe(15);
        course.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["fr", "en"]);
        course.GetProperty("audience").EnumerateArray().Select(a => a.GetProperty("code").GetString()).Order().ShouldBe(["ARM", "DOU"]);
        course.GetProperty("active").GetBoolean().ShouldBeTrue();

        var english = await factory.ApiClientAsync(DemoAccounts.Auditor, language: "en");
        var read = await english.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{id}");
        read.GetProperty("title").GetString().ShouldBe("Peacekeeping platoon leader (T-CAT-201)");
        read.GetProperty("levelName").GetString().ShouldBe("Advanced level");
    }

    [Fact]
    public async Task A_school_director_may_not_write_another_school_s_catalogue()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var response = await api.PostAsJsonAsync("/api/v1/courses", NewCourse("CPADD", "T-CAT-403"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var other = await factory.CourseAsync("CPADD", "T-CAT-403B", domain: "DEMINING");
        var edit = await api.PutAsJsonAsync($"/api/v1/courses/{other}", new { version = 0, code = "T-CAT-403B", titleFr = "x", titleEn = "x",
            domain = "DEMINING", level = "Initial", durationDays = 5, languages = new[] { "fr" }, audience = new[] { "ARM" } });
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.Courses.CountAsync(c => c.Code == "T-CAT-403"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_desk_officer_writes_the_catalogues_of_her_zone_s_schools_only()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        (await desk.PostAsJsonAsync("/api/v1/courses", NewCourse("CPADD", "T-CAT-DESK", domain: "DEMINING"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // The Balkans' cybersecurity school is outside Sub-Saharan Africa.
        (await desk.PostAsJsonAsync("/api/v1/courses", NewCourse("ENVR-CYBER-BAL", "T-CAT-DESK", domain: "CYBERSECURITY"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(DemoAccounts.Director)]
    [InlineData(DemoAccounts.Auditor)]
    [InlineData(DemoAccounts.CooperantSenegal)]
    [InlineData(DemoAccounts.LiaisonCi)]
    public async Task Readers_may_not_write_a_catalogue(string email)
    {
        var api = await factory.ApiClientAsync(email, language: "en");
        var response = await api.PostAsJsonAsync("/api/v1/courses", NewCourse("EMPABB", "T-CAT-READER"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonAsync(response)).GetProperty("detail").GetString()!.ShouldContain("does not allow");
    }

    [Fact]
    public async Task Every_faulty_field_is_named_with_its_reason_and_nothing_is_written()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin, language: "en");
        var response = await api.PostAsJsonAsync("/api/v1/courses", new
        {
            school = "EMPABB", code = "bad code!", titleFr = "", titleEn = "Leader", domain = "ASTRONOMY", level = "Expert",
            durationDays = 0, languages = new[] { "fr", "de" }, audience = new[] { "ARM", "NAVY" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        FirstError(problem, "code").ShouldStartWith("The course code is written in capital letters");
        FirstError(problem, "titleFr").ShouldBe("The field \"Title in French\" is required.");
        FirstError(problem, "domain").ShouldContain("ASTRONOMY");
        FirstError(problem, "level").ShouldBe("The level \"Expert\" is unknown: choose Initial, Intermediate, Advanced or Senior.");
        FirstError(problem, "durationDays").ShouldBe("The duration must be a number of days between 1 and 365.");
        FirstError(problem, "languages").ShouldStartWith("The language \"de\" is not offered");
        FirstError(problem, "audience").ShouldContain("NAVY");
        problem.GetProperty("errors").TryGetProperty("titleEn", out _).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.Courses.CountAsync(c => c.TitleEn == "Leader"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_course_code_is_unique_within_its_school_only()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        (await api.PostAsJsonAsync("/api/v1/courses", NewCourse("EMPABB", "T-CAT-TWICE"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await api.PostAsJsonAsync("/api/v1/courses", NewCourse("EMPABB", "t-cat-twice"));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FirstError(await JsonAsync(again), "code").ShouldBe("L'école a déjà une formation de code T-CAT-TWICE : choisissez un autre code.");
        (await api.PostAsJsonAsync("/api/v1/courses", NewCourse("EIFORCES", "T-CAT-TWICE"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_course_changes_with_the_version_read_and_a_stale_version_is_refused()
    {
        var id = await factory.CourseAsync("EMPABB", "T-CAT-EDIT");
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        var course = await api.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{id}");
        var version = course.GetProperty("version").GetInt64();
        object Change(long v, string title, bool active) => new
        {
            version = v, code = "T-CAT-EDIT", titleFr = title, titleEn = "Edited", domain = "FRENCH_LANGUAGE", level = "Initial",
            durationDays = 20, languages = new[] { "fr" }, audience = new[] { "ARM", "JUS" }, active,
        };

        var response = await api.PutAsJsonAsync($"/api/v1/courses/{id}", Change(version, "Français militaire — En Avant !", false));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = await JsonAsync(response);
        changed.GetProperty("title").GetString().ShouldBe("Français militaire — En Avant !");
        changed.GetProperty("domain").GetString().ShouldBe("FRENCH_LANGUAGE");
        changed.GetProperty("active").GetBoolean().ShouldBeFalse();
        changed.GetProperty("audience").EnumerateArray().Select(a => a.GetProperty("code").GetString()).Order().ShouldBe(["ARM", "JUS"]);
        changed.GetProperty("version").GetInt64().ShouldBeGreaterThan(version);

        var stale = await api.PutAsJsonAsync($"/api/v1/courses/{id}", Change(version, "Perdu", true));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{id}")).GetProperty("titleFr").GetString().ShouldBe("Français militaire — En Avant !");
    }

    [Fact]
    public async Task The_catalogue_filters_by_school_domain_level_audience_and_text_in_pages()
    {
        await factory.CourseAsync("ISMI", "T-CAT-LST-1", domain: "MARITIME_SECURITY", audience: ["ARM", "DOU"]);
        await factory.CourseAsync("ISMI", "T-CAT-LST-2", domain: "MARITIME_SECURITY", audience: ["ARM"]);
        await factory.CourseAsync("ISMI", "T-CAT-LST-3", domain: "STATE_ACTION_AT_SEA", audience: ["DOU"]);
        var api = await factory.ApiClientAsync(DemoAccounts.Director);

        async Task<List<string>> Codes(string query) =>
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/courses?" + query)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()!).Where(c => c.StartsWith("T-CAT-LST")).Order().ToList();

        (await Codes("school=ISMI&q=t-cat-lst")).ShouldBe(["T-CAT-LST-1", "T-CAT-LST-2", "T-CAT-LST-3"]);
        (await Codes("school=ISMI&domain=MARITIME_SECURITY")).ShouldBe(["T-CAT-LST-1", "T-CAT-LST-2"]);
        (await Codes("school=ISMI&administration=DOU")).ShouldBe(["T-CAT-LST-1", "T-CAT-LST-3"]);
        (await Codes("school=ISMI&level=Intermediate&q=LST-2")).ShouldBe(["T-CAT-LST-2"]);
        (await Codes("school=ISMI&level=Senior")).ShouldBeEmpty();

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/courses?q=T-CAT-LST&sort=-code&pageSize=2");
        var second = await api.GetFromJsonAsync<JsonElement>("/api/v1/courses?q=T-CAT-LST&sort=-code&pageSize=2&page=2");
        first.GetProperty("total").GetInt32().ShouldBe(3);
        first.GetProperty("pageSize").GetInt32().ShouldBe(2);
        first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["T-CAT-LST-3", "T-CAT-LST-2"]);
        second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["T-CAT-LST-1"]);
    }

    [Fact]
    public async Task The_catalogue_read_again_after_a_write_shows_it()
    {
        // The catalogue is kept between requests: a course added, changed or withdrawn shows in the next page read.
        var api = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        async Task<List<(string Code, string Title, bool Active)>> Rows() =>
            (await api.GetFromJsonAsync<JsonElement>("/api/v1/courses?school=EMPABB&q=T-CAT-KEPT&pageSize=100")).GetProperty("items")
            .EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("title").GetString()!, i.GetProperty("active").GetBoolean()))
            .ToList();
        (await Rows()).ShouldBeEmpty();

        var created = await JsonAsync(await api.PostAsJsonAsync("/api/v1/courses", NewCourse("EMPABB", "T-CAT-KEPT")));
        (await Rows()).ShouldBe([("T-CAT-KEPT", "Chef de section de maintien de la paix (T-CAT-KEPT)", true)]);

        var id = created.GetProperty("id").GetInt32();
        var edit = await api.PutAsJsonAsync($"/api/v1/courses/{id}", new
        {
            version = created.GetProperty("version").GetInt64(), code = "T-CAT-KEPT", titleFr = "Catalogue relu", titleEn = "Read again",
            domain = "PEACEKEEPING", level = "Advanced", durationDays = 15, languages = new[] { "fr" }, audience = new[] { "ARM" }, active = false,
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rows()).ShouldBe([("T-CAT-KEPT", "Catalogue relu", false)]);
    }

    [Fact]
    public async Task A_coopérant_reads_the_catalogues_of_his_country_s_schools_only()
    {
        var senegal = await factory.CourseAsync("ENVR-CYBER", "T-CAT-SN");
        var mali = await factory.CourseAsync("EMPABB", "T-CAT-ML");
        var api = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await api.GetAsync($"/api/v1/courses/{senegal}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/courses/{mali}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.GetAsync($"/api/v1/courses/{mali}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
