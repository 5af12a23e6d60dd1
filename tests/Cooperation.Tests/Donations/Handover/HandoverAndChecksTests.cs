using static Cooperation.Tests.Donations.DonationTestData;

namespace Cooperation.Tests.Donations.Handover;

/// <summary>
/// A donation's life after its proposal, as API clients meet it: the end-user statement (checked by its content), the
/// director's approval, the export licence before ordering, the handover with a shortfall by the coopérant of the
/// country, the checks it schedules, an item not found, overdue checks, the auditor's redacted reading, the figures.
/// </summary>
public class HandoverAndChecksTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private static MultipartFormDataContent Statement(byte[] content, string name = "certificat.pdf") => TestFiles.Multipart("file", content, name);

    private static MultipartFormDataContent Handover(DateOnly date, string quantities, byte[]? document = null) => TestFiles.Multipart(
        "document", document ?? TestFiles.Pdf("Procès-verbal de remise"), "pv-remise.pdf",
        ("date", date.ToString("yyyy-MM-dd")), ("place", "Thiès, camp Mame Diarra Bousso"), ("receivingAuthority", "État-major général des armées"),
        ("signatory", "Colonel Abdoulaye Ndiaye"), ("quantities", quantities));

    [Fact]
    public async Task A_donation_is_approved_with_its_statement_ordered_with_its_licence_handed_over_short_and_checked()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        var created = await ProposeAsync(desk, NewDonation(UniqueName("Don au centre de Thiès")));
        var id = created.GetProperty("id").GetInt32();

        // The statement is checked by its content: an executable named .pdf, or a spreadsheet, is refused and nothing is kept.
        var files = factory.WithDb(db => db.StoredFiles.Count());
        var fake = await desk.PostAsync($"/api/v1/donations/{id}/end-user-statement", Statement(TestFiles.Executable()));
        fake.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fake.ErrorsAsync())["file"][0].ShouldContain("PDF");
        (await desk.PostAsync($"/api/v1/donations/{id}/end-user-statement", Statement(TestFiles.Xlsx(), "certificat.xlsx"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        factory.WithDb(db => db.StoredFiles.Count()).ShouldBe(files);
        (await cooperant.PostAsync($"/api/v1/donations/{id}/end-user-statement", Statement(TestFiles.Pdf()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.PostAsync($"/api/v1/donations/{id}/end-user-statement", Statement(TestFiles.Pdf("Certificat")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var download = await auditor.GetAsync($"/api/v1/donations/{id}/end-user-statement");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        var approved = await MoveAsync(director, id, "approved");
        approved.GetProperty("status").GetString().ShouldBe("approved");
        // What the director approved is what is ordered: no item comes in afterwards.
        (await desk.PostAsJsonAsync($"/api/v1/donations/{id}/items", new { item = Item("Tentes", "civilProtection") })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The vests are on the Common Military List (ML13): no order without their export licence.
        var order = await desk.PostAsJsonAsync($"/api/v1/donations/{id}/status", new { to = "ordered" });
        order.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await order.ErrorsAsync())["exportLicence"][0].ShouldContain("ML13");
        await factory.WithDbAsync(async db =>
        {
            var vests = await db.DonationItems.SingleAsync(i => i.DonationId == id && i.MlCategory == 13);
            vests.ExportLicence = "LEX-2026-0042";
            return await db.SaveChangesAsync();
        });
        await MoveAsync(desk, id, "ordered");
        await MoveAsync(desk, id, "delivered");

        // The coopérant of Senegal hands it over: 18 vests of 20, a shortfall recorded.
        var items = approved.GetProperty("items").EnumerateArray().Select(i => (Id: i.GetProperty("id").GetInt32(), Quantity: i.GetProperty("quantity").GetInt32())).ToList();
        var handedOn = Today;
        var quantities = $"{{\"{items[0].Id}\": {items[0].Quantity}, \"{items[1].Id}\": 18}}";
        var missingDocument = await cooperant.PostAsync($"/api/v1/donations/{id}/handover", new MultipartFormDataContent { { new StringContent("x"), "place" } });
        missingDocument.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missingDocument.ErrorsAsync()).Keys.ShouldContain("document");
        var tooMany = await cooperant.PostAsync($"/api/v1/donations/{id}/handover", Handover(handedOn, $"{{\"{items[0].Id}\": 1, \"{items[1].Id}\": 21}}"));
        (await tooMany.ErrorsAsync())["items"][0].ShouldContain("20");
        var handed = await cooperant.PostAsync($"/api/v1/donations/{id}/handover", Handover(handedOn, quantities));
        handed.StatusCode.ShouldBe(HttpStatusCode.OK, await handed.Content.ReadAsStringAsync());
        var afterHandover = await JsonAsync(handed);
        afterHandover.GetProperty("status").GetString().ShouldBe("handedOver");
        afterHandover.GetProperty("items")[1].GetProperty("shortfall").GetInt32().ShouldBe(2);
        afterHandover.GetProperty("handover").GetProperty("signatory").GetString().ShouldBe("Colonel Abdoulaye Ndiaye");
        afterHandover.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("dueOn").GetString())
            .ShouldBe([handedOn.AddMonths(6).ToString("yyyy-MM-dd"), handedOn.AddMonths(12).ToString("yyyy-MM-dd")]);

        // The auditor reads it all but the signatory's name.
        var audited = await JsonAsync(await auditor.GetAsync($"/api/v1/donations/{id}"));
        audited.GetProperty("handover").GetProperty("signatory").GetString().ShouldBe("•••");
        audited.GetProperty("handover").GetProperty("place").GetString().ShouldBe("Thiès, camp Mame Diarra Bousso");
        (await auditor.PostAsJsonAsync($"/api/v1/donations/{id}/checks", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The first check: the targets in use, the vests not found — an alert on the list.
        var check = await cooperant.PostAsJsonAsync($"/api/v1/donations/{id}/checks", new
        {
            checkedOn = Today.ToString("yyyy-MM-dd"), checkedBy = "Commandant Paul Martin",
            findings = new object[]
            {
                new { itemId = items[0].Id, finding = "inUse", condition = "good", atDeclaredLocation = true },
                new { itemId = items[1].Id, finding = "notFound", note = "Absents du magasin ; registre non tenu." },
            },
        });
        check.StatusCode.ShouldBe(HttpStatusCode.Created, await check.Content.ReadAsStringAsync());
        var checks = await JsonAsync(check);
        checks[0].GetProperty("checkedBy").GetString().ShouldBe("Commandant Paul Martin");
        checks[0].GetProperty("findings")[1].GetProperty("finding").GetString().ShouldBe("notFound");
        var row = (await JsonAsync(await director.GetAsync($"/api/v1/donations?search={created.GetProperty("title").GetString()![^8..]}")))
            .GetProperty("items")[0];
        row.GetProperty("status").GetString().ShouldBe("checked");
        row.GetProperty("itemsNotFound").GetInt32().ShouldBe(1);
        (await JsonAsync(await auditor.GetAsync($"/api/v1/donations/{id}/checks")))[0].GetProperty("checkedBy").GetString().ShouldBe("•••");
    }

    [Fact]
    public async Task A_check_names_every_item_handed_over_and_overdue_checks_are_listed_in_the_users_scope()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = await HandedOverAsync(desk, Today.AddMonths(-7));

        var partial = await desk.PostAsJsonAsync($"/api/v1/donations/{id}/checks", new
        {
            checkedOn = Today.ToString("yyyy-MM-dd"), checkedBy = "Lieutenant Diop",
            findings = new object[] { new { itemId = 0, finding = "inUse", condition = "good" } },
        });
        partial.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await partial.ErrorsAsync())["findings"][0].ShouldContain("0");
        var future = await desk.PostAsJsonAsync($"/api/v1/donations/{id}/checks", new { checkedOn = Today.AddDays(3).ToString("yyyy-MM-dd"), checkedBy = "X", findings = Array.Empty<object>() });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var overdueResponse = await desk.GetAsync("/api/v1/checks/overdue?pageSize=200");
        overdueResponse.StatusCode.ShouldBe(HttpStatusCode.OK, await overdueResponse.Content.ReadAsStringAsync());
        var overdue = (await JsonAsync(overdueResponse)).GetProperty("items").EnumerateArray().ToList();
        overdue.ShouldContain(c => c.GetProperty("donationId").GetInt32() == id && c.GetProperty("daysOverdue").GetInt32() > 0);
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        (await JsonAsync(await cooperant.GetAsync("/api/v1/checks/overdue?pageSize=200"))).GetProperty("items").EnumerateArray()
            .ShouldAllBe(c => c.GetProperty("country").GetString() == "SN");
        (await JsonAsync(await desk.GetAsync("/api/v1/donations?overdue=true&pageSize=200"))).GetProperty("items").EnumerateArray()
            .ShouldContain(d => d.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task A_checks_photo_is_an_image_attached_to_a_recorded_finding_and_read_by_those_who_read_the_donation()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var id = await HandedOverAsync(desk, Today.AddMonths(-6));
        var cooperant = await factory.ApiClientAsync(DemoAccounts.CooperantSenegal);
        var items = (await JsonAsync(await desk.GetAsync($"/api/v1/donations/{id}"))).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt32()).ToList();
        var recorded = await cooperant.PostAsJsonAsync($"/api/v1/donations/{id}/checks", new
        {
            checkedOn = Today.ToString("yyyy-MM-dd"), checkedBy = "Capitaine Sow",
            findings = new object[]
            {
                new { itemId = items[0], finding = "inUse", condition = "fair", atDeclaredLocation = true },
                new { itemId = items[1], finding = "notInUse", condition = "poor", atDeclaredLocation = false, note = "Stockés au dépôt central" },
            },
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var checkId = (await JsonAsync(recorded))[0].GetProperty("id").GetInt32();
        var path = $"/api/v1/donations/{id}/checks/{checkId}/items/{items[1]}/photo";

        // A PDF is no photo, whatever its name says; nothing is kept.
        var files = factory.WithDb(db => db.StoredFiles.Count());
        var pdf = await cooperant.PostAsync(path, TestFiles.Multipart("file", TestFiles.Pdf(), "photo.jpg"));
        pdf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pdf.ErrorsAsync())["file"][0].ShouldContain("PNG");
        factory.WithDb(db => db.StoredFiles.Count()).ShouldBe(files);
        // A photo goes with a finding of that check: not with an item the check did not look at.
        var stray = await cooperant.PostAsync($"/api/v1/donations/{id}/checks/{checkId}/items/0/photo", TestFiles.Multipart("file", TestFiles.Png(), "p.png"));
        (await stray.ErrorsAsync())["itemId"][0].ShouldContain("0");
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await auditor.PostAsync(path, TestFiles.Multipart("file", TestFiles.Png(), "p.png"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var attached = await cooperant.PostAsync(path, TestFiles.Multipart("file", TestFiles.Jpeg(), "depot central.jpeg"));
        attached.StatusCode.ShouldBe(HttpStatusCode.OK, await attached.Content.ReadAsStringAsync());
        (await JsonAsync(attached))[0].GetProperty("findings")[1].GetProperty("photoFileId").ValueKind.ShouldBe(JsonValueKind.Number);
        var photo = await auditor.GetAsync(path);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await photo.Content.ReadAsByteArrayAsync()).ShouldBe(TestFiles.Jpeg());
        (await auditor.GetAsync($"/api/v1/donations/{id}/checks/{checkId}/items/{items[0]}/photo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A coopérant of another country does not reach Lebanon's donation, nor its photos.
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var lebanon = (await ProposeAsync(admin, NewDonation(UniqueName("Don au Liban"), "LB"))).GetProperty("id").GetInt32();
        (await cooperant.PostAsync($"/api/v1/donations/{lebanon}/checks/{checkId}/items/{items[1]}/photo",
            TestFiles.Multipart("file", TestFiles.Png(), "p.png"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cooperant.GetAsync($"/api/v1/donations/{lebanon}/checks/{checkId}/items/{items[1]}/photo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Figures_count_the_donations_handed_over_last_year_and_their_value()
    {
        var desk = await factory.ApiClientAsync(DemoAccounts.DeskAfrica);
        var before = await JsonAsync(await desk.GetAsync("/api/v1/figures"));
        await HandedOverAsync(desk, new DateOnly(Today.Year - 1, 6, 15));
        var after = await JsonAsync(await desk.GetAsync("/api/v1/figures"));
        after.GetProperty("donationsLastYear").GetInt32().ShouldBe(before.GetProperty("donationsLastYear").GetInt32() + 1);
        after.GetProperty("donatedValueLastYear").GetDecimal().ShouldBe(before.GetProperty("donatedValueLastYear").GetDecimal() + 200 * 12.5m + 20 * 480m);
    }

    /// <summary>A donation to Senegal taken to its handover on that day (its approval and order set before it, as the demo's are).</summary>
    private async Task<int> HandedOverAsync(HttpClient desk, DateOnly on)
    {
        var id = (await ProposeAsync(desk, NewDonation(UniqueName("Don remis"), "SN",
            Item("Cibles d'entraînement en carton", quantity: 200, unitValue: 12.5m), Item("Gilets pare-balles", ml: "ML13", quantity: 20, unitValue: 480m, licence: "LEX-1"))))
            .GetProperty("id").GetInt32();
        (await desk.PostAsync($"/api/v1/donations/{id}/end-user-statement", Statement(TestFiles.Pdf()))).EnsureSuccessStatusCode();
        var director = await factory.ApiClientAsync(DemoAccounts.Director);
        await MoveAsync(director, id, "approved");
        await MoveAsync(desk, id, "ordered");
        var delivered = await MoveAsync(desk, id, "delivered");
        // Approved long ago: the handover is dated in the past, after the approval.
        await factory.WithDbAsync(async db => await db.Donations.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ApprovedOn, on.AddMonths(-2))));
        var items = delivered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        var handed = await desk.PostAsync($"/api/v1/donations/{id}/handover", Handover(on, $"{{\"{items[0]}\": 200, \"{items[1]}\": 20}}"));
        handed.StatusCode.ShouldBe(HttpStatusCode.OK, await handed.Content.ReadAsStringAsync());
        return id;
    }
}
