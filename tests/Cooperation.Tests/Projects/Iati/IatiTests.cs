using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Cooperation.Tests.Projects.Iati;

/// <summary>
/// /api/v1/iati: the public IATI 2.03 files as a reader of the ministry's transparency receives them — valid against
/// the standard's schema on the demo data, with the figures of the projects and no personal name — and the IATI rules
/// where a desk officer enters the data (publication needs sectors, an identifier never changes, no future actual date).
/// </summary>
public class IatiTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static readonly string SchemaFolder = Path.Combine(AppContext.BaseDirectory, "Projects", "Iati", "Schema");

    private static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(Path.Combine(SchemaFolder, "iati-activities-schema.xsd"),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() });
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>The schema's errors for a document (none when it is valid).</summary>
    private static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema, Schemas = Schema(),
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    private static decimal Decimal(string? value) => decimal.Parse(value!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_activity_file_is_public_valid_IATI_2_03_with_the_projects_figures_and_no_personal_name()
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/iati/activities.xml");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = await response.Content.ReadAsStringAsync();

        Validate(xml).ShouldBeEmpty();
        // The check itself finds a broken file: an activity without its status.
        var broken = XDocument.Parse(xml);
        broken.Root!.Element("iati-activity")!.Element("activity-status")!.Remove();
        Validate(broken.ToString()).ShouldNotBeEmpty();

        var published = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.IatiPublished)
            .Include(p => p.Sectors).Include(p => p.Transactions).OrderBy(p => p.Id).AsSplitQuery().ToListAsync());
        published.Count.ShouldBeGreaterThan(10);
        var activities = XDocument.Parse(xml).Root!.Elements("iati-activity").ToList();
        activities.Select(a => a.Element("iati-identifier")!.Value).ShouldBe(published.Select(p => $"FR-6-{p.Id}"));
        activities.ShouldAllBe(a => a.Element("reporting-org")!.Attribute("ref")!.Value == "FR-6");

        // A project's commitments and sector shares, as recorded.
        var project = published.First(p => p.Sectors.Count == 2 && p.Transactions.Any(t => t.Kind == TransactionKind.Commitment));
        var activity = activities.Single(a => a.Element("iati-identifier")!.Value == project.IatiIdentifier);
        activity.Elements("transaction").Where(t => t.Element("transaction-type")!.Attribute("code")!.Value == "2")
            .Sum(t => Decimal(t.Element("value")!.Value))
            .ShouldBe(project.Transactions.Where(t => t.Kind == TransactionKind.Commitment).Sum(t => t.Amount));
        activity.Elements("sector").Select(s => (s.Attribute("code")!.Value, Decimal(s.Attribute("percentage")!.Value))).OrderBy(s => s.Value)
            .ShouldBe(project.Sectors.Select(s => (s.Code, s.Percentage)).OrderBy(s => s.Code));
        activity.Element("title")!.Elements("narrative").Select(n => n.Value).ShouldBe([project.Title, project.TitleEn]);
        // Every kind of share sums to 100 (countries and regions together; sectors).
        foreach (var a in activities)
        {
            a.Elements().Where(e => e.Name == "recipient-country" || e.Name == "recipient-region").Sum(e => Decimal(e.Attribute("percentage")!.Value)).ShouldBe(100m);
            a.Elements("sector").Sum(e => Decimal(e.Attribute("percentage")!.Value)).ShouldBe(100m);
        }

        // No personal data: neither the partners' contacts, nor the accounts, nor the EU assessors.
        var names = await factory.WithDbAsync(async db =>
            (await db.Projects.AsNoTracking().Where(p => p.ContactName != null).Select(p => p.ContactName!).ToListAsync())
            .Concat(await db.Users.AsNoTracking().Select(u => u.DisplayName).ToListAsync())
            .Concat(await db.EuAssessments.AsNoTracking().Select(a => a.AssessedBy).ToListAsync())
            .Concat(await db.Projects.AsNoTracking().Where(p => p.ContactEmail != null).Select(p => p.ContactEmail!).ToListAsync())
            .Where(n => n.Length > 3).Distinct().ToList());
        names.ShouldNotBeEmpty();
        names.Where(xml.Contains).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_organisation_file_totals_the_published_projects_budgets_by_year()
    {
        var xml = await factory.CreateClient().GetStringAsync("/api/v1/iati/organisation.xml");
        var organisation = XDocument.Parse(xml).Root!.Element("iati-organisation")!;
        organisation.Element("organisation-identifier")!.Value.ShouldBe("FR-6");
        organisation.Element("reporting-org")!.Attribute("ref")!.Value.ShouldBe("FR-6");

        var year = Today.Year - 2;
        var expected = await factory.WithDbAsync(db => db.Set<BudgetLine>().Where(b => b.Year == year && b.Project!.IatiPublished).SumAsync(b => b.Amount));
        expected.ShouldBeGreaterThan(0m);
        var budget = organisation.Elements("total-budget").Single(b => b.Element("period-start")!.Attribute("iso-date")!.Value == $"{year}-01-01");
        Decimal(budget.Element("value")!.Value).ShouldBe(expected);
    }

    private static Dictionary<string, object?> NewProject(string title, bool published, bool sectors = true) => new()
    {
        ["title"] = title,
        ["titleEn"] = "Support to peacekeeping schools",
        ["summary"] = "Former les cadres des écoles de maintien de la paix.",
        ["locations"] = new[] { new { country = "SN", percentage = 60m }, new { country = "ML", percentage = 40m } },
        ["domains"] = new[] { "PEACEKEEPING" },
        ["contactName"] = "Awa Ndiaye",
        ["startDate"] = new DateOnly(Today.Year, 1, 15).ToString("yyyy-MM-dd"),
        ["endDate"] = new DateOnly(Today.Year + 2, 1, 14).ToString("yyyy-MM-dd"),
        ["budgetLines"] = new[] { new { year = Today.Year, source = "nationalCredits", amount = 200_000m } },
        ["sectors"] = sectors ? new[] { new { code = "15210", percentage = 70m }, new { code = "15230", percentage = 30m } } : Array.Empty<object>(),
        ["iatiPublished"] = published,
    };

    [Fact]
    public async Task A_project_published_keeps_its_identifier_for_good_and_publication_needs_sectors()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var withoutSectors = await api.PostAsJsonAsync("/api/v1/projects", NewProject(UniqueName("Sans secteur"), published: true, sectors: false));
        withoutSectors.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withoutSectors.ErrorsAsync())["iatiPublished"].ShouldBe(["Un projet n'est publié dans le fichier IATI qu'avec ses secteurs CAD : indiquez-en au moins un."]);

        var title = UniqueName("Écoles de maintien de la paix");
        var created = await api.PostAsJsonAsync("/api/v1/projects", NewProject(title, published: true));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = await JsonAsync(created);
        var id = project.GetProperty("id").GetInt32();
        project.GetProperty("iatiIdentifier").GetString().ShouldBe($"FR-6-{id}");
        var file = await factory.CreateClient().GetStringAsync("/api/v1/iati/activities.xml");
        file.ShouldContain($"<iati-identifier>FR-6-{id}</iati-identifier>");
        file.ShouldContain("Support to peacekeeping schools");
        file.ShouldNotContain("Awa Ndiaye");

        // Withdrawn, then published again: the same identifier, never another.
        var withdrawn = NewProject(title, published: false);
        withdrawn["version"] = project.GetProperty("version").GetInt64();
        var put = await api.PutAsJsonAsync($"/api/v1/projects/{id}", withdrawn);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var after = await JsonAsync(put);
        after.GetProperty("iatiPublished").GetBoolean().ShouldBeFalse();
        after.GetProperty("iatiIdentifier").GetString().ShouldBe($"FR-6-{id}");
        (await factory.CreateClient().GetStringAsync("/api/v1/iati/activities.xml")).ShouldNotContain($"FR-6-{id}<");
        var again = NewProject(title, published: true);
        again["version"] = after.GetProperty("version").GetInt64();
        var republished = await JsonAsync(await api.PutAsJsonAsync($"/api/v1/projects/{id}", again));
        republished.GetProperty("iatiIdentifier").GetString().ShouldBe($"FR-6-{id}");
    }

    [Fact]
    public async Task A_transaction_dated_after_today_is_refused_naming_its_date()
    {
        var api = await factory.ApiClientAsync(DemoAccounts.DeskAfrica, "en");
        var id = await factory.WithDbAsync(db => db.Projects.Where(p => p.Status == ProjectStatus.Running && p.Zone!.Code == "AFS").Select(p => p.Id).FirstAsync());
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transactions", new
        {
            kind = "disbursement", date = Today.AddDays(3).ToString("yyyy-MM-dd"), amount = 1_000m, currency = "EUR", provider = "DCSD", receiver = "Expertise France",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorsAsync())["date"].ShouldBe([$"This date records what was done: it cannot be after today ({Today:yyyy-MM-dd})."]);
    }
}
