namespace Cooperation.Tests.Infrastructure;

/// <summary>Programmes the tests that walk every page or route need a record of.</summary>
public static class ProgrammeBuilder
{
    /// <summary>
    /// A programme of Senegal's (the demo desk officer's zone, the demo coopérant's country), submitted so that the
    /// coopérant reads it too, and still open so that its edit form opens: the first one there is, or a new one for this
    /// year planning places at the EMPABB.
    /// </summary>
    public static async Task<int> SenegalAsync(CooperationDbContext db, DateOnly today)
    {
        if (await db.Programmes.Where(p => p.Country!.Iso2 == "SN" && p.Status != ProgrammeStatus.Draft && p.Status != ProgrammeStatus.Closed).OrderBy(p => p.Id)
                .Select(p => (int?)p.Id).FirstOrDefaultAsync() is { } id)
            return id;
        var programme = new Programme { CountryId = await db.Countries.Where(c => c.Iso2 == "SN").Select(c => c.Id).SingleAsync(), Year = today.Year };
        var school = await db.RegionalSchools.Where(x => x.Acronym == "EMPABB").Select(x => x.Id).SingleAsync();
        var domain = await db.Domains.Where(d => d.Code == "PEACEKEEPING").Select(d => d.Id).SingleAsync();
        programme.Plan(new ProgrammePlan([new(domain, "Contribution aux opérations de paix")],
            [new(ProgrammeMode.Training, school, domain, null, null, null, 4, 0, 0, 8_000, FundingSource.NationalCredits)],
            [new(ProgrammeMode.Training, FundingSource.NationalCredits, 8_000)]));
        programme.Submit(today);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    }

    /// <summary>
    /// A partner whose programme of a year is not drafted yet: the demo's programmes of that partner and year removed
    /// (the demo plans every partner with activity), so that a test drafts and approves its own.
    /// </summary>
    public static Task<int> NotDraftedAsync(this CooperationFactory factory, string iso2, int year) =>
        factory.WithDbAsync(db => db.Programmes.Where(p => p.Country!.Iso2 == iso2 && p.Year == year).ExecuteDeleteAsync());

    /// <summary>A planned line as the API takes it.</summary>
    public static Dictionary<string, object?> Line(string mode, int quantity = 0, decimal budget = 0, string source = "nationalCredits",
        string? school = null, string? domain = null, string? category = null, string? posting = null, int? projectId = null, int expertDays = 0,
        decimal value = 0) => new()
    {
        ["mode"] = mode, ["school"] = school, ["domain"] = domain, ["category"] = category, ["posting"] = posting, ["projectId"] = projectId,
        ["quantity"] = quantity, ["expertDays"] = expertDays, ["value"] = value, ["budget"] = budget, ["source"] = source,
    };

    /// <summary>Training places at the EMPABB in a domain.</summary>
    public static Dictionary<string, object?> Places(int places, decimal budget = 20_000, string domain = "PEACEKEEPING") =>
        Line("training", places, budget, school: "EMPABB", domain: domain);

    /// <summary>A programme of a country (or, with <c>org:</c> before an acronym, of an organisation) whose envelopes are the sums of its lines by mode and source.</summary>
    public static Dictionary<string, object?> NewProgramme(string partner, int year, params Dictionary<string, object?>[] lines) => new()
    {
        [partner.StartsWith("org:", StringComparison.Ordinal) ? "organisation" : "country"] = partner.StartsWith("org:", StringComparison.Ordinal) ? partner[4..] : partner,
        ["year"] = year,
        ["priorities"] = new[] { new { domain = "PEACEKEEPING", rationale = "Contribution du pays aux opérations de paix de l'UA" } },
        ["lines"] = lines,
        ["envelopes"] = lines.GroupBy(l => ((string)l["mode"]!, (string)l["source"]!))
            .Select(g => new { mode = g.Key.Item1, source = g.Key.Item2, amount = g.Sum(l => (decimal)l["budget"]!) }).ToArray(),
    };

    /// <summary>A programme drafted by <paramref name="drafter"/>, submitted, and approved by the director: the programme as the approval returns it.</summary>
    public static async Task<JsonElement> ApprovedProgrammeAsync(this CooperationFactory factory, HttpClient drafter, Dictionary<string, object?> programme)
    {
        var created = await drafter.PostAsJsonAsync("/api/v1/programmes", programme);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var submitted = await drafter.PostAsJsonAsync($"/api/v1/programmes/{id}/submit", new { });
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var approved = await director.PostAsJsonAsync($"/api/v1/programmes/{id}/approve", new { });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return await approved.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A partnership of an organisation (by acronym) over the years given.</summary>
    public static Task<int> PartnershipAsync(this CooperationFactory factory, string organisation, int fromYear, int toYear) =>
        factory.WithDbAsync(async db =>
        {
            var partnership = new Partnership
            {
                OrganisationId = await db.Organisations.Where(o => o.Acronym == organisation).Select(o => o.Id).SingleAsync(),
                AgreementTitle = $"Accord de coopération {organisation}", AgreementReference = $"ACC-{organisation}-{TestData.Unique()}",
                StartDate = new DateOnly(fromYear, 1, 1), EndDate = new DateOnly(toYear, 12, 31),
            };
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync();
            return partnership.Id;
        });

    /// <summary>A session attached to a partnership (or left without one), as <see cref="TrainingBuilder.SessionAsync"/> makes it.</summary>
    public static async Task<TestSession> PartnershipSessionAsync(this CooperationFactory factory, int? partnershipId, DateOnly start,
        Dictionary<string, int> quotas, string domain = "PEACEKEEPING", SessionStatus status = SessionStatus.Open)
    {
        var session = await factory.SessionAsync(start: start, quotas: quotas, domain: domain, capacity: 40, status: status);
        await factory.WithDbAsync(db => db.CourseSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.PartnershipId, partnershipId)));
        return session;
    }

    /// <summary>A project of a zone serving a partnership.</summary>
    public static Task<int> PartnershipProjectAsync(this CooperationFactory factory, string zone, int partnershipId, int year) =>
        factory.WithDbAsync(async db =>
        {
            var project = new Project
            {
                Title = $"Projet de partenariat {TestData.Unique()}", ZoneId = await db.Zones.Where(z => z.Code == zone).Select(z => z.Id).SingleAsync(),
                StartDate = new DateOnly(year, 1, 1), EndDate = new DateOnly(year, 12, 31), PartnershipId = partnershipId,
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });

    /// <summary>A donation to a country (of a project, or none) handed over on a day: one item of a category worth a value in euros.</summary>
    public static Task<int> HandedOverDonationAsync(this CooperationFactory factory, string iso2, EquipmentCategory category, decimal euros, DateOnly on,
        int? projectId = null) =>
        factory.WithDbAsync(async db =>
        {
            var donation = new Donation
            {
                Title = $"Don {TestData.Unique()}", CountryId = await db.Countries.Where(c => c.Iso2 == iso2).Select(c => c.Id).SingleAsync(),
                ReceivingAuthority = "Ministère de la défense", ReceivingUnit = "État-major", ProjectId = projectId, Status = DonationStatus.HandedOver,
                ProposedOn = on.AddMonths(-3), HandedOverOn = on,
                Items = [new DonationItem { Category = category, Description = "Matériel de surveillance", Quantity = 1, UnitValue = euros, Currency = "EUR", Rate = 1, EuroValue = euros, QuantityHandedOver = 1 }],
            };
            db.Donations.Add(donation);
            await db.SaveChangesAsync();
            return donation.Id;
        });
}
