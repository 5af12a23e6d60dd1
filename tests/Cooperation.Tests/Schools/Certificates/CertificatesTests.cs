using Cooperation.Web.Features.Schools.Results;
using Microsoft.AspNetCore.Hosting;
using PdfSharp.Pdf.IO;

namespace Cooperation.Tests.Schools.Certificates;

public class CertificatesTests(CooperationFactory factory) : IClassFixture<CooperationFactory>
{
    private async Task<(TestTrainee Trainee, TestSession Session, string Code)> CertifiedAsync(string nationality = "SN")
    {
        var session = await factory.SessionAsync(start: new DateOnly(2024, 10, 7));
        var trainee = await factory.TraineeAsync(nationality);
        var nomination = await factory.NominateAsync(session.Id, trainee);
        return (trainee, session, (await factory.PassAsync(nomination))!);
    }

    private static void ShouldBeALandscapePdf(byte[] bytes)
    {
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("%PDF");
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBe(1);
        document.Pages[0].Width.Point.ShouldBeGreaterThan(document.Pages[0].Height.Point);
    }

    [Fact]
    public async Task The_certificate_opens_as_a_landscape_PDF_in_French_and_in_English()
    {
        var (trainee, _, code) = await CertifiedAsync();
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);
        var response = await api.GetAsync($"/api/v1/certificates/{code}.pdf?lang=en");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        ShouldBeALandscapePdf(await response.Content.ReadAsByteArrayAsync());

        var page = await factory.PageClientAsync(DemoAccounts.DeskAfrica);
        var html = await HtmlAsync(await page.GetAsync($"/Schools/Certificates/{code}"));
        html.ShouldContain(trainee.LastName.ToUpperInvariant());
        // The request's own scheme and host when App:PublicBaseUrl is not configured.
        html.ShouldContain($"{page.BaseAddress!.Scheme}://localhost/verify/{code}");
        var pdf = await page.GetAsync($"/Schools/Certificates/{code}?handler=Pdf&lang=fr");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeALandscapePdf(await pdf.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Only_those_who_may_see_the_holder_by_name_get_the_certificate()
    {
        var (_, _, code) = await CertifiedAsync("SN");
        var liaison = await factory.ApiClientAsync(DemoAccounts.LiaisonCi);
        (await liaison.GetAsync($"/api/v1/certificates/{code}.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var auditor = await factory.ApiClientAsync(DemoAccounts.Auditor);
        (await auditor.GetAsync($"/api/v1/certificates/{code}.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var school = await factory.ApiClientAsync(DemoAccounts.SchoolDirector);
        (await school.GetAsync($"/api/v1/certificates/{code}.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.CreateClient().GetAsync($"/api/v1/certificates/{code}.pdf")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anyone_verifies_a_real_code_without_seeing_the_holder_s_name()
    {
        var (trainee, session, code) = await CertifiedAsync();
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await anonymous.GetAsync($"/api/v1/certificates/{code.ToLowerInvariant()}/verify");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        json.ShouldNotContain(trainee.LastName, Case.Insensitive);
        json.ShouldNotContain(trainee.FirstName, Case.Insensitive);
        json.ShouldNotContain("1984");
        var check = JsonDocument.Parse(json).RootElement;
        check.GetProperty("valid").GetBoolean().ShouldBeTrue();
        check.GetProperty("code").GetString().ShouldBe(code);
        check.GetProperty("courseTitle").GetString().ShouldBe(session.TitleEn);
        check.GetProperty("school").GetString().ShouldBe("EMPABB");
        check.GetProperty("startDate").GetString().ShouldBe("2024-10-07");
        check.GetProperty("holderInitials").GetString().ShouldBe("A. D.");

        var page = await anonymous.GetAsync($"/verify/{code}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(page);
        html.ShouldContain("Genuine certificate");
        html.ShouldContain(session.TitleEn);
        html.ShouldNotContain(trainee.LastName, Case.Insensitive);
    }

    [Fact]
    public async Task An_unknown_code_is_clearly_denied()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/api/v1/certificates/ABCDEFGHJK/verify");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("valid").GetBoolean().ShouldBeFalse();
        problem.GetProperty("detail").GetString().ShouldBe("Aucun certificat ne porte le code « ABCDEFGHJK ».");

        var page = await anonymous.GetAsync("/verify?code=not-a-code");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HtmlAsync(page)).ShouldContain("Aucun certificat ne porte le code not-a-code.");
        (await anonymous.GetAsync("/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Trait("Category", "Unit")]
    [Fact]
    public void Codes_are_ten_unambiguous_characters_and_typing_slips_are_forgiven()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => CertificateCodes.New()).ToList();
        codes.ShouldAllBe(c => c.Length == 10 && c.All(ch => CertificateCodes.Alphabet.Contains(ch)));
        string.Concat(codes).IndexOfAny(['0', 'O', '1', 'I']).ShouldBe(-1);
        codes.Distinct().Count().ShouldBe(codes.Count);
        CertificateCodes.Normalize(" abcde-fghjk ").ShouldBe("ABCDEFGHJK");
        CertificateCodes.Normalize("ABCDEFGHJ0").ShouldBeNull();
        CertificateCodes.Normalize("ABC").ShouldBeNull();
    }
}

/// <summary>The application with a tight verification budget, to see it enforced.</summary>
public class StrictVerificationFactory : CooperationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:CertificateChecksPerMinute", "5");
    }
}

public class CertificateRateLimitTests(StrictVerificationFactory factory) : IClassFixture<StrictVerificationFactory>
{
    [Fact]
    public async Task Codes_cannot_be_tried_in_bulk()
    {
        var anonymous = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await anonymous.GetAsync($"/api/v1/certificates/ABCDEFGH{i + 2}K/verify")).StatusCode);
        // The page and the API share one budget.
        statuses.Add((await anonymous.GetAsync("/verify/ABCDEFGHJK")).StatusCode);
        statuses.ShouldAllBe(s => s == HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/verify/ABCDEFGHJK")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await anonymous.GetAsync("/api/v1/certificates/ABCDEFGHJK/verify")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
