using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using static Cooperation.Tests.Schools.Nominations.NominationsTestData;

namespace Cooperation.Tests.Schools.Nominations;

/// <summary>The application with its letters' signatory and public address configured, as an installation sets them.</summary>
public sealed class LettersFactory : CooperationFactory
{
    public const string PublicBaseUrl = "https://cooperation.example.gouv.fr";
    public const string Signatory = "Général de division Hervé Lemaire";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl + "/");
        builder.UseSetting("Letters:Signatory", Signatory);
    }
}

/// <summary>
/// Letters and certificates written as a French administration writes them, read back from the PDF: a country with its
/// article and preposition, a school with its article, "1er" for the first of a month, the same form of address at
/// both ends, the ministry's block and the signatory, the verification link from <c>App:PublicBaseUrl</c>.
/// </summary>
public class LetterWordingTests(LettersFactory factory) : IClassFixture<LettersFactory>
{
    /// <summary>The first day of a month at least two months ahead: a session still open to nominations.</summary>
    private static DateOnly FirstOfAMonth()
    {
        var day = TestData.Today.AddDays(70);
        return new DateOnly(day.Year, day.Month, 1);
    }

    private async Task<string> LetterAsync(string country, string gender, string lang)
    {
        var session = await factory.SessionAsync(start: FirstOfAMonth(), quotas: new() { [country] = 3 });
        var admin = await factory.ApiClientAsync(DemoAccounts.Admin);
        var candidate = Candidate(gender == "Female" ? "Awa" : "Issa", UniqueName("Letter"), new DateOnly(1985, 3, 3), gender, nationality: country);
        var id = (await admin.NominateAsync(session.Id, candidate, country)).GetProperty("id").GetInt32();
        (await admin.ScreenAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.ActAsync(id, "accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return PdfText.Extract(await admin.GetByteArrayAsync($"/api/v1/nominations/{id}/invitation.pdf?lang={lang}"));
    }

    [Fact]
    public async Task A_convocation_names_the_country_and_the_school_with_their_article_the_first_of_the_month_and_one_form_of_address()
    {
        var start = FirstOfAMonth();
        var french = CultureInfo.GetCultureInfo("fr-FR");

        var ivorian = await LetterAsync("CI", "Female", "fr");
        ivorian.ShouldContain("présentée par la Côte d'Ivoire");
        ivorian.ShouldContain("organisée par l'École de maintien de la paix Alioune Blondin Beye");
        ivorian.ShouldContain($"du 1er {start.ToString("MMMM yyyy", french)} au");
        ivorian.ShouldContain("Madame,");
        ivorian.ShouldContain("Je vous prie d'agréer, Madame, l'expression");
        ivorian.ShouldNotContain("Monsieur");
        // The ministry's block above, the signatory's title and name below.
        ivorian.ShouldContain("Ministère de l'Europe et des Affaires étrangères");
        ivorian.ShouldContain("Le directeur de la coopération de sécurité et de défense");
        ivorian.ShouldContain(LettersFactory.Signatory);

        var senegalese = await LetterAsync("SN", "Male", "fr");
        senegalese.ShouldContain("présentée par le Sénégal");
        senegalese.ShouldContain("Monsieur,");
        senegalese.ShouldContain("Je vous prie d'agréer, Monsieur, l'expression");
        senegalese.ShouldNotContain("Madame");

        (await LetterAsync("KM", "Male", "fr")).ShouldContain("présentée par les Comores");

        var english = await LetterAsync("CI", "Female", "en");
        english.ShouldContain("submitted by Côte d'Ivoire");
        english.ShouldContain("Dear Madam,");
        english.ShouldContain("Ministry for Europe and Foreign Affairs");
        english.ShouldContain($"1 {start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
    }

    [Fact]
    public async Task A_certificate_is_held_at_the_school_with_its_article_and_prints_the_configured_verification_link()
    {
        var session = await factory.SessionAsync(start: new DateOnly(2024, 12, 1));
        var trainee = await factory.TraineeAsync("SN");
        var code = await factory.PassAsync(await factory.NominateAsync(session.Id, trainee));
        var api = await factory.ApiClientAsync(DemoAccounts.Admin);

        var text = PdfText.Extract(await api.GetByteArrayAsync($"/api/v1/certificates/{code}.pdf?lang=fr"));
        text.ShouldContain("à l'École de maintien de la paix Alioune Blondin Beye");
        text.ShouldContain("du 1er décembre 2024 au 12 décembre 2024");
        text.ShouldContain($"{LettersFactory.PublicBaseUrl}/verify/{code}");
        text.ShouldNotContain("localhost");
    }

    [Trait("Category", "Unit")]
    [Fact]
    public void French_names_take_their_article_and_preposition()
    {
        var ivory = FrenchName.Country("Côte d'Ivoire", "la", "en");
        (ivory.Definite, ivory.In, ivory.Of).ShouldBe(("la Côte d'Ivoire", "en Côte d'Ivoire", "de la Côte d'Ivoire"));
        var senegal = FrenchName.Country("Sénégal", "le", "au");
        (senegal.Definite, senegal.In, senegal.Of).ShouldBe(("le Sénégal", "au Sénégal", "du Sénégal"));
        var comoros = FrenchName.Country("Comores", "les", "aux");
        (comoros.Definite, comoros.In, comoros.Of).ShouldBe(("les Comores", "aux Comores", "des Comores"));
        FrenchName.Country("Guinée", "la", "en").In.ShouldBe("en Guinée");
        FrenchName.Country("Madagascar", "", "à").In.ShouldBe("à Madagascar");
        FrenchName.Country("Oman", "", "à").Of.ShouldBe("d'Oman");
        FrenchName.School("Centre de perfectionnement aux techniques de maintien de l'ordre").In.ShouldStartWith("au Centre");
        FrenchName.School("École de guerre").In.ShouldBe("à l'École de guerre");
        LetterDates.Long(new DateOnly(2026, 12, 1), CultureInfo.GetCultureInfo("fr-FR")).ShouldBe("1er décembre 2026");
        LetterDates.Long(new DateOnly(2026, 12, 2), CultureInfo.GetCultureInfo("fr-FR")).ShouldBe("2 décembre 2026");
        LetterDates.Long(new DateOnly(2026, 12, 1), CultureInfo.GetCultureInfo("en-GB")).ShouldBe("1 December 2026");
    }
}
